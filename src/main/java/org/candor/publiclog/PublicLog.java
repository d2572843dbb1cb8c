package org.candor.publiclog;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

import org.candor.Sql;


/**
 * The append-only public log. Every feature records its public actions with {@link #append} (or stages them with
 * {@link LogStaging}, not to wait for the head), inside the transaction that makes the change, so an action and its
 * entry commit together or not at all. Appends serialise on one row ({@code log_head}), which makes sequence numbers
 * gap-free and the tree a single, ordered history.
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
    private final LogSequencing sequencing;

    PublicLog(EntityManager em, SigningKey key, LogSequencing sequencing) {
        this.em = em;
        this.key = key;
        this.sequencing = sequencing;
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
        return append(d, null);
    }

    /**
     * Appends a post received (its salt, which opens {@code contentCommitment}, kept beside the log, never served).
     * Appends serialise on the log head from the lock to the commit, so an append is two statements: the lock, which
     * also reads the roots the new leaf is hashed with (kept in the head), and one write of the entry, its texts, its
     * salt, its nodes, the new size and its roots. Callers append last in their transactions, so that nothing else
     * waits in that window.
     */
    @Transactional(TxType.MANDATORY)
    public LogEntry append(Draft d, byte[] contentSalt) {
        fit(d.reasonText());
        fit(d.body());
        fit(d.actorHandle());
        LogSequencing.Tree tree = sequencing.tree();
        LogSequencing.Head head = sequencing.lock(tree, false);
        // what posting staged and committed is sequenced first: the log's order follows the commits
        long size = head.staged() ? sequencing.integrate(head.size(), head.policyVersion(), tree, STAGED_PER_APPEND)
                : head.size();
        LogEntry entry = new LogEntry(size + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), d.kind(), d.subjectSlug(),
                d.reviewId(), d.commentId(), d.actorRole(), d.actorHandle(), d.reasonCode(), d.rule(),
                head.policyVersion(), LogText.of(d.reasonText()), LogText.of(d.body()), d.erases(), d.rating(),
                d.contentCommitment(), null);
        sequencing.write(entry, d.subjectId(), contentSalt, tree);
        return entry;
    }

    /** How many staged entries an append integrates before its own (the sequencer takes the rest). */
    static final int STAGED_PER_APPEND = 1000;

    /**
     * Takes the log head now, for a transaction that will append after locking rows the sequencer may need (a
     * subject's): everyone then locks the head first, and none waits for the other in a circle.
     */
    @Transactional(TxType.MANDATORY)
    public void holdHead() {
        em.createNativeQuery("select 1 from log_head where id = 1 for update").getResultList();
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

    /** Refuses a text the log may not carry (see {@link #append}). */
    static void fit(String text) {
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

    /** Filters of the log page. */
    public record Filter(String subject, LogKind kind, Instant from, Instant to) {
    }

    /** The address of the subject a reader named in the log's filter (see {@link org.candor.SubjectNames}). */
    public java.util.Optional<String> subjectNamed(String nameOrAddress) {
        return org.candor.SubjectNames.slugOf(em, nameOrAddress);
    }

    /** The names of what these entries are about, for readers (see {@link LogNames}). */
    public LogNames names(List<LogEntry> entries) {
        return LogNames.of(em, entries);
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


}
