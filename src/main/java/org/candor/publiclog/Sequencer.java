package org.candor.publiclog;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Gives staged entries (what posting put on the log without waiting for its head) their sequence numbers and tree
 * nodes, every {@code candor.log.sequence-interval} (1 s), on whichever instance finds the head free. A customer's
 * post is committed, and they see it, before it is sequenced; it is on the log within about a second. Then the
 * statements of reasons among them get their log numbers.
 */
@ApplicationScoped
public class Sequencer {

    private final LogStaging staging;

    Sequencer(LogStaging staging) {
        this.staging = staging;
    }

    @Scheduled(every = "${candor.log.sequence-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sequence() {
        // a full batch means more are waiting: go on until the queue is empty
        while (staging.integrate(BATCH) == BATCH) {
            Thread.onSpinWait();
        }
        staging.numberStatements();
    }

    static final int BATCH = 2000;
}
