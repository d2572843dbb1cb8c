package org.candor.publiclog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What a client computes from a tiled log's hash tiles (c2sp.org/tlog-tiles). JDK only. */
public final class Tiles {

    private Tiles() {
    }

    /** A tile the client could not use: missing, or not the size it must be. */
    public static final class MissingTile extends RuntimeException {
        MissingTile(String message) {
            super(message);
        }
    }

    /**
     * The RFC 9162 root of a tree of {@code size} entries from its tiles alone: each perfect subtree of the size's
     * binary decomposition is hashed from the highest tile level that holds it, full tiles where the tree has them and
     * the partial tile of that level otherwise.
     */
    public static byte[] root(long size, Function<TilePath, Optional<byte[]>> fetch) {
        if (size == 0) {
            return Merkle.emptyRoot();
        }
        Map<TilePath, byte[]> fetched = new HashMap<>();
        List<byte[]> subtrees = new ArrayList<>();
        long start = 0;
        for (int k = 62; k >= 0; k--) {
            if ((size & (1L << k)) != 0) {
                subtrees.add(subtree(start, k, size, fetch, fetched));
                start += 1L << k;
            }
        }
        byte[] h = subtrees.get(subtrees.size() - 1);
        for (int i = subtrees.size() - 2; i >= 0; i--) {
            h = Merkle.nodeHash(subtrees.get(i), h);
        }
        return h;
    }

    /** The hash of the perfect subtree of 2^k entries from {@code start}, from the tile that holds its hashes. */
    private static byte[] subtree(long start, int k, long size, Function<TilePath, Optional<byte[]>> fetch,
            Map<TilePath, byte[]> fetched) {
        int level = Math.min(k / 8, 7);
        int treeLevel = 8 * level;
        long first = start >>> treeLevel;
        int count = 1 << (k - treeLevel);
        long tileIndex = first / TilePath.WIDTH;
        long available = size >>> treeLevel;
        int width = (tileIndex + 1) * TilePath.WIDTH <= available ? TilePath.WIDTH
                : (int) (available % TilePath.WIDTH);
        TilePath path = new TilePath(level, tileIndex, width, false);
        byte[] tile = fetched.computeIfAbsent(path, p -> fetch.apply(p)
                .orElseThrow(() -> new MissingTile("tile " + p.uri() + " is missing")));
        if (tile.length != 32 * width) {
            throw new MissingTile("tile " + path.uri() + " holds " + tile.length + " bytes, not " + 32 * width);
        }
        int offset = (int) (first % TilePath.WIDTH);
        List<byte[]> hashes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            hashes.add(Arrays.copyOfRange(tile, 32 * (offset + i), 32 * (offset + i + 1)));
        }
        while (hashes.size() > 1) {
            List<byte[]> up = new ArrayList<>(hashes.size() / 2);
            for (int i = 0; i < hashes.size(); i += 2) {
                up.add(Merkle.nodeHash(hashes.get(i), hashes.get(i + 1)));
            }
            hashes = up;
        }
        return hashes.get(0);
    }
}
