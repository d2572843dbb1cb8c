package org.candor.subject;

/**
 * A subject's rating summary (review count, sum of stars, count per star) is kept up to date by adding to it in the
 * transaction that publishes, hides, restores or re-rates a review, so public pages never aggregate over reviews. This
 * is the one statement that does it; {@link Subject} never writes the counters back.
 */
public final class RatingSummary {

    private RatingSummary() {
    }

    /**
     * The update that counts {@code delta} reviews of {@code rating} stars in (or out, with a negative delta), with the
     * SQL parameter markers the caller binds: {@code delta} (a whole number of reviews) and {@code subjectId}.
     */
    public static String update(int rating, String delta, String subjectId) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating out of range: " + rating);
        }
        return "update subject set review_count = review_count + " + delta + ", rating_sum = rating_sum + " + rating
                + " * " + delta + ", stars_" + rating + " = stars_" + rating + " + " + delta + " where id = " + subjectId;
    }
}
