package org.candor.publiclog;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.Sql;

/**
 * How entries get their place in the tree, for {@link PublicLog}: staged entries integrated in sequence order, the
 * leaves and perfect subtrees they complete computed in memory and written in JDBC batches (one per kind of row), the
 * nodes a batch needs read once. Runs with the log head locked by its caller.
 */
@ApplicationScoped
class LogSequencing {

    /** A tree node to write. */
    record Node(short level, long index, byte[] hash) {
    }

    private final EntityManager em;

    LogSequencing(EntityManager em) {
        this.em = em;
    }

    Tree tree() {
        return new Tree();
    }

    /** Gives staged entries (oldest first) the numbers after {@code size}; returns the new size. Head locked. */
    long integrate(long size, int policyVersion, Tree tree, int limit) {
        List<Tuple> staged = Sql.tuples(em.createNativeQuery("""
                select id as id, kind as kind, subject_id as subject_id, subject_slug as subject_slug,
                    review_id as review_id, comment_id as comment_id, actor_role as actor_role,
                    actor_handle as actor_handle, rule as rule, rating as rating, reason_code as reason_code,
                    content_commitment as content_commitment, content_salt as content_salt, body as body,
                    body_salt as body_salt, date_trunc('milliseconds', created_at) as created_at
                from log_staged where seq is null order by id limit ?1""", Tuple.class).setParameter(1, limit));
        if (staged.isEmpty()) {
            return size;
        }
        StringBuilder sequenced = new StringBuilder();
        List<LogEntry> entries = new ArrayList<>(staged.size());
        List<Long> subjects = new ArrayList<>(staged.size());
        for (Tuple t : staged) {
            size++;
            String body = Sql.text(t, "body");
            byte[] bodySalt = (byte[]) t.get("body_salt");
            LogEntry entry = new LogEntry(size, Sql.instant(t, "created_at"), LogKind.valueOf(Sql.text(t, "kind")),
                    Sql.text(t, "subject_slug"), Sql.number(t, "review_id"), Sql.number(t, "comment_id"),
                    Sql.text(t, "actor_role"), Sql.text(t, "actor_handle"), Sql.text(t, "reason_code"),
                    Sql.text(t, "rule"), policyVersion, null,
                    body == null ? null : new LogText(body, bodySalt, LogText.commit(bodySalt, body)), null,
                    t.get("rating") == null ? null : Sql.integer(t, "rating"),
                    (byte[]) t.get("content_commitment"), null);
            entries.add(entry);
            subjects.add(Sql.number(t, "subject_id"));
            nodes(entry.seq() - 1, entry.leafHash(), tree);
            sequenced.append(sequenced.isEmpty() ? "" : ",").append('(').append(Sql.number(t, "id")).append(',')
                    .append(size).append(')');
        }
        insertBatch(entries, subjects);
        // the salts of the entries' commitments; and the texts of statements, moved (an erasure then finds one copy, in
        // log_text). The statements' own rows are not touched here, under the head: a moderator ending a statement
        // holds its row and then waits for the head (LogStaging.numberStatements fills their numbers in afterwards)
        em.createNativeQuery("with v(id, seq) as (values " + sequenced + "), "
                + "b as (select g.id, g.body, g.body_salt from log_staged g join v on v.id = g.id where g.body is not null), "
                + "s as (update log_staged s set seq = v.seq, body = null, body_salt = null from v where s.id = v.id "
                + "returning s.id, s.seq, s.content_salt), "
                + "c as (insert into log_content_salt (seq, salt) select seq, content_salt from s where content_salt is not null) "
                + "insert into log_text (seq, field, salt, text) select s.seq, 'body', b.body_salt, b.body from s join b on b.id = s.id")
                .executeUpdate();
        return size;
    }

    /** The tree nodes an append (or a batch of them) reads and writes, so a batch reads each node once. */
    final class Tree {
        private final Map<String, byte[]> written = new HashMap<>();
        private final List<Node> pending = new ArrayList<>();

