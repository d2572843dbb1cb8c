package org.candor.review;

import java.time.Instant;

/**
 * A review as the public sees it. A hidden review carries no title or text: its notice stands in their place.
 */
public record ReviewCard(long id, int rating, String title, String body, String authorName, Instant createdAt,
        ReviewStatus status, int revision) {

    public ReviewCard {
        if (status == ReviewStatus.HIDDEN) {
            title = null;
            body = null;
        }
    }

    public boolean hidden() {
        return status == ReviewStatus.HIDDEN;
    }

    public boolean edited() {
        return revision > 1;
    }
}
