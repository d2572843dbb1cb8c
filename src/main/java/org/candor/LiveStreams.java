package org.candor;

import java.time.Duration;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import io.smallrye.mutiny.Multi;

/** What the board's live streams and the work done after a commit share. */
public final class LiveStreams {

    private LiveStreams() {
    }

    /**
     * A browser's event stream: "ready" once subscribed, then the events, with a keep-alive "ping" every 20 seconds so
     * proxies keep the stream open.
     */
    public static Multi<String> of(Multi<String> events) {
        Multi<String> keepAlive = Multi.createFrom().ticks().every(Duration.ofSeconds(20)).map(t -> "ping");
        return Multi.createBy().concatenating().streams(Multi.createFrom().item("ready"),
                Multi.createBy().merging().streams(events, keepAlive));
    }

    /** Runs {@code work} once the current transaction has committed (never if it rolls back). */
    public static void afterCommit(jakarta.transaction.TransactionSynchronizationRegistry transactions, Runnable work) {
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    work.run();
                }
            }
        });
    }

    /**
     * An executor for work that runs after a transaction has committed: it carries no context along (no transaction,
     * no request), so the work opens what it needs itself.
     */
    public static ManagedExecutor afterCommitExecutor(int maxAsync) {
        return ManagedExecutor.builder().propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING)
                .maxAsync(maxAsync).build();
    }
}
