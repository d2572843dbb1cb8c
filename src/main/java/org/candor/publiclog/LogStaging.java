package org.candor.publiclog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * What goes on the log without waiting for its head: posting and official replies stage their entries in their own
 * transactions, and the {@link Sequencer} (or the next {@link PublicLog#append}) gives them their numbers within about
 * a second.
 */
@ApplicationScoped
public class LogStaging {

    private final EntityManager em;
    private final LogSequencing sequencing;

    LogStaging(EntityManager em, LogSequencing sequencing) {
        this.em = em;
        this.sequencing = sequencing;
    }

    /**
     * Stages what a post puts on the log, in the posting transaction. {@code salt} opens {@code contentCommitment}; it
     * is kept beside the log, never served.
     */
    @Transactional(TxType.MANDATORY)
    public void stage(PublicLog.Draft d, byte[] salt) {
        PublicLog.fit(d.body());
        sequencing.stage(d, salt, null, false);
    }

    /**
     * Stages what a moderator's official reply puts on the log (the reply, the offer it grants), in the action's
     * transaction, so the reply never waits for the log head; returns the staged entry's id, which the author's e-mail
     * names to link its receipt once the entry has its number. A staged entry has no reason text and erases nothing.
     */
    @Transactional(TxType.MANDATORY)
    public long stageAction(PublicLog.Draft d) {
        if (d.reasonText() != null || d.erases() != null) {
            throw new IllegalArgumentException("a staged entry carries no reason text and erases nothing: " + d.kind());
        }
        PublicLog.fit(d.body());
        PublicLog.fit(d.actorHandle());
        return sequencing.stage(d, null, null, true);
    }

    /**
     * Stages a statement of reasons an automated hold imposed (its public part in {@code d.body()}), in the posting
     * transaction: once the entry has its number, {@link #numberStatements} fills in the statement's {@code log_seq}.
     */
    @Transactional(TxType.MANDATORY)
    public void stageStatement(PublicLog.Draft d, long statementId) {
        PublicLog.fit(d.body());
        sequencing.stage(d, null, statementId, false);
    }

    /**
     * Sequences staged entries when the log head is free (another instance sequencing, or an action appending, holds
     * it: they integrate the staged entries themselves); returns how many were integrated.
     */
    @Transactional
    public int integrate(int limit) {
        LogSequencing.Tree tree = sequencing.tree();
        LogSequencing.Head head = sequencing.lock(tree, true);
        if (head == null) {
            return 0;
        }
        long after = sequencing.integrate(head.size(), head.policyVersion(), tree, limit);
        if (after > head.size()) {
            tree.flush();
            sequencing.advance(after, tree);
        }
        return (int) (after - head.size());
    }

    /**
     * Fills in the log numbers of staged statements of reasons that have been sequenced; returns how many. Its own
     * transaction, without the head, skipping a statement a moderator's action holds (it is filled in the next time):
     * so neither waits for the other.
     * <p>
     * Planned afresh on every run, never kept as a server-side prepared statement: both tables start empty, and a plan
     * kept from then (a nested loop reading both whole, for every pair) stays until PostgreSQL next analyses them. With
     * autovacuum off, the benchmark's sequencer spent 15 s to minutes on one run of it, numbering nothing else meanwhile
     * and sequencing nothing (docs/benchmarks.md).
     */
    @Transactional
    public int numberStatements() {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (var update = c.prepareStatement(NUMBER_STATEMENTS)) {
                update.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                return update.executeUpdate();
            }
        });
    }

    private static final String NUMBER_STATEMENTS = """
            update reasons_statement r set log_seq = n.seq
            from (select s.id, g.seq from reasons_statement s join log_staged g on g.statement_id = s.id
                  where s.log_seq is null and g.seq is not null
                  for update of s skip locked) n
            where r.id = n.id""";
}
