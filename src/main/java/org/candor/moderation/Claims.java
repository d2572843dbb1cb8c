package org.candor.moderation;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

/**
 * When a moderator's claim on a queue item holds: it lapses {@code candor.moderation.claim-idle} after their last
 * action on it, and a lapsed claim holds no one back. The one home of that rule, in Java for actions and in SQL for the
 * queue's reads (the {@code :idle} parameter, bound with {@link #bind}).
 */
@ApplicationScoped
public class Claims {

    /** SQL: the claim of queue item {@code i} is live. */
    static final String LIVE = "i.claimed_at > now() - cast(:idle as interval)";

    private final ModerationConfig config;

    Claims(ModerationConfig config) {
        this.config = config;
    }

    /** Whether another staff member than {@code actorId} holds a live claim on the item. */
    boolean heldByOther(QueueItem item, long actorId) {
        return item.claimedBy != null && item.claimedBy != actorId && item.claimedAt != null
                && item.claimedAt.plus(config.claimIdle()).isAfter(Instant.now());
    }

    /** Binds {@code :idle} for a query that uses {@link #LIVE}. */
    void bind(Query query) {
        query.setParameter("idle", config.claimIdle().toSeconds() + " seconds");
    }
}
