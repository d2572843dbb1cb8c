package org.candor.review;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import jakarta.persistence.Tuple;

import org.candor.Sql;
import org.candor.policy.ReasonCode;
import org.candor.publiclog.CanonicalJson;

/**
 * A statement of reasons (DSA Art. 17): every restriction Candor applies to a post — a hold, keeping it held, hiding
 * it, redacting part of it, labelling it — says what was restricted and how, since and until when, the facts, the
 * ground (a house rule in a version of {@code /rules}, or a law, named), how it was detected and how far the decision
 * was automated, and how to contest it. Written by {@code moderation/Reasons} in the restriction's transaction; read
 * here for the author's timeline, the public notices and the export.
 *
 * @param factsPublic whether the facts may be shown to the public (a hide's public why) or are for the author only (a
 *            message about a post the public never saw)
 * @param reason the house rule applied by a person; null for a hold by the policy
 * @param rule the policy rule that held the post ({@code pre-moderation}, a word rule by number), if one did
 * @param rulesVersion the version of {@code /rules} in force when the restriction was applied
 * @param logSeq the public-log entry ({@code STATEMENT_OF_REASONS}) that commits to the public part
 */
public record ReasonsStatement(long id, long reviewId, Long commentId, Restriction restriction, Instant since,
        Instant until, String endedBy, String facts, boolean factsPublic, Ground ground, ReasonCode reason,
        String rule, String legalGround, Integer rulesVersion, Detection detection, Automation automation, Instant appealUntil,
        Long logSeq, Instant contentDate) {

    /** What was done to the post, and what that does to who sees it. */
    public enum Restriction {
        HOLD("HELD"),
        KEEP_HELD("HELD"),
        HIDE("HIDDEN"),
        REDACT("REDACTED"),
        LABEL("LABELLED");

        public final String visibility;

        Restriction(String visibility) {
            this.visibility = visibility;
        }
    }

    public enum Ground {
        HOUSE_RULE,
        LAW
    }

    /** What brought the post to the decision. */
    public enum Detection {
        WORD_RULE,
        PRE_MODERATION,
        REPORT,
        NOTICE,
        STAFF;

        public boolean automated() {
            return this == WORD_RULE;
        }
    }

    /**
     * How far the decision was automated: {@code AUTOMATED} is a rule's hold awaiting a person ("automated detection,
     * human decision pending"); {@code PARTIAL} a person deciding on what a rule found; {@code HUMAN} a person alone.
     */
    public enum Automation {
        AUTOMATED,
        PARTIAL,
        HUMAN
    }

    /** The columns {@link #of} reads, for a query over {@code reasons_statement s}. */
    public static final String COLUMNS = """
            s.id as s_id, s.review_id as s_review, s.comment_id as s_comment, s.restriction as s_restriction,
            s.starts_at as s_since, s.ends_at as s_until, s.ended_by as s_ended_by, s.facts as s_facts,
            s.facts_public as s_facts_public, s.ground as s_ground, s.reason_code as s_reason, s.rule as s_rule,
            s.legal_ground as s_legal_ground, s.policy_version as s_rules_version, s.detection as s_detection,
            s.automation as s_automation, s.appeal_until as s_appeal_until, s.log_seq as s_log_seq,
            s.content_date as s_content_date""";

    public static ReasonsStatement of(Tuple t) {
        Long rulesVersion = Sql.number(t, "s_rules_version");
        return new ReasonsStatement(Sql.number(t, "s_id"), Sql.number(t, "s_review"), Sql.number(t, "s_comment"),
                Restriction.valueOf(Sql.text(t, "s_restriction")), Sql.instant(t, "s_since"), Sql.instant(t, "s_until"),
                Sql.text(t, "s_ended_by"), Sql.text(t, "s_facts"), Sql.bool(t, "s_facts_public"),
                Ground.valueOf(Sql.text(t, "s_ground")), ReasonCode.parse(Sql.text(t, "s_reason")),
                Sql.text(t, "s_rule"), Sql.text(t, "s_legal_ground"), rulesVersion == null ? null : rulesVersion.intValue(),
                Detection.valueOf(Sql.text(t, "s_detection")), Automation.valueOf(Sql.text(t, "s_automation")),
                Sql.instant(t, "s_appeal_until"), Sql.number(t, "s_log_seq"), Sql.instant(t, "s_content_date"));
    }

    /** Whether the restriction is still in force. */
    public boolean inForce() {
        return until == null;
    }

    /** Whether the person affected can still appeal it (in force, and within the window). */
    public boolean appealable() {
        return inForce() && Instant.now().isBefore(appealUntil);
    }

    public String visibility() {
        return restriction.visibility;
    }

    /** The facts the public may read, or null when they are for the author only. */
    public String publicFacts() {
        return factsPublic ? facts : null;
    }

    /** Where the log entry committing to the statement is listed. */
    public String logLink() {
        return logSeq == null ? null : "/log?before=" + (logSeq + 1) + "#entry-" + logSeq;
    }

    /** What an appeal against it is filed as ({@code statement-12}). */
    public String appealKey() {
        return "statement-" + id;
    }

    public String restrictionKey() {
        return "sor_restriction_" + restriction.name();
    }

    public String detectionKey() {
        return "sor_detection_" + detection.name();
    }

    public String automationKey() {
        return "sor_automation_" + automation.name();
    }

    /**
     * The public part, as the {@code STATEMENT_OF_REASONS} log entry's text: canonical JSON (sorted keys, no white
     * space), without the person affected and without facts meant for them alone.
     */
    public String publicJson() {
        Map<String, Object> fields = new TreeMap<>();
        fields.put("appealUntil", DAY.format(appealUntil));
        fields.put("automation", automation.name());
        fields.put("commentId", commentId);
        fields.put("detection", detection.name());
        fields.put("facts", publicFacts());
        fields.put("ground", ground.name());
        fields.put("legalGround", legalGround);
        fields.put("reasonCode", reason == null ? null : reason.name());
        fields.put("restriction", restriction.name());
        fields.put("rule", rule);
        fields.put("reviewId", reviewId);
        fields.put("rulesVersion", rulesVersion);
        fields.put("since", since.truncatedTo(ChronoUnit.SECONDS).toString());
        fields.put("statement", id);
        fields.put("visibility", visibility());
        return CanonicalJson.write(fields);
    }

    static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC);

    /** The facts of a redaction with the moderator's explanation (the record is kept in the board's English). */
    public static final String REDACTED_BECAUSE = "Text removed by a moderator: ";

    /** The facts of a redaction without an explanation. */
    public static final String REDACTED = "Personal data removed by a moderator.";
}
