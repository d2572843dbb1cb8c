package org.candor.publiclog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 (Certificate Transparency 2.0) Merkle trees: hashing, proofs, and their verification. JDK only, so the
 * stand-alone {@link Verifier} can use it too.
 * <p>
 * Proofs are computed from the hashes of perfect, aligned subtrees ("nodes": level {@code l}, index {@code i} covers
 * leaves {@code [i·2^l, (i+1)·2^l)}), which the log stores as it grows; a proof needs O(log n) of them.
 */
public final class Merkle {

    /** Bytes in a hash (SHA-256). */
    public static final int HASH_SIZE = 32;

    /** Where the hashes of perfect subtrees come from. */
    @FunctionalInterface
    public interface Nodes {
        byte[] node(int level, long index);
    }

    private Merkle() {
    }

    public static byte[] leafHash(byte[] data) {
        MessageDigest d = sha256();
        d.update((byte) 0x00);
        return d.digest(data);
    }

    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest d = sha256();
        d.update((byte) 0x01);
        d.update(left);
        return d.digest(right);
    }

    public static byte[] emptyRoot() {
        return sha256().digest();
    }

    /** The root of the tree of the first {@code size} leaves. */
    public static byte[] root(long size, Nodes nodes) {
        return size == 0 ? emptyRoot() : mth(0, size, nodes);
    }

    /** RFC 9162 2.1.3.1: the inclusion proof of leaf {@code index} in the tree of {@code size} leaves. */
    public static List<byte[]> inclusionProof(long index, long size, Nodes nodes) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, nodes, proof);
        return proof;
    }

    /** RFC 9162 2.1.4.1: the proof that the tree of {@code size1} leaves is a prefix of the tree of {@code size2}. */
    public static List<byte[]> consistencyProof(long size1, long size2, Nodes nodes) {
        if (size1 < 0 || size1 > size2) {
            throw new IllegalArgumentException("no consistency proof from " + size1 + " to " + size2);
        }
        List<byte[]> proof = new ArrayList<>();
        if (size1 > 0 && size1 < size2) {
            subproof(size1, 0, size2, true, nodes, proof);
        }
        return proof;
    }

    /** RFC 9162 2.1.3.2: whether {@code proof} shows leaf {@code index} with {@code leafHash} in the tree with {@code root}. */
    public static boolean verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root) {
        if (index < 0 || index >= size || !isHash(leafHash) || !isHash(root) || !proof.stream().allMatch(Merkle::isHash)) {
            return false;
        }
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, root);
    }

    /** RFC 9162 2.1.4.2: whether {@code proof} shows the tree ({@code size1}, {@code root1}) is a prefix of ({@code size2}, {@code root2}). */
    public static boolean verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
        if (size1 < 0 || size2 < size1 || !isHash(root1) || !isHash(root2) || !proof.stream().allMatch(Merkle::isHash)) {
            return false;
        }
        if (size1 == size2) {
            return proof.isEmpty() && Arrays.equals(root1, root2);
        }
        if (size1 == 0) {
            return proof.isEmpty();
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(size1) == 1) {
            path.add(0, root1);
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = nodeHash(c, fr);
                sr = nodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = nodeHash(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, root1) && Arrays.equals(sr, root2);
    }

    private static boolean isHash(byte[] h) {
        return h != null && h.length == 32;
    }

    /** The levels and indexes of the stored nodes an operation reads, so they can be fetched in one query. */
    public static List<long[]> nodesRead(java.util.function.Consumer<Nodes> operation) {
        List<long[]> keys = new ArrayList<>();
        byte[] dummy = new byte[32];
        operation.accept((level, index) -> {
            keys.add(new long[] {level, index});
            return dummy;
        });
        return keys;
    }

    // MTH(D[start:end]) from stored perfect subtrees: aligned power-of-two ranges are single nodes.
    static byte[] mth(long start, long end, Nodes nodes) {
        long n = end - start;
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return nodes.node(level, start >> level);
        }
        long k = Long.highestOneBit(n - 1);
        return nodeHash(mth(start, start + k, nodes), mth(start + k, end, nodes));
    }

    private static void path(long m, long start, long end, Nodes nodes, List<byte[]> out) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m < k) {
            path(m, start, start + k, nodes, out);
            out.add(mth(start + k, end, nodes));
        } else {
            path(m - k, start + k, end, nodes, out);
            out.add(mth(start, start + k, nodes));
        }
    }

    private static void subproof(long m, long start, long end, boolean b, Nodes nodes, List<byte[]> out) {
        long n = end - start;
        if (m == n) {
            if (!b) {
                out.add(mth(start, end, nodes));
            }
            return;
        }
        long k = Long.highestOneBit(n - 1);
        if (m <= k) {
            subproof(m, start, start + k, b, nodes, out);
            out.add(mth(start + k, end, nodes));
        } else {
            subproof(m - k, start + k, end, false, nodes, out);
            out.add(mth(start, start + k, nodes));
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
