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
     * The update that counts {@code delta} reviews of {@code rating} stars in (or out, with a negative delta). JDBC
     * parameters, in order: the delta, the delta times the rating, the delta again, the subject id.
     */
    public static String update(int rating) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating out of range: " + rating);
        }
        return "update subject set review_count = review_count + ?, rating_sum = rating_sum + ?, stars_" + rating
                + " = stars_" + rating + " + ? where id = ?";
    }
}
