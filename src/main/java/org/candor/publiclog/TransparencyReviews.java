package org.candor.publiclog;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * What happened to each review, for {@link Transparency}: indexed by review id, its arrival (epoch ms, 0 when it did
 * not arrive on the log), stars, whether it was held at arrival or hidden since, how long it was held and how long its
 * first official reply took (seconds, -1 for none), and its subject. A few bytes per review.
 */
final class TransparencyReviews {

    static final byte HELD_AT_ARRIVAL = 1, WAS_HIDDEN = 2;

    long[] arrival = new long[1024];
    byte[] rating = new byte[1024];
    byte[] flags = new byte[1024];
    int[] heldFor = new int[1024];
    int[] firstReplyAfter = new int[1024];
    int[] subjectOf = new int[1024];
    final Map<String, Integer> subjects = new HashMap<>();
    int maxReview;

    /**
     * One subject's line ("replies to N % of negative reviews, typically within …"): of its reviews with at most
     * {@code maxStars} stars that arrived since {@code since}: how many, how many were answered, and the median
     * seconds to the first reply (-1 when none).
     */
    long[] answered(String subject, int maxStars, Instant since) {
        Integer wanted = subjects.get(subject);
        if (wanted == null) {
            return new long[] { 0, 0, -1 };
        }
        long cutoff = since.toEpochMilli();
        long n = 0;
        long replied = 0;
        long[] times = new long[16];
        for (int id = 1; id <= maxReview; id++) {
            if (subjectOf[id] == wanted && arrival[id] >= cutoff && rating[id] >= 1 && rating[id] <= maxStars) {
                n++;
                if (firstReplyAfter[id] >= 0) {
                    times = TransparencyFigures.push(times, (int) replied++, firstReplyAfter[id]);
                }
            }
        }
        long[] sorted = Arrays.copyOf(times, (int) replied);
        Arrays.sort(sorted);
        Long median = TransparencyFigures.median(sorted);
        return new long[] { n, replied, median == null ? -1 : median };
    }

    boolean known(Long review, Long comment) {
        return comment == null && review != null && fits(review) && review <= maxReview && arrival[review.intValue()] != 0;
    }

    static boolean fits(long review) {
        return review > 0 && review < Integer.MAX_VALUE - 16;
    }

    void grow(int id) {
        if (id >= arrival.length) {
            int size = Math.max(id + 1, arrival.length * 2);
            arrival = Arrays.copyOf(arrival, size);
            rating = Arrays.copyOf(rating, size);
            flags = Arrays.copyOf(flags, size);
            heldFor = Arrays.copyOf(heldFor, size);
            firstReplyAfter = Arrays.copyOf(firstReplyAfter, size);
            subjectOf = Arrays.copyOf(subjectOf, size);
        }
        maxReview = Math.max(maxReview, id);
    }

}
