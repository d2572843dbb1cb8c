package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.Sql;


/**
 * The append-only public log. Every feature records its public actions with {@link #append}, inside the transaction
 * that makes the change, so an action and its entry commit together or not at all. Appends serialise on one row
 * ({@code log_head}), which makes sequence numbers gap-free and the tree a single, ordered history.
 */
@ApplicationScoped
public class PublicLog {

    /**
     * What a feature records; the log adds the sequence number and the time, and commits to the free texts
     * ({@code reasonText}, {@code body}) rather than putting them in the leaf. {@code erases} is for tombstones only;
     * {@code rule} names what in the policy brought the case, when something did.
     */
    public record Draft(LogKind kind, Long subjectId, String subjectSlug, Long reviewId, Long commentId,
            String actorRole, String actorHandle, String reasonCode, String reasonText, String body, Long erases,
            String rule, Integer rating, byte[] contentCommitment) {

        /** The same entry, naming this rule. */
        public Draft withRule(String rule) {
            return new Draft(kind, subjectId, subjectSlug, reviewId, commentId, actorRole, actorHandle, reasonCode,
                    reasonText, body, erases, rule, rating, contentCommitment);
        }

        public Draft(LogKind kind, Long subjectId, String subjectSlug, Long reviewId, Long commentId, String actorRole,
                String actorHandle, String reasonCode, String reasonText, String body, Long erases, String rule) {
            this(kind, subjectId, subjectSlug, reviewId, commentId, actorRole, actorHandle, reasonCode, reasonText, body,
                    erases, rule, null, null);
        }
    }

    private final EntityManager em;
    private final SigningKey key;
    PublicLog(EntityManager em, SigningKey key) {
        this.em = em;
        this.key = key;
    }

    /** Longest free text an entry may carry (reason texts, reply bodies, statement titles). */
    public static final int MAX_TEXT = 5000;

    /** A text the log refuses: what is on the log is final, so it is held to the rules of a customer's post. */
    public static final class UnfitTextException extends jakarta.ws.rs.BadRequestException {
        UnfitTextException(String what) {
            super("This text cannot go on the public log: " + what + ".");
        }
    }

