package org.candor.publiclog;

import java.nio.charset.StandardCharsets;
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
 * The append-only public log. Every feature records its public actions with {@link #append}, inside the transaction
 * that makes the change, so an action and its entry commit together or not at all. Appends serialise on one row
 * ({@code log_head}), which makes sequence numbers gap-free and the tree a single, ordered history.
 */
@ApplicationScoped
public class PublicLog {

    /** What a feature records; the log adds the sequence number and the time. */
    public record Draft(LogKind kind, Long subjectId, String subjectSlug, Long reviewId, Long commentId,
            String actorRole, String actorHandle, String reasonCode, String reasonText, String body,
            String contentSha256) {
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
        long size = ((Number) em.createNativeQuery("select size from log_head where id = 1 for update")
                .getSingleResult()).longValue();
        LogEntry entry = new LogEntry(size + 1, Instant.now().truncatedTo(ChronoUnit.MILLIS), d.kind(), d.subjectSlug(),
                d.reviewId(), d.commentId(), d.actorRole(), d.actorHandle(), d.reasonCode(), d.reasonText(), d.body(),
                d.contentSha256());
        byte[] leaf = entry.leafHash();
        em.createNativeQuery("""
                insert into log_entry (seq, created_at, kind, subject_id, subject_slug, review_id, comment_id, actor_role,
                    actor_handle, reason_code, reason_text, body, content_sha256, leaf_hash)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)""")
                .setParameter(1, entry.seq())
                .setParameter(2, Timestamp.from(entry.time()))
                .setParameter(3, entry.kind().name())
                .setParameter(4, d.subjectId())
                .setParameter(5, entry.subject())
                .setParameter(6, entry.reviewId())
                .setParameter(7, entry.commentId())
                .setParameter(8, entry.actorRole())
                .setParameter(9, entry.actorHandle())
                .setParameter(10, entry.reasonCode())
                .setParameter(11, entry.reasonText())
                .setParameter(12, entry.body())
                .setParameter(13, entry.contentSha256())
                .setParameter(14, leaf)
                .executeUpdate();
        // store the leaf and every perfect subtree it completes
        long index = size;
        int level = 0;
        byte[] hash = leaf;
        insertNode(0, index, leaf);
        while ((index & 1) == 1) {
            hash = Merkle.nodeHash(node(level, index - 1), hash);
            level++;
            index >>= 1;
            insertNode(level, index, hash);
        }
        em.createNativeQuery("update log_head set size = ?1 where id = 1").setParameter(1, entry.seq()).executeUpdate();
        return entry;
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

    /**
     * A hash tile (c2sp.org/tlog-tiles): the hashes at tree level 8 × L, or empty when the log is not that large.
     * Read from the tree nodes as stored, never from a cache.
     */
    public Optional<byte[]> hashTile(TilePath tile) {
        if (tile.entries() || !tile.within(size())) {
            return Optional.empty();
        }
        List<?> hashes = em.createNativeQuery(
                "select hash from log_node where level = ?1 and idx >= ?2 and idx < ?3 order by idx")
                .setParameter(1, (short) tile.treeLevel()).setParameter(2, tile.firstNode())
                .setParameter(3, tile.firstNode() + tile.width()).getResultList();
        if (hashes.size() != tile.width()) {
            throw new IllegalStateException("log nodes missing at level " + tile.treeLevel() + " from " + tile.firstNode());
        }
        byte[] out = new byte[32 * tile.width()];
        for (int i = 0; i < hashes.size(); i++) {
            System.arraycopy((byte[]) hashes.get(i), 0, out, 32 * i, 32);
        }
        return Optional.of(out);
    }

    /** An entry bundle: the canonical leaf records of the tile's entries, each after its big-endian uint16 length. */
    public Optional<byte[]> entryBundle(TilePath tile) {
        if (!tile.entries() || !tile.within(size())) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(tile.width() * 300);
        for (LogEntry e : after(tile.firstNode(), tile.width())) {
            byte[] leaf = e.canonicalBytes();
            if (leaf.length > 0xFFFF) {
                throw new IllegalStateException("entry #" + e.seq() + " is longer than an entry bundle allows");
            }
            out.write(leaf.length >>> 8);
            out.write(leaf.length & 0xFF);
            out.writeBytes(leaf);
        }
        return Optional.of(out.toByteArray());
    }

    /**
     * A receipt for entry {@code seq} (c2sp.org/tlog-proof@v1): its index, its inclusion proof in the current tree and
     * the signed checkpoint of that tree; the {@code extra} line carries the entry's canonical record, so the receipt
     * alone proves what the log says, offline, to anyone with the log's verifier key.
     */
    @Transactional
    public Optional<String> receipt(long seq) {
        Optional<LogEntry> entry = entry(seq);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = checkpoint();
        StringBuilder proof = new StringBuilder("c2sp.org/tlog-proof@v1\n")
                .append("extra ").append(Base64.getEncoder().encodeToString(entry.get().canonicalBytes())).append('\n')
                .append("index ").append(seq - 1).append('\n');
        inclusionProof(seq, checkpoint.size()).forEach(h -> proof.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return Optional.of(proof.append('\n').append(checkpoint.note()).toString());
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
        return Sql.tuples(em.createNativeQuery(SELECT + " where seq = ?1", Tuple.class).setParameter(1, seq))
                .stream().map(PublicLog::toEntry).findFirst();
    }

    /** Entries after {@code after}, oldest first: how the API and the verifier read the whole log. */
    public List<LogEntry> after(long after, int limit) {
        return Sql.tuples(em.createNativeQuery(SELECT + " where seq > ?1 order by seq limit ?2", Tuple.class)
                .setParameter(1, after).setParameter(2, limit)).stream().map(PublicLog::toEntry).toList();
    }

    /** Filters of the log page. */
    public record Filter(String subject, LogKind kind, Instant from, Instant to) {
    }

    /** Entries newest first, before {@code before} when given (keyset paging), matching the filter. */
    public List<LogEntry> newest(Filter filter, Long before, int limit) {
        StringBuilder where = new StringBuilder(" where seq < :before");
        if (filter.subject() != null) {
            where.append(" and subject_id = (select id from subject where slug = :subject)");
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
        }
        if (filter.from() != null) {
            where.append(" and created_at >= :from");
        }
        if (filter.to() != null) {
            where.append(" and created_at < :to");
        }
        var q = em.createNativeQuery(SELECT + where + " order by seq desc limit :limit", Tuple.class)
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

    private static final String SELECT = """
            select seq as seq, created_at as created_at, kind as kind, subject_slug as subject_slug,
                review_id as review_id, comment_id as comment_id, actor_role as actor_role, actor_handle as actor_handle,
                reason_code as reason_code, reason_text as reason_text, body as body, content_sha256 as content_sha256,
                leaf_hash as leaf_hash from log_entry""";

    private static LogEntry toEntry(Tuple r) {
        return new LogEntry(Sql.number(r, "seq"), Sql.instant(r, "created_at"), LogKind.valueOf(Sql.text(r, "kind")),
                Sql.text(r, "subject_slug"), Sql.number(r, "review_id"), Sql.number(r, "comment_id"), Sql.text(r, "actor_role"),
                Sql.text(r, "actor_handle"), Sql.text(r, "reason_code"), Sql.text(r, "reason_text"), Sql.text(r, "body"),
                Sql.text(r, "content_sha256"), (byte[]) r.get("leaf_hash"));
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

    private void insertNode(int level, long index, byte[] hash) {
        em.createNativeQuery("insert into log_node (level, idx, hash) values (?1, ?2, ?3)")
                .setParameter(1, (short) level).setParameter(2, index).setParameter(3, hash).executeUpdate();
    }
}
