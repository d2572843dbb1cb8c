package org.candor.publiclog;

import java.util.ArrayList;
import java.util.List;

/** The right edge of a Merkle tree being built leaf by leaf: one hash per level, so O(log n) memory. */
final class CompactRange {
    private final List<byte[]> stack = new ArrayList<>();
    private long size;

    void add(byte[] leaf) {
        byte[] h = leaf;
        for (long n = size; (n & 1) == 1; n >>= 1) {
            h = Merkle.nodeHash(stack.remove(stack.size() - 1), h);
        }
        stack.add(h);
        size++;
    }

    long size() {
        return size;
    }

    /** The RFC 9162 root of the leaves added so far. */
    byte[] root() {
        if (stack.isEmpty()) {
            return Merkle.emptyRoot();
        }
        byte[] h = stack.get(stack.size() - 1);
        for (int i = stack.size() - 2; i >= 0; i--) {
            h = Merkle.nodeHash(stack.get(i), h);
        }
        return h;
    }
}
