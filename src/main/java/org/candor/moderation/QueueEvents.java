package org.candor.moderation;

import java.util.Set;

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

    /** An item that changed, and the subject it is about. */
    record Change(String itemId, long subjectId) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final Notifications notifications;

    QueueEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent start) {
        notifications.listen(ModerationQueue.CHANNEL, payload -> {
            if (payload.matches("\\d{1,19}:\\d{1,19}")) {
                int colon = payload.indexOf(':');
                changes.onNext(new Change(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1))));
            }
        }, () -> { });
    }

    /**
     * "ready" once subscribed, then ids of changed items as they change, with a keep-alive every 20 seconds so proxies
     * keep the stream open. {@code scope}: the subjects whose items this moderator may see, null for all.
     */
    public Multi<String> stream(Set<Long> scope) {
        return org.candor.LiveStreams.of(changes.filter(c -> scope == null || scope.contains(c.subjectId()))
                .map(Change::itemId));
    }
}
