package org.candor.devdb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL server per JVM, shared by every Quarkus restart in it (dev reloads, test profiles).
 * <p>
 * Quarkus may load this class in several class loaders; the running server's URL is therefore remembered in a system
 * property, which all of them see.
 */
final class EmbeddedDatabase {

    record Connection(String jdbcUrl, String user, String password) {
    }

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String RUNNING = "embedded-postgres.candor-url";
    private static final String DATABASE = "candor";

    private EmbeddedDatabase() {
    }

    /** Dev mode: data kept under {@code target/candor-dev-db} so it survives restarts (until {@code mvn clean}). */
    static synchronized Connection startPersistent() {
        Path dir = Path.of(System.getProperty("candor.dev-db.dir", "target/candor-dev-db")).toAbsolutePath();
        return start(dir);
    }

    /** Tests: a fresh, throw-away cluster per test JVM. */
    static synchronized Connection startThrowaway() {
        return start(null);
    }

    private static Connection start(Path dataDir) {
        String running = System.getProperty(RUNNING);
        if (running != null) {
            return new Connection(running, "postgres", "postgres");
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on");
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
            }
            long started = System.nanoTime();
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    // the JVM is going away; nothing more to do
                }
            }, "embedded-postgres-stop"));
            try (var c = pg.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
                var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
                if (!rs.next()) {
                    st.execute("create database " + DATABASE);
                }
            }
            String url = pg.getJdbcUrl("postgres", DATABASE);
            System.setProperty(RUNNING, url);
            LOG.infof("Embedded PostgreSQL started in %d ms at %s (data: %s)", (System.nanoTime() - started) / 1_000_000,
                    url, dataDir == null ? "temporary" : dataDir);
            return new Connection(url, "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not prepare the embedded PostgreSQL database", e);
        }
    }
}
