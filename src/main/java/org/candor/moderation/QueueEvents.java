package org.candor.moderation;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import org.candor.Notifications;

/**
 * The live queue's fan-out. Every instance LISTENs on {@value ModerationQueue#CHANNEL}; whichever instance changed an
 * item NOTIFYs at commit with the item id, and every instance passes the id on to its moderators' browsers, which
 * re-read what they show.
 */
@ApplicationScoped
public class QueueEvents {

    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private final Notifications notifications;

    QueueEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent start) {
        notifications.listen(ModerationQueue.CHANNEL, payload -> {
            if (payload.matches("\\d{1,19}")) {
                changes.onNext(payload);
            }
        }, () -> { });
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
}
