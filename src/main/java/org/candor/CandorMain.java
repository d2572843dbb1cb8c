package org.candor;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Candor. The packaged application in the prod profile refuses, in one line, to start without a database
 * URL: production never falls back to an embedded database.
 */
@QuarkusMain
public class CandorMain {

    public static void main(String... args) {
        if (runningPackaged() && isProdProfile() && databaseUrl() == null) {
            System.err.println("Candor: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL (for example "
                    + "jdbc:postgresql://db:5432/candor), QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
            System.exit(2);
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

    private static String databaseUrl() {
        return firstNonBlank(System.getProperty("quarkus.datasource.jdbc.url"), System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }
}
