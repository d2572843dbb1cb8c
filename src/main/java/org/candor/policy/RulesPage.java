package org.candor.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;

/**
 * The house rules and how reviews work, in plain language, generated from the policy in force (DSA Art. 14, the
 * Omnibus Directive's "how are reviews checked"): nothing on those pages is written by hand, so they change when the
 * policy does. The version is the number of the latest policy change ({@code policy_version}); log entries name the
 * version in force when they were written.
 */
@ApplicationScoped
public class RulesPage {

    /** The policy as the public reads it. */
    public record Rules(long version, Instant since, Settings settings, long rejecting, long holding, long flagging,
            List<ReasonCode> reasons, List<Change> changes, int appealMonths, String outOfCourt,
            List<WordRules.Rule> words) {

        public boolean preModeration() {
            return "PRE".equals(settings.mode());
        }

        public boolean wordRules() {
            return rejecting + holding + flagging > 0;
        }
    }

    /** One version of the policy: when, and what changed (as words to say, or, for older changes, as written). */
    public record Change(long version, Instant at, String summary, ChangeSummary parts) {

        /** What changed, in this language when the change says it in words, else as it was written. */
        public String in(java.util.Locale locale) {
            return parts == null ? summary : parts.in(locale);
        }
    }

    private final EntityManager em;
    private final ModerationPolicy policy;
    private final int appealMonths;
    private final java.util.Optional<String> outOfCourt;

    private final com.fasterxml.jackson.databind.ObjectMapper json;

    RulesPage(EntityManager em, ModerationPolicy policy, com.fasterxml.jackson.databind.ObjectMapper json,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.appeal-months",
                    defaultValue = "6") int appealMonths,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.out-of-court")
            java.util.Optional<String> outOfCourt) {
        this.em = em;
        this.json = json;
        this.policy = policy;
        this.appealMonths = appealMonths;
        this.outOfCourt = outOfCourt;
    }

    private ChangeSummary parts(String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return new ChangeSummary(List.of(json.readValue(stored, ChangeSummary.Part[].class)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Rules current() {
        Tuple counts = (Tuple) em.createNativeQuery("""
                select count(*) filter (where action = 'REJECT') as rejecting,
                    count(*) filter (where action = 'HOLD') as holding,
                    count(*) filter (where action = 'FLAG') as flagging
                from word_rule where active""", Tuple.class).getSingleResult();
        List<Change> changes = Sql.tuples(em.createNativeQuery("""
                select id as id, created_at as at, summary as summary, cast(summary_parts as text) as parts
                from policy_version order by id desc limit 20""", Tuple.class)).stream()
                .map(t -> new Change(Sql.number(t, "id"), Sql.instant(t, "at"), Sql.text(t, "summary"),
                        parts(Sql.text(t, "parts")))).toList();
        Settings settings = policy.settings();
        return new Rules(changes.isEmpty() ? 0 : changes.get(0).version(),
                changes.isEmpty() ? null : changes.get(0).at(), settings, Sql.number(counts, "rejecting"),
                Sql.number(counts, "holding"), Sql.number(counts, "flagging"), Arrays.asList(ReasonCode.values()),
                changes, appealMonths, outOfCourt.orElse(null), settings.wordsShown() ? policy.rules() : List.of());
    }
}
