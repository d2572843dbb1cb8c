import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Signs in {@code count} new customers through Candor's real authorization-code flow (against bench/FakeIdp.java) and
 * writes one line per session: the Cookie header to send, a tab, the CSRF token for forms, a tab, and the second
 * (epoch) at which the session cookie was last set. JDK only: {@code java bench/SignIn.java <app base url> <count>
 * <out file>}.
 * <p>
 * {@code java bench/SignIn.java <app base url> refresh <file> [seconds]} keeps the sessions of the file fresh for the
 * next {@code seconds} (default 0), as a browser keeps them: Candor writes a session's last-seen again once it is a
 * minute old, and a load that replays a cookie older than that has it written again on every request, which no
 * browser does (wrk does not take the cookies an answer sets). Each session that would turn a minute old within the
 * window is made due first (waiting until it is, the cookies of one sign-in or refresh all turn together) and then
 * renewed with one request, its new cookie kept. Without the wait, a window that started with cookies 50 seconds
 * old measured a storm of renewals, every request re-encrypting its cookie (10,800 signed-in pages a second
 * instead of 28,400 in one profile).
 */
public class SignIn {

    /** Candor renews a session cookie once its last-seen is this old (CandorSession.SLIDE_SECONDS). */
    private static final long SLIDE_SECONDS = 60;

    /** A Set-Cookie scoped to a path other than the whole site. */
    private static final java.util.regex.Pattern OTHER_PATH = java.util.regex.Pattern.compile("(?i);\\s*path=/[^;\\s]");

    public static void main(String[] args) throws Exception {
        String app = args[0];
        Path out = Path.of(args[2]);
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> lines = new ArrayList<>();
        if (args[1].equals("refresh")) {
            long ahead = args.length > 3 ? Long.parseLong(args[3]) : 0;
            lines.addAll(Files.readAllLines(out));
            // waiting for some sessions to be due pushes the window later, when others may turn a minute old in it
            for (List<Integer> due = atRisk(lines, ahead); !due.isEmpty(); due = atRisk(lines, ahead)) {
                long now = System.currentTimeMillis() / 1000;
                long dueAt = due.stream().mapToLong(i -> setAt(lines.get(i)) + SLIDE_SECONDS + 2).max().getAsLong();
                if (dueAt > now) {
                    System.out.println("waiting " + (dueAt - now) + " s for " + due.size() + " sessions to be due");
                    Thread.sleep((dueAt - now) * 1000);
                }
                List<Future<String>> renewed = new ArrayList<>();
                for (int i : due) {
                    String line = lines.get(i);
                    renewed.add(pool.submit(() -> refresh(http, app, line)));
                }
                for (int k = 0; k < due.size(); k++) {
                    lines.set(due.get(k), renewed.get(k).get());
                }
            }
        } else {
            List<Future<String>> sessions = new ArrayList<>();
            for (int i = 0, count = Integer.parseInt(args[1]); i < count; i++) {
                sessions.add(pool.submit(() -> signIn(http, app)));
            }
            for (Future<String> session : sessions) {
                lines.add(session.get());
            }
        }
        Files.write(out, lines);
        pool.shutdown();
    }

    /**
     * The lines whose session turns a minute old before {@code ahead} seconds from now are over (two seconds to spare:
     * the server's last-seen may be a second older than the second the client noted).
     */
    private static List<Integer> atRisk(List<String> lines, long ahead) {
        long end = System.currentTimeMillis() / 1000 + ahead;
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (setAt(lines.get(i)) + SLIDE_SECONDS <= end + 2) {
                due.add(i);
            }
        }
        return due;
    }

    /** The second at which the session cookie of {@code line} was last set (0 when the line does not say). */
    private static long setAt(String line) {
        String[] fields = line.split("\t");
        return fields.length > 2 ? Long.parseLong(fields[2]) : 0;
    }

    /** The session of {@code line}, due to be renewed, after one request: its cookies as the answer left them. */
    private static String refresh(HttpClient http, String app, String line) throws Exception {
        Map<String, String> jar = new LinkedHashMap<>();
        for (String pair : line.split("\t", 2)[0].split("; ")) {
            jar.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(app + "/about"))
                .header("Cookie", cookieHeader(jar)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String sent = jar.get("candor_session");
        keep(jar, response);
        if (response.statusCode() != 200 || !jar.containsKey("candor_session")) {
            throw new IllegalStateException("session refused (" + response.statusCode() + "): " + jar.keySet());
        }
        if (sent.equals(jar.get("candor_session"))) {
            throw new IllegalStateException("a session a minute old was not renewed (the server's clock?)");
        }
        return line(jar, System.currentTimeMillis() / 1000);
    }

    /** A line of the sessions file: the Cookie header, the CSRF token, the second the session cookie was set. */
    private static String line(Map<String, String> jar, long setAt) {
        return cookieHeader(jar) + "\t" + jar.get("csrf-token") + "\t" + setAt;
    }

    private static void keep(Map<String, String> jar, HttpResponse<String> response) {
        for (String set : response.headers().allValues("set-cookie")) {
            String pair = set.split(";", 2)[0];
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (OTHER_PATH.matcher(set).find()) {
                continue; // as a browser does: a cookie for another path (the sign-out route's) is not sent to pages
            }
            if (value.isEmpty() || set.toLowerCase().contains("max-age=0")) {
                jar.remove(name);
            } else {
                jar.put(name, value);
            }
        }
    }

    private static String signIn(HttpClient http, String app) throws Exception {
        URI origin = URI.create(app);
        Map<String, String> jar = new LinkedHashMap<>();
        URI url = URI.create(app + "/login/oidc?back=/about");
        for (int hop = 0; hop < 10; hop++) {
            boolean toApp = url.getPort() == origin.getPort() && url.getHost().equals(origin.getHost());
            HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
            if (toApp && !jar.isEmpty()) {
                request.header("Cookie", cookieHeader(jar));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (toApp) {
                keep(jar, response);
            }
            var location = response.headers().firstValue("location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                break;
            }
            url = url.resolve(location.get());
        }
        if (!jar.containsKey("candor_session")) {
            throw new IllegalStateException("sign-in did not complete; cookies: " + jar.keySet());
        }
        if (!jar.containsKey("csrf-token")) {
            throw new IllegalStateException("no CSRF cookie; cookies: " + jar.keySet());
        }
        return line(jar, System.currentTimeMillis() / 1000);
    }

    private static String cookieHeader(Map<String, String> jar) {
        return jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }
}
