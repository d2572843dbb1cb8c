package org.candor.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.candor.Sql;

/**
 * Applies the moderation policy to a new post: reject it (the author sees which rule, nothing is lost), hold it for a
 * moderator, flag it (publish and queue it), or publish it. Every decision names the rule that made it and the words
 * it matched, so nobody gets a silent "possible banned word".
 */
@ApplicationScoped
@jakarta.inject.Named("moderationPolicy")
public class ModerationPolicy {

    /**
     * A rule's name as the public log and statements of reasons give it: a word rule by number only ({@code word rule
     * #3}), never its pattern; other rules as they are.
     */
    public static String publicRule(String rule) {
        if (rule != null && (rule.startsWith("word ") || rule.startsWith("pattern ")) && rule.contains("(#")
                && rule.endsWith(")")) {
            return "word rule " + rule.substring(rule.lastIndexOf("(#") + 1, rule.length() - 1);
        }
        return rule;
    }

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

    /**
     * The columns of {@code moderation_policy p} that make its {@link Settings}, each under its own alias, which
     * {@link #settings(Tuple)} reads; for queries that read the settings along with other things.
     */
    public static final String SETTINGS_COLUMNS = """
            p.mode as policy_mode, p.hold_first_posts as hold_first_posts, p.hold_new_account_days as hold_new_account_days,
            p.max_links as max_links, p.posts_per_minute as posts_per_minute, p.target_low_minutes as target_low_minutes,
            p.target_mid_minutes as target_mid_minutes, p.target_high_minutes as target_high_minutes,
            p.staff_in_public as staff_in_public, p.words_in_public as words_in_public, p.version as policy_version""";

    /** The rules in force as one JSON text ({@code [[id, pattern, regex, action], ...]}, oldest first), or null. */
    public static final String RULES_JSON = """
            (select json_agg(json_build_array(id, pattern, is_regex, action) order by id)::text
             from word_rule where active)""";

    /**
     * What {@link #author(Tuple)} reads about author {@code a} posting on subject {@code s} under policy {@code p}: the
     * subject's mode (its own or the board's), when the account was created, and how many posts the author has
     * written, counted up to the policy's {@code hold_first_posts} (all a decision needs to know, without counting a
     * prolific author's every post).
     */
    public static final String AUTHOR_COLUMNS = """
            coalesce(s.moderation_mode, p.mode) as author_mode, a.created_at as account_created,
            (select count(*) from (select 1 from review where author_id = a.id limit p.hold_first_posts) r)
              + (select count(*) from (select 1 from comment where author_id = a.id limit p.hold_first_posts) c)
              as author_posts""";

    /** Compiled rules and the text they were compiled from: posts compile the rules only when they have changed. */
    private record Compiled(String source, WordRules rules) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private volatile Compiled compiled = new Compiled(null, WordRules.of(List.of()));

