package org.candor.moderation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.candor.Sql;
import org.candor.policy.ReasonCode;
import org.candor.review.ReasonsStatement;
import org.candor.review.ReasonsStatement.Automation;
import org.candor.review.ReasonsStatement.Detection;

/**
 * The statements of reasons in the field names and values of the EU's DSA Transparency Database (Art. 24(5)), so a
 * business can submit them as they are: paged, oldest first, without personal data — no names, e-mail addresses or
 * texts of the people concerned; the post is named only by its statement's {@code puid}.
 */
@Path("/api/transparency/statements")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transparency")
public class TransparencyApi {

    /** A page of statements; {@code next} is the {@code after} of the next page, null on the last. */
    public record Page(List<Map<String, Object>> statements, Long next) {
    }

    static final int MAX_LIMIT = 1000;

    private final EntityManager em;
    private final ModerationConfig config;

    TransparencyApi(EntityManager em, ModerationConfig config) {
        this.em = em;
        this.config = config;
    }

    @GET
    @Operation(summary = "Statements of reasons applied from one day to another (UTC, inclusive), in the Transparency Database's format")
    public Page statements(@QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("after") String after, @QueryParam("limit") String limit) {
        Instant start = day(from, "from", LocalDate.of(2000, 1, 1));
        Instant end = day(to, "to", LocalDate.of(2999, 12, 31)).plusSeconds(86_400);
        long afterId = number(after, "after", 0);
        long n = number(limit, "limit", 100);
        if (n < 1 || n > MAX_LIMIT) {
            throw new BadRequestException("limit must be between 1 and " + MAX_LIMIT + ".");
        }
        List<ReasonsStatement> page = Sql.tuples(em.createNativeQuery("select " + ReasonsStatement.COLUMNS + """
                 from reasons_statement s where s.starts_at >= ?1 and s.starts_at < ?2 and s.id > ?3
                order by s.id limit ?4""", Tuple.class)
                .setParameter(1, java.sql.Timestamp.from(start)).setParameter(2, java.sql.Timestamp.from(end))
                .setParameter(3, afterId).setParameter(4, n)).stream()
                .map(ReasonsStatement::of).toList();
        Long next = page.size() == n ? page.get(page.size() - 1).id() : null;
        return new Page(page.stream().map(this::fields).toList(), next);
    }

    static final String PUID = "candor-sor-";

    /** One statement in the Transparency Database's fields. */
    Map<String, Object> fields(ReasonsStatement s) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("puid", PUID + s.id());
        switch (s.visibility()) {
            case "HIDDEN" -> f.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_DISABLED"));
            case "LABELLED" -> f.put("decision_visibility", List.of("DECISION_VISIBILITY_CONTENT_LABELLED"));
            case "HELD" -> {
                f.put("decision_visibility", List.of("DECISION_VISIBILITY_OTHER"));
                f.put("decision_visibility_other", "Held for review by a moderator before publication");
            }
            default -> {
                f.put("decision_visibility", List.of("DECISION_VISIBILITY_OTHER"));
                f.put("decision_visibility_other", "Part of the text replaced by a visible [redacted] marker");
            }
        }
        String rules = "House rules of " + config.businessName()
                + (s.rulesVersion() == null ? "" : ", version " + s.rulesVersion()) + ": "
                + (s.reason() != null ? ruleName(s.reason()) : "hold by " + s.rule());
        if (s.ground() == ReasonsStatement.Ground.LAW) {
            f.put("decision_ground", "DECISION_GROUND_ILLEGAL_CONTENT");
            f.put("illegal_content_legal_ground", s.legalGround());
            f.put("illegal_content_explanation", facts(s));
        } else {
            f.put("decision_ground", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
            f.put("decision_ground_reference_url", config.publicUrl() + "/rules"
                    + (s.rulesVersion() == null ? "" : "#version-" + s.rulesVersion()));
            f.put("incompatible_content_ground", rules);
            f.put("incompatible_content_explanation", facts(s));
            f.put("incompatible_content_illegal", s.reason() == ReasonCode.ILLEGAL ? "Yes" : "No");
        }
        f.put("category", category(s));
        if (s.reason() == ReasonCode.INAUTHENTIC) {
            f.put("category_specification", List.of("KEYWORD_INAUTHENTIC_USER_REVIEWS"));
        }
        f.put("content_type", List.of("CONTENT_TYPE_TEXT"));
        f.put("content_date", date(s.contentDate()));
        f.put("application_date", date(s.since()));
        if (s.until() != null) {
            f.put("end_date_visibility_restriction", date(s.until()));
        }
        f.put("decision_facts", facts(s));
        f.put("source_type", switch (s.detection()) {
            case NOTICE -> "SOURCE_ARTICLE_16";
            case REPORT -> "SOURCE_TYPE_OTHER_NOTIFICATION";
            default -> "SOURCE_VOLUNTARY";
        });
        f.put("automated_detection", s.detection() == Detection.WORD_RULE ? "Yes" : "No");
        f.put("automated_decision", switch (s.automation()) {
            case AUTOMATED -> "AUTOMATED_DECISION_FULLY";
            case PARTIAL -> "AUTOMATED_DECISION_PARTIALLY";
            default -> "AUTOMATED_DECISION_NOT_AUTOMATED";
        });
        f.put("territorial_scope", config.territorialScope());
        return f;
    }

    /**
     * The facts as the database may publish them: the public explanation a moderator wrote, or for a post the public
     * never saw, a description that quotes nobody.
     */
    private static String facts(ReasonsStatement s) {
        if (s.factsPublic() || s.automation() == Automation.AUTOMATED) {
            return s.facts();
        }
        return "A moderator kept the post held before publication"
                + (s.reason() == null ? "." : " under the rule \"" + ruleName(s.reason()) + "\".")
                + " The author was told why.";
    }

    static String category(ReasonsStatement s) {
        if (s.reason() == null) {
            return "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";
        }
        return switch (s.reason()) {
            case PERSONAL_DATA -> "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS";
            case ABUSE -> "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH";
            case INAUTHENTIC -> "STATEMENT_CATEGORY_CONSUMER_INFORMATION";
            case ILLEGAL -> "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE";
            default -> "STATEMENT_CATEGORY_OTHER_VIOLATION_TC";
        };
    }

    private static String ruleName(ReasonCode reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    private static String date(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Instant day(String value, String name, LocalDate otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        try {
            return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a day written YYYY-MM-DD.");
        }
    }

    private static long number(String value, String name, long otherwise) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name + " must be a whole number.");
        }
    }
}
