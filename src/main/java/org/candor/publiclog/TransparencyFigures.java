package org.candor.publiclog;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Map;

/**
 * The arithmetic of the transparency figures ({@link Transparency}): shares in basis points, lower medians and
 * nearest-rank percentiles, growable arrays of durations; and the comparison of a served report with a recomputed one.
 */
public final class TransparencyFigures {

    private TransparencyFigures() {
    }

    /** The figures that differ between two reports (a served one and a recomputed one), each as "name: a ≠ b". */
    public static java.util.List<String> differences(Map<String, Object> served, Map<String, Object> recomputed) {
        java.util.List<String> differ = new java.util.ArrayList<>();
        java.util.Set<String> names = new java.util.TreeSet<>(served.keySet());
        names.addAll(recomputed.keySet());
        for (String name : names) {
            Object a = served.get(name);
            Object b = recomputed.get(name);
            if (!java.util.Objects.equals(a == null ? null : a.toString(), b == null ? null : b.toString())) {
                differ.add(name + ": served " + a + ", recomputed " + b);
            }
        }
        return differ;
    }

    static Long poll(Map<String, ArrayDeque<Long>> pending, String key) {
        ArrayDeque<Long> queue = pending.get(key);
        if (queue == null || queue.isEmpty()) {
            return null;
        }
        Long first = queue.poll();
        if (queue.isEmpty()) {
            pending.remove(key);
        }
        return first;
    }

    static int seconds(long millis) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, millis / 1000));
    }

    static long[] push(long[] a, int index, long value) {
        if (index >= a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[index] = value;
        return a;
    }

    /** Appends a (time, duration) pair. */
    static long[] push(long[] a, int pair, long time, long duration) {
        if (2 * pair + 1 >= a.length) {
            a = Arrays.copyOf(a, a.length * 2);
        }
        a[2 * pair] = time;
        a[2 * pair + 1] = duration;
        return a;
    }

    static long[] decided(long[] pairs, int count, long start, long end) {
        long[] out = new long[count];
        int n = 0;
        for (int i = 0; i < count; i++) {
            if (pairs[2 * i] >= start && pairs[2 * i] < end) {
                out[n++] = pairs[2 * i + 1];
            }
        }
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    static void add(int[] into, int[] from) {
        if (from != null) {
            for (int i = 0; i < into.length; i++) {
                into[i] += from[i];
            }
        }
    }

    static Long share(long part, long whole) {
        return whole == 0 ? null : part * 10_000 / whole;
    }

    /** The lower median of sorted values, or null for none. */
    static Long median(long[] sorted) {
        return sorted.length == 0 ? null : sorted[(sorted.length - 1) / 2];
    }

    /** The nearest-rank percentile of sorted values, or null for none. */
    static Long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
