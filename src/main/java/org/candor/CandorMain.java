package org.candor;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Candor. The packaged application in the prod profile refuses, in one line, to start without what production
 * needs ({@link ProductionChecks}): a database URL, its public address, the log's signing key, a session secret once
 * sign-in is enabled, and a mail sender (or {@code CANDOR_MAIL=off}).
 */
@QuarkusMain
public class CandorMain {

    public static void main(String... args) {
        if (runningPackaged() && isProdProfile()) {
            String refusal = ProductionChecks.refusal(ProductionChecks::lookup);
            if (refusal != null) {
                System.err.println(refusal);
                System.exit(2);
            }
        }
        Quarkus.run(args);
    }

    /** True for {@code java -jar quarkus-run.jar}; false in dev mode and tests, whose class loaders differ. */
    private static boolean runningPackaged() {
        return CandorMain.class.getClassLoader().getClass().getName().equals("io.quarkus.bootstrap.runner.RunnerClassLoader");
    }

    private static boolean isProdProfile() {
        String profile = firstNonBlank(System.getProperty("quarkus.profile"), System.getenv("QUARKUS_PROFILE"));
        return profile == null || profile.equals("prod");
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
