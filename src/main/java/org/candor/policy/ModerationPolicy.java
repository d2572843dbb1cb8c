package org.candor.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Applies the moderation policy to a new post: reject it (the author sees which rule, nothing is lost), hold it for a
 * moderator, flag it (publish and queue it), or publish it. Every decision names the rule that made it and the words
 * it matched, so nobody gets a silent "possible banned word".
 */
@ApplicationScoped
public class ModerationPolicy {

    /** Rule names for holds that do not come from a word rule. */
    public static final String PRE_MODERATION_RULE = "pre-moderation";
    public static final String FIRST_POSTS_RULE = "first-posts";
    public static final String NEW_ACCOUNT_RULE = "new-account";
    public static final String LINKS_RULE = "max-links";

    /** What happens to a post. */
    public enum Outcome {
        PUBLISH,
        FLAG,
        HOLD,
        REJECT;

        public String messageKey() {
            return "outcome_" + name();
        }
    }

    /** The decision on a post: what happens, which rule decided it, and the words that matched (if any). */
    public record Verdict(Outcome outcome, String rule, String matched) {

        static final Verdict PUBLISH = new Verdict(Outcome.PUBLISH, null, null);

        public boolean published() {
            return outcome == Outcome.PUBLISH || outcome == Outcome.FLAG;
        }
    }

    private final EntityManager em;

    ModerationPolicy(EntityManager em) {
        this.em = em;
    }

    /** The board-wide settings. */
    public Settings settings() {
        Object[] r = (Object[]) em.createNativeQuery("""
                select mode, hold_first_posts, hold_new_account_days, max_links, posts_per_minute, target_low_minutes,
                    target_mid_minutes, target_high_minutes, staff_in_public, version
                from moderation_policy where id = 1""").getSingleResult();
        return new Settings((String) r[0], i(r[1]), i(r[2]), i(r[3]), i(r[4]), i(r[5]), i(r[6]), i(r[7]), (String) r[8],
                i(r[9]));
    }

    /** The rules in force, oldest first. */
    public List<WordRules.Rule> rules() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select id, pattern, is_regex, action from word_rule where active order by id").getResultList();
        return rows.stream().map(r -> new WordRules.Rule(((Number) r[0]).longValue(), (String) r[1], (Boolean) r[2],
                WordRules.Action.valueOf((String) r[3]))).toList();
    }

    /** The decision on a new review or comment by this account on this subject. */
    public Verdict judge(long subjectId, long accountId, String text) {
        return judge(settings(), subjectId, accountId, text);
    }

    /** {@link #judge(long, long, String)} with the settings the caller has already read in this transaction. */
    public Verdict judge(Settings settings, long subjectId, long accountId, String text) {
        Verdict byText = byText(WordRules.of(rules()), settings.maxLinks(), text);
        if (byText.outcome() == Outcome.REJECT || byText.outcome() == Outcome.HOLD) {
            return byText;
        }
        Object[] r = (Object[]) em.createNativeQuery("""
                select coalesce(s.moderation_mode, p.mode), a.created_at,
                    (select count(*) from review where author_id = a.id) + (select count(*) from comment where author_id = a.id)
                from subject s, moderation_policy p, account a where s.id = ?1 and p.id = 1 and a.id = ?2""")
                .setParameter(1, subjectId).setParameter(2, accountId).getSingleResult();
        if ("PRE".equals(r[0])) {
            return new Verdict(Outcome.HOLD, PRE_MODERATION_RULE, null);
        }
        if (settings.holdFirstPosts() > 0 && ((Number) r[2]).longValue() < settings.holdFirstPosts()) {
            return new Verdict(Outcome.HOLD, FIRST_POSTS_RULE, null);
        }
        Instant created = org.candor.Sql.instant(r[1]);
        if (settings.holdNewAccountDays() > 0
                && created.plus(Duration.ofDays(settings.holdNewAccountDays())).isAfter(Instant.now())) {
            return new Verdict(Outcome.HOLD, NEW_ACCOUNT_RULE, null);
        }
        return byText;
    }

    /** The decision the word rules and the link limit alone make on a text (what a dry run replays). */
    public static Verdict byText(WordRules rules, int maxLinks, String text) {
        if (WordRules.links(text) > maxLinks) {
            return new Verdict(Outcome.REJECT, LINKS_RULE, WordRules.links(text) + " links");
        }
        WordRules.Match match = rules.match(text);
        if (match == null) {
            return Verdict.PUBLISH;
        }
        Outcome outcome = switch (match.rule().action()) {
            case REJECT -> Outcome.REJECT;
            case HOLD -> Outcome.HOLD;
            case FLAG -> Outcome.FLAG;
        };
        return new Verdict(outcome, match.rule().describe(), match.wordsText());
    }

    private static int i(Object o) {
        return ((Number) o).intValue();
    }
}
