package org.candor;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Readiness follows the LISTEN connection: without it this instance neither hears of its colleagues' changes (the live
 * queue, the page cache, remembered accounts) nor can tell, so once it has been lost for longer than
 * {@code candor.listen.grace} the load balancer should send visitors elsewhere.
 */
@Readiness
@ApplicationScoped
class ListenReadiness implements HealthCheck {

    private final Notifications notifications;
    private final Duration grace;

    ListenReadiness(Notifications notifications, Config config) {
        this.notifications = notifications;
        this.grace = config.grace();
    }

    /** {@code candor.listen.*} */
    @ConfigMapping(prefix = "candor.listen")
    interface Config {
        /** How long the LISTEN connection may be lost before readiness turns DOWN. */
        @WithDefault("PT10S")
        Duration grace();
    }

    @Override
    public HealthCheckResponse call() {
        Duration lost = notifications.lostFor();
        return HealthCheckResponse.named("listen").status(lost.compareTo(grace) <= 0)
                .withData("lostForSeconds", lost.toSeconds()).build();
    }
}
