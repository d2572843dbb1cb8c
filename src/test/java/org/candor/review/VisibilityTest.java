package org.candor.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Who sees a post, and how much of it (the pages that apply it are tested in ReviewsTest and ModerationTest). */
class VisibilityTest {

    private static final long AUTHOR = 7;
    private static final Viewer STRANGER = Viewer.customer(8);

    @Test
    void aHeldPostIsListedForItsAuthorAndStaffOnly() {
        assertTrue(Visibility.listed(ReviewStatus.PENDING, AUTHOR, Viewer.customer(AUTHOR)));
        assertTrue(Visibility.listed(ReviewStatus.PENDING, AUTHOR, new Viewer(9, true, false)));
        assertFalse(Visibility.listed(ReviewStatus.PENDING, AUTHOR, STRANGER));
        assertFalse(Visibility.listed(ReviewStatus.PENDING, AUTHOR, Viewer.ANONYMOUS));
    }

    @Test
    void publishedAndHiddenPostsAreListedForEveryoneButAHiddenTextOnlyForItsAuthorAndAdmins() {
        for (ReviewStatus status : new ReviewStatus[] { ReviewStatus.PUBLISHED, ReviewStatus.HIDDEN }) {
            assertTrue(Visibility.listed(status, AUTHOR, Viewer.ANONYMOUS), status.name());
        }
        assertTrue(Visibility.textShown(ReviewStatus.PUBLISHED, false));
        assertFalse(Visibility.textShown(ReviewStatus.HIDDEN, false), "the public sees the notice, not the text");
        assertTrue(Visibility.textShown(ReviewStatus.HIDDEN, true));
    }
}
