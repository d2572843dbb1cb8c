package org.candor.review;

import org.candor.policy.ModerationPolicy;
import org.candor.policy.Settings;

/**
 * What posting tells the rest of the board, fired inside the posting transaction. Moderation observes these events
 * synchronously ({@code moderation/ModerationQueue}), so a post and its queue items commit or roll back together while
 * this package depends on nothing in moderation.
 */
public sealed interface PostEvent {

    /** A brand-new review and the verdict the policy gave it. */
    record ReviewPosted(long reviewId, long subjectId, int rating, ModerationPolicy.Verdict verdict, Settings settings)
            implements PostEvent {
    }

    /** A post the policy holds (or an edit of a held post): it waits for a moderator. */
    record Held(long reviewId, Long commentId, int rating, String rule, String matched) implements PostEvent {
    }

    /** A published post a word rule flagged: it stays public and waits for a moderator to look. */
    record Flagged(long reviewId, Long commentId, int rating, String rule, String matched) implements PostEvent {
    }

    /** A brand-new comment (published or held). */
    record CommentPosted(long reviewId, long commentId, long subjectId) implements PostEvent {
    }

    /** A reader's report on a review or one of its comments. */
    record Reported(long reviewId, Long commentId, long reportId, String reason, int rating) implements PostEvent {
    }
}
