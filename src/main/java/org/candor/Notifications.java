package org.candor;

import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Tuple;

/**
 * This instance's one LISTEN connection to PostgreSQL, shared by everything that reacts to changes made on any instance
 * (the live moderation queue, the public page cache). It reconnects by itself, once a second, for as long as the app runs.
 */
@ApplicationScoped
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class);

    private final PgSubscriber subscriber;
    private final Vertx vertx;
    private volatile java.time.Instant lostSince;

    Notifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.subscriber = PgSubscriber.subscriber(vertx, options(jdbcUrl, user, password))
                .reconnectPolicy(attempt -> 1000L);
    }

    void start(@Observes StartupEvent start) {
        lostSince = java.time.Instant.now();
        subscriber.connect().onFailure(e -> LOG.errorf("Cannot LISTEN to PostgreSQL: %s; retrying", e.getMessage()));
        // a dropped connection does not say so: look four times a second
        vertx.setPeriodic(250, id -> {
            boolean up = listening();
            if (up) {
                lostSince = null;
            } else if (lostSince == null) {
                lostSince = java.time.Instant.now();
            }
        });
    }

    /** For how long the LISTEN connection has been down (zero while it is up). */
    public java.time.Duration lostFor() {
        java.time.Instant since = lostSince;
        return since == null || listening() ? java.time.Duration.ZERO
                : java.time.Duration.between(since, java.time.Instant.now());
    }

    void stop(@Observes ShutdownEvent stop) {
        subscriber.close();
    }

    /**
     * Calls {@code onNotify} with the payload of every NOTIFY on the channel, and {@code onListening} each time the
     * channel is (again) listened to — after a lost connection, notifications sent meanwhile are gone.
     */
    public void listen(String channel, Consumer<String> onNotify, Runnable onListening) {
        subscriber.channel(channel)
                .subscribeHandler(v -> onListening.run())
                .handler(payload -> onNotify.accept(payload == null ? "" : payload));
    }

    /** Whether the LISTEN connection is up right now. */
    public boolean listening() {
        return subscriber.actualConnection() != null;
    }

    /** Sends a NOTIFY on the LISTEN connection itself (so it arrives after everything committed before it). */
    public Future<Void> send(String channel, String payload) {
        var connection = subscriber.actualConnection();
        if (connection == null) {
            return Future.failedFuture("not connected");
        }
        return connection.preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(channel, payload)).mapEmpty();
    }

    /** Connection options from the JDBC URL the application already uses. */
    static PgConnectOptions options(String jdbcUrl, Optional<String> user, Optional<String> password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        PgConnectOptions options = new PgConnectOptions()
                .setHost(uri.getHost() == null ? "localhost" : uri.getHost())
                .setPort(uri.getPort() < 0 ? 5432 : uri.getPort())
                .setDatabase(uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1));
        String query = uri.getQuery() == null ? "" : uri.getQuery();
        String urlUser = null;
        String urlPassword = null;
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "user" -> urlUser = kv[1];
                    case "password" -> urlPassword = kv[1];
                    case "sslmode" -> options.setSslMode(SslMode.of(kv[1]));
                    default -> { }
                }
            }
        }
        options.setUser(user.orElse(urlUser == null ? "postgres" : urlUser));
        String secret = password.orElse(urlPassword);
        if (secret != null) {
            options.setPassword(secret);
        }
        return options;
    }
}
