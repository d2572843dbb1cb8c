package org.candor.review;

import java.time.Instant;

/** A post in its author's "My activity" list: a review ({@code commentId} null) or a comment. */
public record MyPost(boolean review, long reviewId, Long commentId, String subjectSlug, String subjectName,
        String text, Integer rating, ReviewStatus status, Instant at) {
}
