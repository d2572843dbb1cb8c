package org.candor.policy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The board-wide moderation settings an admin edits on one form.
 *
 * @param mode {@code POST} (publish at once, queue for a reply) or {@code PRE} (hold every post)
 * @param holdFirstPosts hold an account's first N posts (0: off)
 * @param holdNewAccountDays hold posts of accounts younger than this many days (0: off)
 * @param staffInPublic {@code HANDLE} (role and public handle) or {@code ROLE} (role only)
 * @param wordsInPublic {@code SHOWN} (the house rules list the word rules' patterns) or {@code HIDDEN} (only how many)
 */
public record Settings(String mode, int holdFirstPosts, int holdNewAccountDays, int maxLinks, int postsPerMinute,
        int targetLowMinutes, int targetMidMinutes, int targetHighMinutes, String staffInPublic, String wordsInPublic,
        int version) {

    /** Whether {@code /rules} lists the word rules' patterns, not only how many there are. */
    public boolean wordsShown() {
        return "SHOWN".equals(wordsInPublic);
    }

    public boolean staffByHandle() {
        return "HANDLE".equals(staffInPublic);
    }

    /** How long moderators have to answer a post with this rating (comments count as 3 stars). */
    public Duration target(int rating) {
        return Duration.ofMinutes(rating <= 2 ? targetLowMinutes : rating == 3 ? targetMidMinutes : targetHighMinutes);
    }

    /** What changed from {@code before} to this, in words for the public log; empty when nothing did. */
    public List<String> changesFrom(Settings before) {
        List<String> changes = new ArrayList<>();
        diff(changes, "moderation mode", before.mode, mode);
        diff(changes, "hold first posts", before.holdFirstPosts, holdFirstPosts);
        diff(changes, "hold accounts younger than (days)", before.holdNewAccountDays, holdNewAccountDays);
        diff(changes, "links per post", before.maxLinks, maxLinks);
        diff(changes, "posts per minute per account", before.postsPerMinute, postsPerMinute);
        diff(changes, "response target 1-2 stars (minutes)", before.targetLowMinutes, targetLowMinutes);
        diff(changes, "response target 3 stars (minutes)", before.targetMidMinutes, targetMidMinutes);
        diff(changes, "response target 4-5 stars (minutes)", before.targetHighMinutes, targetHighMinutes);
        diff(changes, "staff shown in public by", before.staffInPublic, staffInPublic);
        diff(changes, "word rules on the house rules page", before.wordsInPublic, wordsInPublic);
        return changes;
    }

    private static void diff(List<String> changes, String what, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }
}
