package org.candor;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts Candor. In production it refuses, in one line, to start without a database URL: the prod profile never falls
 * back to an embedded database.
 */
@QuarkusMain
public class CandorMain {

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL && isProdProfile() && databaseUrl() == null) {
            System.err.println("Candor: no database configured. Set QUARKUS_DATASOURCE_JDBC_URL (for example "
                    + "jdbc:postgresql://db:5432/candor), QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.");
            System.exit(2);
        }
        Quarkus.run(args);
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