    ModerationPolicy(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /**
     * Whether every post about this subject waits for a moderator (its own mode, else the board's): the write form
     * says so ({@code inject:moderationPolicy.checkedFirst(slug)}).
     */
    public boolean checkedFirst(String slug) {
        List<?> found = em.createNativeQuery("select moderation_mode from subject where slug = ?1").setParameter(1, slug)
                .getResultList();
        String own = found.isEmpty() ? null : (String) found.get(0);
        return "PRE".equals(own == null ? settings().mode() : own);
    }

    public Settings settings() {
        return settings((Tuple) em.createNativeQuery("select " + SETTINGS_COLUMNS + " from moderation_policy p where id = 1",
                Tuple.class).getSingleResult());
    }

    /** The settings from a row that holds {@link #SETTINGS_COLUMNS}. */
    public static Settings settings(Tuple r) {
        return new Settings(Sql.text(r, "policy_mode"), Sql.integer(r, "hold_first_posts"),
                Sql.integer(r, "hold_new_account_days"), Sql.integer(r, "max_links"), Sql.integer(r, "posts_per_minute"),
                Sql.integer(r, "target_low_minutes"), Sql.integer(r, "target_mid_minutes"),
                Sql.integer(r, "target_high_minutes"), Sql.text(r, "staff_in_public"),
                Sql.text(r, "words_in_public"), Sql.integer(r, "policy_version"));
    }

    /** The rules in force, oldest first. */
    public List<WordRules.Rule> rules() {
        return parse((String) em.createNativeQuery("select " + RULES_JSON).getSingleResult());
    }

    /** The rules in force, compiled. */
    public WordRules compiledRules() {
        return compiledRules((String) em.createNativeQuery("select " + RULES_JSON).getSingleResult());
    }

    /** The rules in force, compiled, from the text {@link #RULES_JSON} read. */
    public WordRules compiledRules(String rulesJson) {
        Compiled last = compiled;
        if (Objects.equals(last.source(), rulesJson)) {
            return last.rules();
        }
        WordRules rules = WordRules.of(parse(rulesJson));
        compiled = new Compiled(rulesJson, rules);
        return rules;
    }

    private List<WordRules.Rule> parse(String rulesJson) {
        if (rulesJson == null) {
            return List.of();
        }
        try {
            List<WordRules.Rule> rules = new ArrayList<>();
            for (JsonNode r : json.readTree(rulesJson)) {
                rules.add(new WordRules.Rule(r.get(0).asLong(), r.get(1).asText(), r.get(2).asBoolean(),
                        WordRules.Action.valueOf(r.get(3).asText())));
            }
            return rules;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("word rules the database returned are not JSON", e);
        }
    }

    /** The decision on a new review or comment by this account on this subject. */
    public Verdict judge(long subjectId, long accountId, String text) {
        Tuple r = (Tuple) em.createNativeQuery("select " + AUTHOR_COLUMNS + ", " + RULES_JSON + " as rules, "
                + SETTINGS_COLUMNS + """

                from subject s, moderation_policy p, account a where s.id = ?1 and p.id = 1 and a.id = ?2""", Tuple.class)
                .setParameter(1, subjectId).setParameter(2, accountId).getSingleResult();
        return judge(settings(r), compiledRules(Sql.text(r, "rules")), author(r), text);
    }

    /**
     * What the policy needs to know about a post's place and author: the subject's moderation mode (its own or the
     * board's), when the account was created, and its posts so far ({@link #AUTHOR_COLUMNS}).
     */
    public record Author(String mode, Instant accountCreated, long posts) {
    }

    /** The author from a row that holds {@link #AUTHOR_COLUMNS}. */
    public static Author author(Tuple r) {
        return new Author(Sql.text(r, "author_mode"), Sql.instant(r, "account_created"), Sql.number(r, "author_posts"));
    }

    /** The decision on a new post, from what the caller has read. */
    public static Verdict judge(Settings settings, WordRules rules, Author author, String text) {
        Verdict byText = byText(rules, settings.maxLinks(), text);
        if (byText.outcome() == Outcome.REJECT || byText.outcome() == Outcome.HOLD) {
            return byText;
        }
        if ("PRE".equals(author.mode())) {
            return new Verdict(Outcome.HOLD, PRE_MODERATION_RULE, null);
        }
        if (settings.holdFirstPosts() > 0 && author.posts() < settings.holdFirstPosts()) {
            return new Verdict(Outcome.HOLD, FIRST_POSTS_RULE, null);
        }
        if (settings.holdNewAccountDays() > 0
                && author.accountCreated().plus(Duration.ofDays(settings.holdNewAccountDays())).isAfter(Instant.now())) {
            return new Verdict(Outcome.HOLD, NEW_ACCOUNT_RULE, null);
        }
        return byText;
    }

    /** The decision the word rules and the link limit alone make on a text (what a dry run replays). */
    public static Verdict byText(WordRules rules, int maxLinks, String text) {
        if (WordRules.links(text) > maxLinks) {
            return new Verdict(Outcome.REJECT, LINKS_RULE, WordRules.links(text) + " links (at most " + maxLinks + ")");
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
}
