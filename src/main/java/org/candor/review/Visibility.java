package org.candor.review;

/**
 * Who may see a review or comment, and how much of it: the one home of that rule.
 * <ul>
 * <li>Published posts are listed for everyone.</li>
 * <li>Hidden posts stay listed, their text replaced for the public by the notice that says who hid them and why; their
 * author and admins still read the text.</li>
 * <li>Posts awaiting moderation are listed only for their author and staff.</li>
 * </ul>
 */
public final class Visibility {

    private Visibility() {
    }

    /**
     * JPQL: the post {@code post} (whose author is {@code author}) is listed for the viewer bound as {@code :viewer}
     * and {@code :staff}.
     */
    static String listedJpql(String post, String author) {
        return "(" + post + ".status <> org.candor.review.ReviewStatus.PENDING or " + author + ".id = :viewer or :staff = true)";
    }

    /** Whether a post with this status and author is listed for the viewer. */
    static boolean listed(ReviewStatus status, long authorId, Viewer viewer) {
        return status != ReviewStatus.PENDING || authorId == viewer.accountId() || viewer.staff();
    }

    /** Whether the reader sees the text of a post with this status ({@code revealed}: its author, or an admin). */
    static boolean textShown(ReviewStatus status, boolean revealed) {
        return status != ReviewStatus.HIDDEN || revealed;
    }
}
