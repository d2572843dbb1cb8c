package org.candor.review;

import java.time.Instant;

/**
 * A review as a reader sees it. When it is hidden, only its author and admins see the title and text; everyone else
 * sees the notice that stands in their place.
 *
 * @param mine whether the reader wrote it
 * @param revealed whether the reader may see it even when hidden (its author, or an admin)
 */
public record ReviewCard(long id, int rating, String title, String body, String authorName, Instant createdAt,
        Instant updatedAt, ReviewStatus status, int revision, int helpfulCount, boolean mine, boolean revealed,
        boolean verifiedPurchase, boolean invited, String incentive, boolean staff) {

    /** Whether the review carries any label ({@code /about/reviews#labels}). */
    public boolean labelled() {
        return verifiedPurchase || invited || incentive != null || staff;
    }

    /** The labels as the API gives them: VERIFIED_PURCHASE, INVITED, INCENTIVE, STAFF. */
    public java.util.List<String> labels() {
        java.util.List<String> labels = new java.util.ArrayList<>();
        if (verifiedPurchase) {
            labels.add("VERIFIED_PURCHASE");
        } else if (invited) {
            labels.add("INVITED");
        }
        if (incentive != null) {
            labels.add("INCENTIVE");
        }
        if (staff) {
            labels.add("STAFF");
        }
        return labels;
    }

    public ReviewCard {
        if (!Visibility.textShown(status, revealed)) {
            title = null;
            body = null;
        }
    }

    public boolean hidden() {
        return status == ReviewStatus.HIDDEN;
    }

    public boolean pending() {
        return status == ReviewStatus.PENDING;
    }

    public boolean edited() {
        return revision > 1;
    }

    /** Whether the reader sees the text (published, or their own, or an admin's view). */
    public boolean readable() {
        return body != null;
    }
}