    /**
     * Appends an entry. Must run inside the transaction of the action it records. Refuses free text with control
     * characters (tab and line breaks excepted) or longer than {@value #MAX_TEXT} characters: callers validate their
     * forms first, this is the last line.
     */
    @Transactional(TxType.MANDATORY)
    public LogEntry append(Draft d) {
        fit(d.reasonText());
        fit(d.body());
        fit(d.actorHandle());
        Tuple head = lockHead(false);
        int policyVersion = Sql.integer(head, "policy_version");
        Tree tree = new Tree();
        // what posting staged and committed is sequenced first: the log's order follows the commits
        long size = integrate(Sql.number(head, "size"), policyVersion, tree, STAGED_PER_APPEND);
        LogEntry entry = new LogEntry(size + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), d.kind(), d.subjectSlug(),
                d.reviewId(), d.commentId(), d.actorRole(), d.actorHandle(), d.reasonCode(), d.rule(), policyVersion,
                LogText.of(d.reasonText()), LogText.of(d.body()), d.erases(), d.rating(), d.contentCommitment(), null);
        insert(entry, d.subjectId(), tree);
        tree.flush();
        em.createNativeQuery("update log_head set size = ?1 where id = 1").setParameter(1, entry.seq()).executeUpdate();
        return entry;
    }

    /** Appends a post received (its salt, which opens {@code contentCommitment}, kept beside the log, never served). */
    @Transactional(TxType.MANDATORY)
    public LogEntry append(Draft d, byte[] contentSalt) {
        LogEntry entry = append(d);
        em.createNativeQuery("insert into log_content_salt (seq, salt) values (?1, ?2)").setParameter(1, entry.seq())
                .setParameter(2, contentSalt).executeUpdate();
        return entry;
    }

    /** How many staged entries an append integrates before its own (the sequencer takes the rest). */
    static final int STAGED_PER_APPEND = 1000;

    /**
     * Stages what a post puts on the log, in the posting transaction, without waiting for the log head: the sequencer
     * gives it its number within a second ({@link Sequencer}). {@code salt} opens {@code contentCommitment}; it is kept
     * beside the log, never served.
     */
    @Transactional(TxType.MANDATORY)
    public void stage(Draft d, byte[] salt) {
        em.createNativeQuery("""
                insert into log_staged (kind, subject_id, subject_slug, review_id, comment_id, actor_role, rule, rating,
                    reason_code, content_commitment, content_salt)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
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
                .executeUpdate();
    }

    /**
     * Sequences staged entries when the log head is free (another instance sequencing, or an action appending, holds
     * it: they integrate the staged entries themselves); returns how many were integrated.
     */
    @Transactional
    public int integrateStaged(int limit) {
        Tuple head = lockHead(true);
        if (head == null) {
            return 0;
        }
        long size = Sql.number(head, "size");
        Tree tree = new Tree();
        long after = integrate(size, Sql.integer(head, "policy_version"), tree, limit);
        tree.flush();
        if (after > size) {
            em.createNativeQuery("update log_head set size = ?1 where id = 1").setParameter(1, after).executeUpdate();
        }
        return (int) (after - size);
    }

    private Tuple lockHead(boolean skipIfBusy) {
        List<Tuple> head = Sql.tuples(em.createNativeQuery("""
                select h.size as size, (select coalesce(max(id), 0) from policy_version) as policy_version
                from log_head h where h.id = 1 for update""" + (skipIfBusy ? " skip locked" : ""), Tuple.class));
        return head.isEmpty() ? null : head.get(0);
    }

    /** Gives staged entries (oldest first) the numbers after {@code size}; returns the new size. Head locked. */
    private long integrate(long size, int policyVersion, Tree tree, int limit) {
        List<Tuple> staged = Sql.tuples(em.createNativeQuery("""
                select id as id, kind as kind, subject_id as subject_id, subject_slug as subject_slug,
                    review_id as review_id, comment_id as comment_id, actor_role as actor_role, rule as rule,
                    rating as rating, reason_code as reason_code, content_commitment as content_commitment,
                    content_salt as content_salt, date_trunc('milliseconds', created_at) as created_at
                from log_staged where seq is null order by id limit ?1""", Tuple.class).setParameter(1, limit));
        if (staged.isEmpty()) {
            return size;
        }
        StringBuilder sequenced = new StringBuilder();
        List<LogEntry> entries = new ArrayList<>(staged.size());
        List<Long> subjects = new ArrayList<>(staged.size());
        for (Tuple t : staged) {
            size++;
            LogEntry entry = new LogEntry(size, Sql.instant(t, "created_at"), LogKind.valueOf(Sql.text(t, "kind")),
                    Sql.text(t, "subject_slug"), Sql.number(t, "review_id"), Sql.number(t, "comment_id"),
                    Sql.text(t, "actor_role"), null, Sql.text(t, "reason_code"), Sql.text(t, "rule"), policyVersion,
                    null, null, null, t.get("rating") == null ? null : Sql.integer(t, "rating"),
                    (byte[]) t.get("content_commitment"), null);
            entries.add(entry);
            subjects.add(Sql.number(t, "subject_id"));
            nodes(entry.seq() - 1, entry.leafHash(), tree);
            sequenced.append(sequenced.isEmpty() ? "" : ",").append('(').append(Sql.number(t, "id")).append(',')
                    .append(size).append(')');
        }
        insertBatch(entries, subjects);
        em.createNativeQuery("with v(id, seq) as (values " + sequenced + "), "
                + "s as (update log_staged s set seq = v.seq from v where s.id = v.id returning s.seq, s.content_salt) "
                + "insert into log_content_salt (seq, salt) select seq, content_salt from s where content_salt is not null")
                .executeUpdate();
        return size;
    }

    /** The tree nodes an append (or a batch of them) reads and writes, so a batch reads each node once. */
    private final class Tree {
        private final Map<String, byte[]> written = new HashMap<>();
        private final List<Object[]> pending = new ArrayList<>();

        void put(int level, long index, byte[] hash) {
            pending.add(new Object[] { (short) level, index, hash });
            written.put(level + "/" + index, hash);
        }

        /** Writes the nodes put since the last flush, in one batch. */
        void flush() {
            if (pending.isEmpty()) {
                return;
            }
            em.unwrap(org.hibernate.Session.class).doWork(c -> {
                try (var insert = c.prepareStatement("insert into log_node (level, idx, hash) values (?, ?, ?)")) {
                    for (Object[] n : pending) {
                        insert.setShort(1, (Short) n[0]);
                        insert.setLong(2, (Long) n[1]);
                        insert.setBytes(3, (byte[]) n[2]);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
            pending.clear();
        }

        byte[] get(int level, long index) {
            byte[] hash = written.get(level + "/" + index);
            return hash != null ? hash : node(level, index);
        }
    }

    /** Inserts an entry, its texts, its leaf and every perfect subtree it completes. */
    private void insert(LogEntry entry, Long subjectId, Tree tree) {
        byte[] leaf = entry.leafHash();
        em.createNativeQuery("""
                insert into log_entry (seq, created_at, kind, subject_id, subject_slug, review_id, comment_id, actor_role,
                    actor_handle, reason_code, reason_text_commitment, body_commitment, erases, leaf_hash, rule,
                    policy_version, rating, content_commitment)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)""")
                .setParameter(1, entry.seq())
                .setParameter(2, Timestamp.from(entry.time()))
                .setParameter(3, entry.kind().name())
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.LONG, subjectId))
                .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.STRING, entry.subject()))
                .setParameter(6, new TypedParameterValue<>(StandardBasicTypes.LONG, entry.reviewId()))
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.LONG, entry.commentId()))
                .setParameter(8, new TypedParameterValue<>(StandardBasicTypes.STRING, entry.actorRole()))
                .setParameter(9, new TypedParameterValue<>(StandardBasicTypes.STRING, entry.actorHandle()))
                .setParameter(10, new TypedParameterValue<>(StandardBasicTypes.STRING, entry.reasonCode()))
                .setParameter(11, new TypedParameterValue<>(StandardBasicTypes.BINARY,
                        entry.reason() == null ? null : entry.reason().commitment()))
                .setParameter(12, new TypedParameterValue<>(StandardBasicTypes.BINARY,
                        entry.content() == null ? null : entry.content().commitment()))
                .setParameter(13, new TypedParameterValue<>(StandardBasicTypes.LONG, entry.erases()))
                .setParameter(14, leaf)
                .setParameter(15, new TypedParameterValue<>(StandardBasicTypes.STRING, entry.rule()))
                .setParameter(16, entry.policyVersion())
                .setParameter(17, new TypedParameterValue<>(StandardBasicTypes.SHORT,
                        entry.rating() == null ? null : entry.rating().shortValue()))
                .setParameter(18, new TypedParameterValue<>(StandardBasicTypes.BINARY, entry.contentCommitment()))
                .executeUpdate();
        insertTexts(entry);
        nodes(entry.seq() - 1, leaf, tree);
    }

    /** Puts a leaf and every perfect subtree it completes in the tree (written at its flush). */
    private static void nodes(long index, byte[] leaf, Tree tree) {
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

    /** Inserts staged entries (no texts) in one batch. */
    private void insertBatch(List<LogEntry> entries, List<Long> subjects) {
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (var insert = c.prepareStatement("""
                    insert into log_entry (seq, created_at, kind, subject_id, subject_slug, review_id, comment_id,
                        actor_role, reason_code, leaf_hash, rule, policy_version, rating, content_commitment)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** The entry's texts and salts, beside the log (one statement). */
    private void insertTexts(LogEntry entry) {
        if (entry.reason() == null && entry.content() == null) {
            return;
        }
        boolean both = entry.reason() != null && entry.content() != null;
        LogText first = entry.content() != null ? entry.content() : entry.reason();
        var insert = em.createNativeQuery("insert into log_text (seq, field, salt, text) values (?1, ?2, ?3, ?4)"
                + (both ? ", (?1, ?5, ?6, ?7)" : ""))
                .setParameter(1, entry.seq()).setParameter(2, entry.content() != null ? "body" : "reasonText")
                .setParameter(3, first.salt()).setParameter(4, first.text());
        if (both) {
            insert.setParameter(5, "reasonText").setParameter(6, entry.reason().salt())
                    .setParameter(7, entry.reason().text());
        }
        insert.executeUpdate();
    }

    /**
     * Erases an entry's texts for a legal reason: appends the tombstone (which names the entry in {@code erases}) and
     * destroys the texts and their salts; the commitments stay in the leaf, so the tree does not change. Returns the
     * tombstone. Must run inside the erasure's transaction.
     */
    @Transactional(TxType.MANDATORY)
    public LogEntry erase(long seq, Draft tombstone) {
        LogEntry stone = append(tombstone);
        em.createNativeQuery("update log_text set text = null, salt = null, erased_by = ?1 where seq = ?2 and text is not null")
                .setParameter(1, stone.seq()).setParameter(2, seq).executeUpdate();
        return stone;
    }

    private static void fit(String text) {
        if (text == null) {
            return;
        }
        if (text.length() > MAX_TEXT) {
            throw new UnfitTextException("it is longer than " + MAX_TEXT + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                throw new UnfitTextException("it contains an invisible control character");
            }
        }
    }

    private volatile Checkpoint lastCheckpoint;

    /** The number of committed entries. */
    public long size() {
        return ((Number) em.createNativeQuery("select size from log_head where id = 1").getSingleResult()).longValue();
    }

    /**
     * The current size and root as a signed C2SP checkpoint. The size is read every time (one row by its key); Ed25519
     * is deterministic and the note has no clock in it, so the note of an unchanged size is reused.
     */
    @Transactional
    public Checkpoint checkpoint() {
        long size = size();
        Checkpoint last = lastCheckpoint;
        if (last == null || last.size() != size) {
            byte[] root = root(size);
            SignedNote.Signer signer = key.signer();
            String text = Checkpoint.body(signer.name(), size, root);
            String note = new SignedNote.Note(text, List.of(signer.sign(text))).encoded();
            last = new Checkpoint(signer.name(), size, Base64.getEncoder().encodeToString(root), note, note);
            lastCheckpoint = last;
        }
        @SuppressWarnings("unchecked")
        List<String> cosignatures = em.createNativeQuery(
                "select line from log_cosignature where size = ?1 and root = ?2 order by witness")
                .setParameter(1, size).setParameter(2, Base64.getDecoder().decode(last.root())).getResultList();
        return last.cosigned(cosignatures);
    }

    public String publicKey() {
        return key.publicKeyBase64();
    }

    /** The key that verifies checkpoints, in signed-note form ({@code <origin>+<id>+<base64 key>}). */
    public String verifierKey() {
        return key.signer().verifierKey().encoded();
    }

    public byte[] root(long size) {
        return withNodes(n -> Merkle.root(size, n));
    }

    public List<byte[]> inclusionProof(long seq, long size) {
        return withNodes(n -> Merkle.inclusionProof(seq - 1, size, n));
    }

    public List<byte[]> consistencyProof(long from, long to) {
        return withNodes(n -> Merkle.consistencyProof(from, to, n));
    }

    public Optional<LogEntry> entry(long seq) {
        return Sql.tuples(em.createNativeQuery(SELECT + " where e.seq = ?1", Tuple.class).setParameter(1, seq))
                .stream().map(PublicLog::toEntry).findFirst();
    }

    /** Entries after {@code after}, oldest first: how the API and the verifier read the whole log. */
    public List<LogEntry> after(long after, int limit) {
        return Sql.tuples(em.createNativeQuery(SELECT + " where e.seq > ?1 order by e.seq limit ?2", Tuple.class)
                .setParameter(1, after).setParameter(2, limit)).stream().map(PublicLog::toEntry).toList();
    }

    /**
     * The leaves after {@code after}, oldest first, as their canonical bytes (no texts read): how the transparency
     * numbers read the log.
     */
    public List<byte[]> leaves(long after, int limit) {
        return leaves(Sql.tuples(em.createNativeQuery(LEAF_SELECT + " where e.seq > ?1 order by e.seq limit ?2",
                Tuple.class).setParameter(1, after).setParameter(2, limit)));
    }

    /** The name of the subject with this address, if there is one. */
    public Optional<String> subjectName(String slug) {
        return Sql.tuples(em.createNativeQuery("select name as name from subject where slug = ?1", Tuple.class)
                .setParameter(1, slug)).stream().map(t -> Sql.text(t, "name")).findFirst();
    }

    /** The leaves of one subject's entries after {@code after}, up to {@code through}, oldest first. */
    public List<byte[]> leavesOfSubject(String slug, long after, long through, int limit) {
        return leaves(Sql.tuples(em.createNativeQuery(LEAF_SELECT + """
                 where e.subject_id = (select id from subject where slug = ?1) and e.seq > ?2 and e.seq <= ?3
                order by e.seq limit ?4""", Tuple.class).setParameter(1, slug).setParameter(2, after)
                .setParameter(3, through).setParameter(4, limit)));
    }

    private static List<byte[]> leaves(List<Tuple> rows) {
        return rows.stream().map(r -> new LogEntry(Sql.number(r, "seq"),
                        Sql.instant(r, "created_at"), LogKind.valueOf(Sql.text(r, "kind")), Sql.text(r, "subject_slug"),
                        Sql.number(r, "review_id"), Sql.number(r, "comment_id"), Sql.text(r, "actor_role"),
                        Sql.text(r, "actor_handle"), Sql.text(r, "reason_code"), Sql.text(r, "rule"),
                        r.get("policy_version") == null ? null : Sql.integer(r, "policy_version"),
                        commitmentOnly(r, "reason_commitment"), commitmentOnly(r, "body_commitment"),
                        Sql.number(r, "erases"), r.get("rating") == null ? null : Sql.integer(r, "rating"),
                        (byte[]) r.get("content_commitment"), null).canonicalBytes())
                .toList();
    }

    private static final String LEAF_SELECT = """
            select e.seq as seq, e.created_at as created_at, e.kind as kind, e.subject_slug as subject_slug,
                e.review_id as review_id, e.comment_id as comment_id, e.actor_role as actor_role,
                e.actor_handle as actor_handle, e.reason_code as reason_code, e.erases as erases, e.rule as rule,
                e.policy_version as policy_version, e.rating as rating, e.content_commitment as content_commitment,
                e.reason_text_commitment as reason_commitment, e.body_commitment as body_commitment
            from log_entry e""";

    private static LogText commitmentOnly(Tuple r, String column) {
        byte[] c = (byte[]) r.get(column);
        return c == null ? null : new LogText(null, null, c);
    }

    /** Filters of the log page. */
    public record Filter(String subject, LogKind kind, Instant from, Instant to) {
    }

    /** Entries newest first, before {@code before} when given (keyset paging), matching the filter. */
    public List<LogEntry> newest(Filter filter, Long before, int limit) {
        StringBuilder where = new StringBuilder(" where e.seq < :before");
        if (filter.subject() != null) {
            where.append(" and e.subject_id = (select id from subject where slug = :subject)");
        }
        if (filter.kind() != null) {
            where.append(" and e.kind = :kind");
        }
        if (filter.from() != null) {
            where.append(" and e.created_at >= :from");
        }
        if (filter.to() != null) {
            where.append(" and e.created_at < :to");
        }
        var q = em.createNativeQuery(SELECT + where + " order by e.seq desc limit :limit", Tuple.class)
                .setParameter("before", before == null ? Long.MAX_VALUE : before)
                .setParameter("limit", limit);
        if (filter.subject() != null) {
            q.setParameter("subject", filter.subject());
        }
        if (filter.kind() != null) {
            q.setParameter("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            q.setParameter("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            q.setParameter("to", Timestamp.from(filter.to()));
        }
        return Sql.tuples(q).stream().map(PublicLog::toEntry).toList();
    }

    /**
     * An entry with its texts. The texts are looked up per entry by key (scalar subqueries): joined, PostgreSQL merges
     * the whole of log_text to find one page's texts.
     */
    private static final String SELECT = """
            select e.seq as seq, e.created_at as created_at, e.kind as kind, e.subject_slug as subject_slug,
                e.review_id as review_id, e.comment_id as comment_id, e.actor_role as actor_role,
                e.actor_handle as actor_handle, e.reason_code as reason_code, e.erases as erases, e.rule as rule,
                e.policy_version as policy_version, e.rating as rating, e.content_commitment as content_commitment,
                e.reason_text_commitment as reason_commitment, e.body_commitment as body_commitment,
                (select t.text from log_text t where t.seq = e.seq and t.field = 'reasonText') as reason_text,
                (select t.salt from log_text t where t.seq = e.seq and t.field = 'reasonText') as reason_salt,
                (select t.text from log_text t where t.seq = e.seq and t.field = 'body') as body,
                (select t.salt from log_text t where t.seq = e.seq and t.field = 'body') as body_salt,
                e.leaf_hash as leaf_hash
            from log_entry e""";

    private static LogEntry toEntry(Tuple r) {
        return new LogEntry(Sql.number(r, "seq"), Sql.instant(r, "created_at"), LogKind.valueOf(Sql.text(r, "kind")),
                Sql.text(r, "subject_slug"), Sql.number(r, "review_id"), Sql.number(r, "comment_id"),
                Sql.text(r, "actor_role"), Sql.text(r, "actor_handle"), Sql.text(r, "reason_code"), Sql.text(r, "rule"),
                r.get("policy_version") == null ? null : Sql.integer(r, "policy_version"),
                text(r, "reason_text", "reason_salt", "reason_commitment"), text(r, "body", "body_salt", "body_commitment"),
                Sql.number(r, "erases"), r.get("rating") == null ? null : Sql.integer(r, "rating"),
                (byte[]) r.get("content_commitment"), (byte[]) r.get("leaf_hash"));
    }

    private static LogText text(Tuple r, String text, String salt, String commitment) {
        byte[] c = (byte[]) r.get(commitment);
        return c == null ? null : new LogText(Sql.text(r, text), (byte[]) r.get(salt), c);
    }

    /** Runs a tree computation with every node it reads fetched in one query. */
    private <T> T withNodes(java.util.function.Function<Merkle.Nodes, T> computation) {
        List<long[]> keys = Merkle.nodesRead(computation::apply);
        Map<String, byte[]> fetched = new HashMap<>();
        if (!keys.isEmpty()) {
            String in = keys.stream().map(k -> "(" + k[0] + "," + k[1] + ")").distinct().collect(Collectors.joining(","));
            for (Tuple r : Sql.tuples(em.createNativeQuery(
                    "select level as level, idx as idx, hash as hash from log_node where (level, idx) in (" + in + ")",
                    Tuple.class))) {
                fetched.put(Sql.integer(r, "level") + "/" + Sql.number(r, "idx"), (byte[]) r.get("hash"));
            }
        }
        return computation.apply((level, index) -> {
            byte[] h = fetched.get(level + "/" + index);
            if (h == null) {
                throw new IllegalStateException("log node " + level + "/" + index + " is missing");
            }
            return h;
        });
    }

    private byte[] node(int level, long index) {
        return (byte[]) em.createNativeQuery("select hash from log_node where level = ?1 and idx = ?2")
                .setParameter(1, (short) level).setParameter(2, index).getSingleResult();
    }

}
