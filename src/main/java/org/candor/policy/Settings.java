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

    /** What changed from {@code before} to this, one part per setting ({@link ChangeSummary}); empty when nothing did. */
    public List<ChangeSummary.Part> changesFrom(Settings before) {
        List<ChangeSummary.Part> changes = new ArrayList<>();
        diff(changes, "setting_mode", ChangeSummary.label(before.mode), ChangeSummary.label(mode));
        diff(changes, "setting_hold_first", before.holdFirstPosts, holdFirstPosts);
        diff(changes, "setting_hold_days", before.holdNewAccountDays, holdNewAccountDays);
        diff(changes, "setting_links", before.maxLinks, maxLinks);
        diff(changes, "setting_rate", before.postsPerMinute, postsPerMinute);
        diff(changes, "setting_target_low", before.targetLowMinutes, targetLowMinutes);
        diff(changes, "setting_target_mid", before.targetMidMinutes, targetMidMinutes);
        diff(changes, "setting_target_high", before.targetHighMinutes, targetHighMinutes);
        diff(changes, "setting_staff", ChangeSummary.label(before.staffInPublic), ChangeSummary.label(staffInPublic));
        diff(changes, "setting_words", ChangeSummary.label(before.wordsInPublic), ChangeSummary.label(wordsInPublic));
        return changes;
    }

    private static void diff(List<ChangeSummary.Part> changes, String what, Object before, Object after) {
        if (!before.equals(after)) {
            changes.add(new ChangeSummary.Part("change_setting", List.of("@" + what, before.toString(), after.toString())));
        }
    }
}
