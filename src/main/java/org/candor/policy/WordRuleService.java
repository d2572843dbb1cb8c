package org.candor.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.policy.PolicyChanges.InvalidException;

/** Word rules: adding and retiring them, and a dry run of a new rule over the last 30 days of posts. */
@ApplicationScoped
public class WordRuleService {

    public record RuleRow(long id, String pattern, boolean regex, WordRules.Action action, boolean active,
            Instant createdAt) {
    }

    /** How a set of rules would have treated recent posts. */
    public record Tally(int published, int flagged, int held, int rejected, List<Example> examples) {
    }

    public record Example(String outcome, String excerpt, String rule, String words) {
    }

    public record DryRun(int posts, Tally current, Tally proposed) {
    }

    private final EntityManager em;
    private final ModerationPolicy policy;
    private final PolicyChanges changes;

    WordRuleService(EntityManager em, ModerationPolicy policy, PolicyChanges changes) {
        this.em = em;
        this.policy = policy;
        this.changes = changes;
    }

    public List<RuleRow> allRules() {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, pattern as pattern, is_regex as is_regex, action as action, active as active,
                    created_at as created_at
                from word_rule order by active desc, id""", Tuple.class)).stream()
                .map(t -> new RuleRow(Sql.number(t, "id"), Sql.text(t, "pattern"), Sql.bool(t, "is_regex"),
                        WordRules.Action.valueOf(Sql.text(t, "action")), Sql.bool(t, "active"), Sql.instant(t, "created_at")))
                .toList();
    }

    /** Adds a rule; a regular expression that does not compile is refused. */
    @Transactional
    public long addRule(long adminId, String pattern, boolean regex, WordRules.Action action) {
        Account admin = changes.admin(adminId);
        check(pattern, regex);
        long id = ((Number) em.createNativeQuery(
                "insert into word_rule (pattern, is_regex, action) values (?1, ?2, ?3) returning id")
                .setParameter(1, pattern.strip()).setParameter(2, regex).setParameter(3, action.name())
                .getSingleResult()).longValue();
        changes.changed(admin, ChangeSummary.of("change_rule_added", id, ChangeSummary.label(regex ? "pattern" : "word"),
                ChangeSummary.label(action)), null,
                changes.detail(null, Map.of("id", id, "pattern", pattern.strip(), "regex", regex, "action", action)));
        return id;
    }

    /** Retires a rule: it stops applying, and stays on record. */
    @Transactional
    public void retireRule(long adminId, long ruleId) {
        Account admin = changes.admin(adminId);
        int n = em.createNativeQuery("update word_rule set active = false, retired_at = now(), version = version + 1 "
                + "where id = ?1 and active").setParameter(1, ruleId).executeUpdate();
        if (n == 1) {
            changes.changed(admin, ChangeSummary.of("change_rule_retired", ruleId), null, null);
        }
    }

    /** Refuses a pattern that cannot work. */
    public static void check(String pattern, boolean regex) {
        try {
            WordRules.compile(pattern, regex);
        } catch (IllegalArgumentException e) {
            throw new InvalidException("pattern", "{candor.policy.pattern}", e.getMessage());
        }
    }

    /** How the rules in force, and the rules with this one added, would have treated the last 30 days of posts. */
    public DryRun dryRun(WordRules.Rule added, Integer maxLinks) {
        if (added != null) {
            check(added.pattern(), added.regex());
        }
        List<WordRules.Rule> current = policy.rules();
        List<WordRules.Rule> proposed = new ArrayList<>(current);
        if (added != null) {
            proposed.add(added);
        }
        Settings settings = policy.settings();
        List<String> posts = recentPosts();
        return new DryRun(posts.size(), tally(posts, WordRules.of(current), settings.maxLinks()),
                tally(posts, WordRules.of(proposed), maxLinks == null ? settings.maxLinks() : maxLinks));
    }

    /** The texts of reviews and comments written in the last 30 days, newest first (at most 20,000). */
    List<String> recentPosts() {
        return em.createNativeQuery("""
                select text from (
                    select coalesce(title || chr(10), '') || body text, created_at from review
                    where created_at > now() - interval '30 days'
                    union all
                    select body, created_at from comment where created_at > now() - interval '30 days') p
                order by created_at desc limit 20000""").getResultList().stream().map(String.class::cast).toList();
    }

    private static Tally tally(List<String> posts, WordRules rules, int maxLinks) {
        int[] counts = new int[ModerationPolicy.Outcome.values().length];
        List<Example> examples = new ArrayList<>();
        for (String text : posts) {
            ModerationPolicy.Verdict v = ModerationPolicy.byText(rules, maxLinks, text);
            counts[v.outcome().ordinal()]++;
            if (v.outcome() != ModerationPolicy.Outcome.PUBLISH && examples.size() < 10) {
                String excerpt = text.length() > 140 ? text.substring(0, 140) + "…" : text;
                examples.add(new Example(v.outcome().name(), excerpt, v.rule(), v.matched()));
            }
        }
        return new Tally(counts[ModerationPolicy.Outcome.PUBLISH.ordinal()], counts[ModerationPolicy.Outcome.FLAG.ordinal()],
                counts[ModerationPolicy.Outcome.HOLD.ordinal()], counts[ModerationPolicy.Outcome.REJECT.ordinal()],
                examples);
    }
}
