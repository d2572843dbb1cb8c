package org.candor.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import org.candor.Notifications;

/**
 * Alerts, live: every instance LISTENs on {@value Alerts#CHANNEL}; whichever instance created an alert NOTIFYs at
 * commit with the moderator's account id, and every instance passes it on to that moderator's open pages, which
 * update the badge.
 */
@ApplicationScoped
public class AlertEvents {

    private final BroadcastProcessor<Long> accounts = BroadcastProcessor.create();
    private final Notifications notifications;

    AlertEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent start) {
        notifications.listen(Alerts.CHANNEL, payload -> {
            if (payload.matches("\\d{1,19}")) {
                accounts.onNext(Long.parseLong(payload));
            }
        }, () -> { });
    }

    /** "ready" once subscribed, then "alert" for each new alert of this account, and a keep-alive every 20 seconds. */
    public Multi<String> stream(long accountId) {
        return org.candor.LiveStreams.of(accounts.filter(a -> a == accountId).map(a -> "alert"));
    }
}