        void put(int level, long index, byte[] hash) {
            pending.add(new Node((short) level, index, hash));
            written.put(level + "/" + index, hash);
        }

        /** Writes the nodes put since the last flush, in one batch. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            em.unwrap(org.hibernate.Session.class).doWork(c -> {
                try (var insert = c.prepareStatement("insert into log_node (level, idx, hash) values (?, ?, ?)")) {
                    for (Node n : pending) {
                        insert.setShort(1, n.level());
                        insert.setLong(2, n.index());
                        insert.setBytes(3, n.hash());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            pending.clear();
        }

        /** A node already in the table, read with the head. */
        void known(int level, long index, byte[] hash) {
            written.put(level + "/" + index, hash);
        }

        byte[] get(int level, long index) {
            byte[] hash = written.get(level + "/" + index);
            return hash != null ? hash : node(level, index);
        }
    }

    /** Puts a leaf and every perfect subtree it completes in the tree (written at its flush). */
    static void nodes(long index, byte[] leaf, Tree tree) {
        int level = 0;
        byte[] hash = leaf;
        tree.put(0, index, leaf);
        while ((index & 1) == 1) {
            hash = Merkle.nodeHash(tree.get(level, index - 1), hash);
            level++;
            index >>= 1;
            tree.put(level, index, hash);
        }
    }

