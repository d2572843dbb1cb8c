package org.candor.review;

import java.time.Instant;

/**
 * A review as a reader sees it. When it is hidden, only its author sees the title and text; everyone else sees the
 * notice that stands in their place.
 *
 * @param mine whether the reader wrote it
 */
public record ReviewCard(long id, int rating, String title, String body, String authorName, Instant createdAt,
        Instant updatedAt, ReviewStatus status, int revision, int helpfulCount, boolean mine) {

    public ReviewCard {
        if (status == ReviewStatus.HIDDEN && !mine) {
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

    /** Whether the reader sees the text (published, or their own). */
    public boolean readable() {
        return body != null;
    }
}
