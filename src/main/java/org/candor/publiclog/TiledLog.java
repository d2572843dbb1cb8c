package org.candor.publiclog;

import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The public log as C2SP clients read it ({@link TlogResource}): the served checkpoint, hash tiles and entry bundles
 * (c2sp.org/tlog-tiles), the texts that open the entries' commitments, and receipts (c2sp.org/tlog-proof).
 */
@ApplicationScoped
public class TiledLog {

    private final PublicLog log;
    private final EntityManager em;
    private final long checkpointReuseNanos;

    /**
     * Full hash tiles, once read: a full tile's hashes never change (c2sp.org/tlog-tiles: immutable), and the tree's
     * nodes cannot be changed through Candor. Entry bundles and their texts are always read afresh, so a change made
     * behind Candor's back shows to the next verifier as an entry that no longer matches its tile.
     */
    private final com.github.benmanes.caffeine.cache.Cache<TilePath, byte[]> fullTiles =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(2048).build();
    private volatile Served served;

    /** A checkpoint as last served, and when it was read. */
    private record Served(Checkpoint checkpoint, long at) {
    }

    /** The checkpoint to serve: {@link #checkpoint()}, reused for {@code candor.log.checkpoint-reuse}. */
    public Checkpoint servedCheckpoint() {
        Served last = served;
        long now = System.nanoTime();
        if (last != null && now - last.at() < checkpointReuseNanos) {
            return last.checkpoint();
        }
        Checkpoint fresh = QuarkusTransaction.requiringNew().call(log::checkpoint);
        served = new Served(fresh, now);
        return fresh;
    }

    /**
     * A hash tile (c2sp.org/tlog-tiles): the hashes at tree level 8 × L, or empty when the log is not that large.
     * Read from the tree nodes as stored; a full tile is kept once read.
     */
    public Optional<byte[]> hashTile(TilePath tile) {
        if (tile.entries()) {
            return Optional.empty();
        }
        byte[] kept = tile.full() ? fullTiles.getIfPresent(tile) : null;
        if (kept != null) {
            return Optional.of(kept);
        }
        if (!tile.within(log.size())) {
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
        if (tile.full()) {
            fullTiles.put(tile, out);
        }
        return Optional.of(out);
    }

    /** An entry bundle: the canonical leaf records of the tile's entries, each after its big-endian uint16 length. */
    public Optional<byte[]> entryBundle(TilePath tile) {
        if (!tile.entries() || !tile.within(log.size())) {
            return Optional.empty();
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(tile.width() * 300);
        for (LogEntry e : log.after(tile.firstNode(), tile.width())) {
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
     * the signed checkpoint of that tree; the {@code extra} line carries the entry's leaf, a newline, and the texts and
     * salts that open its commitments ({@link LogEntry#openingLine}), so the receipt alone proves what the log says,
     * texts included, offline, to anyone with the log's verifier key — even after the log's copy is erased.
     */
    @Transactional
    public Optional<String> receipt(long seq) {
        Optional<LogEntry> entry = log.entry(seq);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Checkpoint checkpoint = log.checkpoint();
        StringBuilder proof = new StringBuilder("c2sp.org/tlog-proof@v1\n")
                .append("extra ").append(Base64.getEncoder().encodeToString(
                        (new String(entry.get().canonicalBytes(), java.nio.charset.StandardCharsets.UTF_8) + "\n"
                                + entry.get().openingLine()).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .append('\n')
                .append("index ").append(seq - 1).append('\n');
        log.inclusionProof(seq, checkpoint.size()).forEach(h -> proof.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return Optional.of(proof.append('\n').append(checkpoint.note()).toString());
    }

    /** The openings of a tile's entries (one flat JSON line each, {@link LogEntry#openingLine}), for verifiers. */
    public Optional<String> texts(TilePath tile) {
        if (!tile.entries() || !tile.within(log.size())) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        log.after(tile.firstNode(), tile.width()).forEach(e -> out.append(e.openingLine()).append('\n'));
        return Optional.of(out.toString());
    }

    TiledLog(PublicLog log, EntityManager em, LogConfig config) {
        this.log = log;
        this.em = em;
        this.checkpointReuseNanos = config.checkpointReuse().toNanos();
    }
}
