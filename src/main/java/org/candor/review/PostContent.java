package org.candor.review;

import java.time.Instant;

/** What a moderator acts on: a review, or one of its comments, with who wrote it and where. Staff only. */
public record PostContent(long reviewId, Long commentId, long subjectId, String subjectSlug, String subjectName,
        long authorId, String authorName, int rating, String title, String body, ReviewStatus status,
        Instant createdAt) {

    public boolean isComment() {
        return commentId != null;
    }

    public boolean held() {
        return status == ReviewStatus.PENDING;
    }

    public boolean hidden() {
        return status == ReviewStatus.HIDDEN;
    }
}
