package org.candor.moderation;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * The live queue's fan-out. Every instance LISTENs on {@value ModerationQueue#CHANNEL}; whichever instance changed an
 * item NOTIFYs at commit with the item id, and every instance passes the id on to its moderators' browsers, which
 * re-read what they show. The subscriber reconnects by itself when the connection drops.
 */
@ApplicationScoped
public class QueueEvents {

    private static final Logger LOG = Logger.getLogger(QueueEvents.class);

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private final Vertx vertx;
    private final String jdbcUrl;
    private final Optional<String> user;
    private final Optional<String> password;
    private PgSubscriber subscriber;

    QueueEvents(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.vertx = vertx;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent start) {
        subscriber = PgSubscriber.subscriber(vertx, options())
                .reconnectPolicy(attempt -> 1000L); // keep trying, once a second, for as long as the app runs
        subscriber.channel(ModerationQueue.CHANNEL).handler(payload -> {
            if (payload != null && payload.matches("\\d{1,19}")) {
                changes.onNext(payload);
            }
        });
        subscriber.closeHandler(v -> LOG.warn("Lost the queue's LISTEN connection; reconnecting"));
        subscriber.connect().onFailure(e -> LOG.errorf("Cannot LISTEN for queue changes: %s", e.getMessage()));
    }

    void stop(@Observes ShutdownEvent stop) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /**
     * "ready" once subscribed, then ids of changed items as they change, with a keep-alive every 20 seconds so proxies
     * keep the stream open.
     */
    public Multi<String> stream() {
        Multi<String> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(20)).map(t -> "ping");
        Multi<String> live = Multi.createBy().merging().streams(changes, keepAlive);
        return Multi.createBy().concatenating().streams(Multi.createFrom().item("ready"), live);
    }

    /** Connection options from the JDBC URL the application already uses. */
    PgConnectOptions options() {
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
