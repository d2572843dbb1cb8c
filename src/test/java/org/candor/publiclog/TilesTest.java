package org.candor.publiclog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * tlog-tiles for logs of 0, 1, 255, 256, 257 and 65,537 entries: the tree nodes are stored as {@link PublicLog#append}
 * stores them, tiles are cut from them as the server cuts them, and the root a client computes from the tiles alone
 * equals the RFC 9162 root over the same leaves, computed independently ({@link MerkleTest#naiveRoot}).
 */
class TilesTest {

    @Test
    void rootsFromTilesEqualTheRfc9162Root() {
        for (long size : List.of(0L, 1L, 255L, 256L, 257L, 65_537L)) {
            List<byte[]> leaves = new ArrayList<>();
            Map<String, byte[]> nodes = new HashMap<>();
            for (long i = 0; i < size; i++) {
                byte[] leaf = Merkle.leafHash(("entry " + i).getBytes(StandardCharsets.UTF_8));
                leaves.add(leaf);
                store(nodes, i, leaf);
            }
            Function<TilePath, Optional<byte[]>> server = tile -> serve(nodes, size, tile);
            byte[] expected = size == 0 ? Merkle.emptyRoot() : MerkleTest.naiveRoot(leaves, 0, leaves.size());
            assertArrayEquals(expected, Merkle.root(size, (level, index) -> nodes.get(level + "/" + index)), "size " + size);
            assertArrayEquals(expected, Tiles.root(size, server), "root from tiles, size " + size);
            // the partial tile at each level has floor(size / 256^L) mod 256 hashes, and is served
            for (int level = 0; level < 3; level++) {
                long count = size >>> (8 * level);
                int width = (int) (count % 256);
                if (width > 0) {
                    TilePath partial = new TilePath(level, count / 256, width, false);
                    assertEquals(32 * width, server.apply(partial).orElseThrow().length, partial.uri());
                    assertTrue(server.apply(new TilePath(level, count / 256, 256, false)).isEmpty(), "full " + partial.uri());
                }
            }
        }
    }

    @Test
    void pathsAreCanonical() {
        assertEquals("tile/0/x001/x234/067", new TilePath(0, 1_234_067, 256, false).uri());
        assertEquals("tile/entries/005.p/7", new TilePath(0, 5, 7, true).uri());
        assertEquals("tile/2/x001/000", new TilePath(2, 1000, 256, false).uri());
        assertEquals(Optional.of(new TilePath(1, 1000, 17, false)), TilePath.parse("1/x001/000.p/17"));
        assertEquals(Optional.of(new TilePath(0, 0, 256, false)), TilePath.parse("0/000"));
        assertEquals(Optional.of(new TilePath(0, 1_234_067, 256, true)), TilePath.parse("entries/x001/x234/067"));
        for (String bad : List.of("0/5", "0/x000/005", "0/005.p/0", "0/005.p/256", "0/005.p/07", "8/000", "64/000",
                "entries/05", "0/005/", "-1/000", "0/x005", "entries/000.p/", "01/000")) {
            assertTrue(TilePath.parse(bad).isEmpty(), bad);
        }
    }

    /** A tile as PublicLog cuts it from the stored nodes: present only when the tree holds all of it. */
    static Optional<byte[]> serve(Map<String, byte[]> nodes, long size, TilePath tile) {
        if (!tile.within(size)) {
            return Optional.empty();
        }
        byte[] out = new byte[32 * tile.width()];
        for (int i = 0; i < tile.width(); i++) {
            System.arraycopy(nodes.get(tile.treeLevel() + "/" + (tile.firstNode() + i)), 0, out, 32 * i, 32);
        }
        return Optional.of(out);
    }

    /** Stores a leaf and every perfect subtree it completes, as PublicLog.append does. */
    static void store(Map<String, byte[]> nodes, long index, byte[] leaf) {
        nodes.put("0/" + index, leaf);
        byte[] h = leaf;
        int level = 0;
        for (long i = index; (i & 1) == 1; i >>= 1) {
            h = Merkle.nodeHash(nodes.get(level + "/" + (i - 1)), h);
            level++;
            nodes.put(level + "/" + (i >> 1), h);
        }
    }

    @Test
    void aTileThatIsNotAllThereIsNotServed() {
        Map<String, byte[]> nodes = new HashMap<>();
        for (long i = 0; i < 300; i++) {
            store(nodes, i, Merkle.leafHash(new byte[] { (byte) i }));
        }
        assertTrue(serve(nodes, 300, new TilePath(0, 1, 44, false)).isPresent());
        assertTrue(serve(nodes, 300, new TilePath(0, 1, 43, false)).isPresent(), "an older partial tile stays readable");
        assertTrue(serve(nodes, 300, new TilePath(0, 1, 45, false)).isEmpty());
        assertTrue(serve(nodes, 300, new TilePath(1, 0, 2, false)).isEmpty());
        assertTrue(Arrays.equals(serve(nodes, 300, new TilePath(1, 0, 1, false)).orElseThrow(), nodes.get("8/0")));
    }
}
