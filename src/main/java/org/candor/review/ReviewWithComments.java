package org.candor.review;

import java.util.List;

/** A review with the comments its reader may see. */
public record ReviewWithComments(ReviewCard review, List<CommentView> comments) {
}
