package org.candor.review;

import java.time.Instant;
import java.util.List;


/**
 * A comment as a reader sees it; a hidden comment's text is shown only to its author and admins, everyone else sees
 * the notice.
 */
public record CommentView(long id, long reviewId, String body, String authorName, Instant createdAt,
        ReviewStatus status, boolean mine, boolean revealed, StaffNotes.HideNotice notice,
        List<StaffNotes.Note> annotations) {

    public CommentView {
        if (!Visibility.textShown(status, revealed)) {
            body = null;
        }
    }

    /** The query projection; notes are added by {@link #withNotes}. */
    public CommentView(long id, long reviewId, String body, String authorName, Instant createdAt,
            ReviewStatus status, boolean mine, boolean revealed) {
        this(id, reviewId, body, authorName, createdAt, status, mine, revealed, null, List.of());
    }

    CommentView withNotes(StaffNotes.Notes notes) {
        return new CommentView(id, reviewId, body, authorName, createdAt, status, mine, revealed,
                hidden() ? notes.commentNotices().get(id) : null, notes.annotationsOfComment(id));
    }

    public boolean hidden() {
        return status == ReviewStatus.HIDDEN;
    }

    public boolean pending() {
        return status == ReviewStatus.PENDING;
    }
}
