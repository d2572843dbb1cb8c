package org.candor.review;

import java.time.Instant;

/** A comment as a reader sees it; a hidden comment's text is shown only to its author. */
public record CommentView(long id, long reviewId, String body, String authorName, Instant createdAt,
        ReviewStatus status, boolean mine) {

    public CommentView {
        if (status == ReviewStatus.HIDDEN && !mine) {
            body = null;
        }
    }

    public boolean hidden() {
        return status == ReviewStatus.HIDDEN;
    }

    public boolean pending() {
        return status == ReviewStatus.PENDING;
    }
}
