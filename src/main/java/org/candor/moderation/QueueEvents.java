package org.candor.moderation;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

import org.candor.Notifications;
import org.candor.account.KnownAccounts;
import org.candor.web.PublicPages;

/**
 * The live queue's fan-out. Every instance LISTENs on {@value ModerationQueue#CHANNEL}; whichever instance changed an
 * item NOTIFYs at commit with the item id, and every instance passes the id on to its moderators' browsers, which
 * re-read what they show.
 * <p>
 * It also names the moment a moderator's queue page may be kept for ({@link #moment()}): everything a queue page shows
 * changes through a write that NOTIFYs at commit — an item ({@value ModerationQueue#CHANNEL}), a post, subject or the
 * public log ({@value PublicPages#CHANNEL}, where every write through the app also sends its mark), an alert
 * ({@value Alerts#CHANNEL}), an account's role, name or subjects ({@value KnownAccounts#CHANNEL}) — and the clock's
 * words, at most {@link #FRESH_NANOS} late.
 */
@ApplicationScoped
public class QueueEvents {

    /** How long a queue page is kept at most, however quiet the board: its clock's words ("waiting 5 min") are as late. */
    static final long FRESH_NANOS = 2_000_000_000L;

    /** An item that changed, and the subject it is about. */
    record Change(String itemId, long subjectId) {
    }

    /** What kept queue pages were made in: the same object while nothing was written and for at most two seconds. */
    private record Moment(long seen, long at) {
    }

    private final BroadcastProcessor<Change> changes = BroadcastProcessor.create();
    private final Notifications notifications;
    private final AtomicLong seen = new AtomicLong();
    private final AtomicReference<Moment> moment = new AtomicReference<>(new Moment(-1, 0));

    QueueEvents(Notifications notifications) {
        this.notifications = notifications;
    }

    void start(@Observes StartupEvent start) {
        notifications.listen(ModerationQueue.CHANNEL, payload -> {
            seen.incrementAndGet();
            if (payload.matches("\\d{1,19}:\\d{1,19}")) {
                int colon = payload.indexOf(':');
                changes.onNext(new Change(payload.substring(0, colon), Long.parseLong(payload.substring(colon + 1))));
            }
        }, seen::incrementAndGet);
        for (String channel : new String[] { PublicPages.CHANNEL, Alerts.CHANNEL, KnownAccounts.CHANNEL }) {
            notifications.listen(channel, payload -> seen.incrementAndGet(), seen::incrementAndGet);
        }
    }

    /**
     * "ready" once subscribed, then ids of changed items as they change, with a keep-alive every 20 seconds so proxies
     * keep the stream open. {@code scope}: the subjects whose items this moderator may see, null for all.
     */
    public Multi<String> stream(Set<Long> scope) {
        return org.candor.LiveStreams.of(changes.filter(c -> scope == null || scope.contains(c.subjectId()))
                .map(Change::itemId));
    }

    /**
     * The basis of a queue page kept now ({@link org.candor.web.Stencils}): the same object until something is written
     * through any instance or two seconds have passed; a new one on every call while this instance cannot hear of
     * writes. Taken before what the page shows is read, so a page read before a write is never kept as made after it.
     */
    Object moment() {
        Moment current = moment.get();
        if (current(current)) {
            return current;
        }
        Moment next = new Moment(seen.get(), System.nanoTime());
        moment.compareAndSet(current, next); // lost to another request's: this page is not kept for the next one
        return next;
    }

    /** Whether {@code basis} is the moment {@link #moment()} would name now. */
    boolean current(Object basis) {
        return basis instanceof Moment m && m == moment.get() && m.seen() == seen.get()
                && System.nanoTime() - m.at() < FRESH_NANOS && notifications.listening();
    }
}
