package org.candor.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;

/**
 * The database going away and coming back, for real: the embedded PostgreSQL is stopped (fast shutdown, as a restart
 * does) while {@code during} runs, then started again on the same data and port. Needs the embedded server of the
 * tests (its binaries run under {@code unshare -U}, as the embedded library starts them).
 */
public final class Outage {

    private Outage() {
    }

    public static void during(Runnable during) throws Exception {
        String dataDir = (String) TestData.sql("select setting from pg_settings where name = 'data_directory'");
        List<String> command = tokens(Files.readString(Path.of(dataDir, "postmaster.opts")));
        Path bin = Path.of(command.get(0)).getParent();
        List<String> options = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) {
            if (command.get(i).equals("-D")) {
                i++;
            } else {
                options.add("'" + command.get(i) + "'");
            }
        }
        pgCtl(bin, "-D", dataDir, "-m", "fast", "-w", "stop");
        try {
            during.run();
        } finally {
            pgCtl(bin, "-D", dataDir, "-l", dataDir + "/../restart.log", "-o", String.join(" ", options), "-w", "start");
            // connections of the pool died with the server; the app must not hand them out again
            Arc.container().instance(AgroalDataSource.class).get().flush(AgroalDataSource.FlushMode.ALL);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    return TestData.sql("select 1") != null;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
    }

    private static void pgCtl(Path bin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("unshare", "-U", bin.resolve("pg_ctl").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_ctl " + String.join(" ", args) + " failed: " + p.exitValue());
        }
    }

    /** The command line in {@code postmaster.opts}: the binary, then each argument in double quotes. */
    private static List<String> tokens(String opts) {
        List<String> tokens = new ArrayList<>();
        String line = opts.strip();
        int firstSpace = line.indexOf(' ');
        tokens.add(firstSpace < 0 ? line : line.substring(0, firstSpace));
        Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(firstSpace < 0 ? "" : line.substring(firstSpace));
        while (m.find()) {
            tokens.add(m.group(1));
        }
        return tokens;
    }
}
