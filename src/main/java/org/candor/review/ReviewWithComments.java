package org.candor.review;

import java.util.List;


/**
 * A review with the comments its reader may see, its official replies and annotations, and, when hidden, the notice
 * that explains why.
 */
public record ReviewWithComments(ReviewCard review, List<CommentView> comments, List<StaffNotes.Note> replies,
        List<StaffNotes.Note> annotations, StaffNotes.HideNotice notice) {
}