    /** Inserts staged entries (their bodies' texts are written by the caller) in one batch. */
    private void insertBatch(List<LogEntry> entries, List<Long> subjects) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var insert = c.prepareStatement("""
                    insert into log_entry (seq, created_at, kind, subject_id, subject_slug, review_id, comment_id,
                        actor_role, reason_code, leaf_hash, rule, policy_version, rating, content_commitment, body_commitment,
                        actor_handle)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int i = 0; i < entries.size(); i++) {
                    LogEntry e = entries.get(i);
                    insert.setLong(1, e.seq());
                    insert.setTimestamp(2, Timestamp.from(e.time()));
                    insert.setString(3, e.kind().name());
                    insert.setObject(4, subjects.get(i), java.sql.Types.BIGINT);
                    insert.setString(5, e.subject());
                    insert.setObject(6, e.reviewId(), java.sql.Types.BIGINT);
                    insert.setObject(7, e.commentId(), java.sql.Types.BIGINT);
                    insert.setString(8, e.actorRole());
                    insert.setString(9, e.reasonCode());
                    insert.setBytes(10, e.leafHash());
                    insert.setString(11, e.rule());
                    insert.setObject(12, e.policyVersion(), java.sql.Types.INTEGER);
                    insert.setObject(13, e.rating() == null ? null : e.rating().shortValue(), java.sql.Types.SMALLINT);
                    insert.setBytes(14, e.contentCommitment());
                    insert.setBytes(15, e.content() == null ? null : e.content().commitment());
                    insert.setString(16, e.actorHandle());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private byte[] node(int level, long index) {
        return (byte[]) em.createNativeQuery("select hash from log_node where level = ?1 and idx = ?2")
                .setParameter(1, (short) level).setParameter(2, index).getSingleResult();
    }
    /** The log head as an append finds it, locked: its size, the policy in force, whether staged entries wait. */
    record Head(long size, int policyVersion, boolean staged) {
    }

    /**
     * Locks the log head (or returns null when {@code skipIfBusy} and another transaction holds it), and puts the
     * roots of the tree's perfect subtrees kept with it in {@code tree}: an append then reads no node.
     */
    Head lock(Tree tree, boolean skipIfBusy) {
        List<Tuple> rows = Sql.tuples(em.createNativeQuery("""
                select h.size as size, (select coalesce(max(id), 0) from policy_version) as policy_version,
                    exists (select 1 from log_staged where seq is null) as staged, h.frontier_size as frontier_size,
                    h.frontier as frontier
                from log_head h where h.id = 1 for update""" + (skipIfBusy ? " skip locked" : ""), Tuple.class));
        if (rows.isEmpty()) {
            return null;
        }
        Tuple head = rows.get(0);
        long size = Sql.number(head, "size");
        byte[] frontier = (byte[]) head.get("frontier");
        if (head.get("frontier_size") != null && Sql.number(head, "frontier_size") == size && frontier != null
                && frontier.length == Long.bitCount(size) * Merkle.HASH_SIZE) {
            int at = 0;
            for (int level = 63; level >= 0; level--) {
                if ((size >>> level & 1) == 1) {
                    tree.known(level, (size >>> level) - 1,
                            java.util.Arrays.copyOfRange(frontier, at, at + Merkle.HASH_SIZE));
                    at += Merkle.HASH_SIZE;
                }
            }
        }
        return new Head(size, Sql.integer(head, "policy_version"), Sql.bool(head, "staged"));
    }

    /** The roots of the perfect subtrees of a tree of {@code size} leaves, as the head keeps them. */
    static byte[] frontier(long size, Tree tree) {
        byte[] out = new byte[Long.bitCount(size) * Merkle.HASH_SIZE];
        int at = 0;
        for (int level = 63; level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                System.arraycopy(tree.get(level, (size >>> level) - 1), 0, out, at, Merkle.HASH_SIZE);
                at += Merkle.HASH_SIZE;
            }
        }
        return out;
    }

    /** The head's new size and the roots that go with it; after the tree's nodes are written. Head locked. */
    void advance(long size, Tree tree) {
        em.createNativeQuery("update log_head set size = ?1, frontier_size = ?1, frontier = ?2 where id = 1")
                .setParameter(1, size).setParameter(2, frontier(size, tree)).executeUpdate();
    }

    /** The most nodes written in the append's own statement; more (an append that integrated a batch) go first. */
    private static final int NODES_INLINE = 64;

    /**
     * Writes an entry in one statement: the entry, its texts and salts, the salt of its content commitment (if any),
     * its leaf and every perfect subtree it completes (with whatever {@code tree} holds from integrating staged
     * entries), and the head's new size.
     */
    void write(LogEntry entry, Long subjectId, byte[] contentSalt, Tree tree) {
        nodes(entry.seq() - 1, entry.leafHash(), tree);
        if (tree.pending.size() > NODES_INLINE) {
            tree.flush();
        }
        List<LogText> texts = new ArrayList<>(2);
        List<String> fields = new ArrayList<>(2);
        if (entry.content() != null) {
            texts.add(entry.content());
            fields.add("body");
        }
        if (entry.reason() != null) {
            texts.add(entry.reason());
            fields.add("reasonText");
        }
        StringBuilder sql = new StringBuilder("""
                with e as (insert into log_entry (seq, created_at, kind, subject_id, subject_slug, review_id, comment_id,
                    actor_role, actor_handle, reason_code, reason_text_commitment, body_commitment, erases, leaf_hash, rule,
                    policy_version, rating, content_commitment)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))""");
        if (!texts.isEmpty()) {
            sql.append(", t as (insert into log_text (seq, field, salt, text) values ")
                    .append(String.join(", ", java.util.Collections.nCopies(texts.size(), "(?, ?, ?, ?)"))).append(')');
        }
        if (contentSalt != null) {
            sql.append(", s as (insert into log_content_salt (seq, salt) values (?, ?))");
        }
        if (!tree.pending.isEmpty()) {
            sql.append(", n as (insert into log_node (level, idx, hash) values ")
                    .append(String.join(", ", java.util.Collections.nCopies(tree.pending.size(), "(?, ?, ?)")))
                    .append(')');
        }
        sql.append(" update log_head set size = ?, frontier_size = ?, frontier = ? where id = 1");
        byte[] frontier = frontier(entry.seq(), tree);
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var write = c.prepareStatement(sql.toString())) {
                int i = 0;
                write.setLong(++i, entry.seq());
                write.setTimestamp(++i, Timestamp.from(entry.time()));
                write.setString(++i, entry.kind().name());
                write.setObject(++i, subjectId, java.sql.Types.BIGINT);
                write.setString(++i, entry.subject());
                write.setObject(++i, entry.reviewId(), java.sql.Types.BIGINT);
                write.setObject(++i, entry.commentId(), java.sql.Types.BIGINT);
                write.setString(++i, entry.actorRole());
                write.setString(++i, entry.actorHandle());
                write.setString(++i, entry.reasonCode());
                write.setBytes(++i, entry.reason() == null ? null : entry.reason().commitment());
                write.setBytes(++i, entry.content() == null ? null : entry.content().commitment());
                write.setObject(++i, entry.erases(), java.sql.Types.BIGINT);
                write.setBytes(++i, entry.leafHash());
                write.setString(++i, entry.rule());
                write.setInt(++i, entry.policyVersion());
                write.setObject(++i, entry.rating() == null ? null : entry.rating().shortValue(),
                        java.sql.Types.SMALLINT);
                write.setBytes(++i, entry.contentCommitment());
                for (int k = 0; k < texts.size(); k++) {
                    write.setLong(++i, entry.seq());
                    write.setString(++i, fields.get(k));
                    write.setBytes(++i, texts.get(k).salt());
                    write.setString(++i, texts.get(k).text());
                }
                if (contentSalt != null) {
                    write.setLong(++i, entry.seq());
                    write.setBytes(++i, contentSalt);
                }
                for (Node n : tree.pending) {
                    write.setShort(++i, n.level());
                    write.setLong(++i, n.index());
                    write.setBytes(++i, n.hash());
                }
                write.setLong(++i, entry.seq());
                write.setLong(++i, entry.seq());
                write.setBytes(++i, frontier);
                write.executeUpdate();
            }
        });
        tree.pending.clear();
    }

    /**
     * Stages an entry without the log head ({@link LogStaging#stage}), its body with a fresh salt, the statement (if
     * any) whose number the sequencer fills in; returns its id if {@code named} (a reply's mail waits for it), else 0.
     */
    long stage(PublicLog.Draft d, byte[] salt, Long statementId, boolean named) {
        LogText body = LogText.of(d.body());
        String returning = named ? " returning id" : ""; // posting does not ask: a native select costs it a sixth more
        var insert = em.createNativeQuery("""
                insert into log_staged (kind, subject_id, subject_slug, review_id, comment_id, actor_role, rule, rating,
                    reason_code, content_commitment, content_salt, body, body_salt, statement_id, actor_handle)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)""" + returning)
                .setParameter(1, d.kind().name())
                .setParameter(2, new TypedParameterValue<>(StandardBasicTypes.LONG, d.subjectId()))
                .setParameter(3, d.subjectSlug())
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.LONG, d.reviewId()))
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.LONG, d.commentId()))
                .setParameter(6, d.actorRole())
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.STRING, d.rule()))
                .setParameter(8, new TypedParameterValue<>(StandardBasicTypes.SHORT,
                        d.rating() == null ? null : d.rating().shortValue()))
                .setParameter(9, new TypedParameterValue<>(StandardBasicTypes.STRING, d.reasonCode()))
                .setParameter(10, new TypedParameterValue<>(StandardBasicTypes.BINARY, d.contentCommitment()))
                .setParameter(11, new TypedParameterValue<>(StandardBasicTypes.BINARY, salt))
                .setParameter(12, new TypedParameterValue<>(StandardBasicTypes.STRING, body == null ? null : body.text()))
                .setParameter(13, new TypedParameterValue<>(StandardBasicTypes.BINARY, body == null ? null : body.salt()))
                .setParameter(14, new TypedParameterValue<>(StandardBasicTypes.LONG, statementId))
                .setParameter(15, new TypedParameterValue<>(StandardBasicTypes.STRING, d.actorHandle()));
        if (named) {
            return ((Number) insert.getSingleResult()).longValue();
        }
        insert.executeUpdate();
        return 0;
    }
}
