package org.candor.moderation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.policy.ModerationPolicy;
import org.candor.policy.PublicActor;
import org.candor.policy.ReasonCode;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.LogStaging;
import org.candor.publiclog.PublicLog;
import org.candor.review.PostContent;
import org.candor.review.ReasonsStatement;
import org.candor.review.ReasonsStatement.Automation;
import org.candor.review.ReasonsStatement.Detection;
import org.candor.review.ReasonsStatement.Restriction;

/**
 * Writes the statement of reasons of every restriction ({@link ReasonsStatement}), in the restriction's transaction:
 * the record, the {@code STATEMENT_OF_REASONS} log entry committing to its public part, and its end when the
 * restriction is lifted. Templates reach the redress it offers as {@code {inject:redress}}.
 */
@ApplicationScoped
@Named("redress")
public class Reasons {

    /** The role the public log shows for what a rule did by itself. */
    public static final String RULE_ROLE = "rule";

    private final EntityManager em;
    private final PublicLog log;
    private final LogStaging staging;
    private final PublicActor publicActor;
    private final ModerationConfig config;

    Reasons(EntityManager em, PublicLog log, LogStaging staging, PublicActor publicActor, ModerationConfig config) {
        this.em = em;
        this.log = log;
        this.staging = staging;
        this.publicActor = publicActor;
        this.config = config;
    }

    /** What a statement needs beyond the post: the restriction, why, and who decided (null for a rule). */
    record Decision(Restriction restriction, String facts, boolean factsPublic, ReasonCode reason, String law,
            Detection detection, Automation automation, Account decider, String rule) {
    }

    /** The out-of-court dispute settlement body, or null when none is configured (for templates). */
    public String outOfCourt() {
        return config.outOfCourt().orElse(null);
    }

    /** The board's public address, for links in e-mails. */
    public String publicUrl() {
        return config.publicUrl();
    }

    public int appealMonths() {
        return config.appealMonths();
    }

    /** Until when a decision taken at {@code at} can be appealed. */
    Instant appealUntil(Instant at) {
        return at.atZone(ZoneOffset.UTC).plusMonths(config.appealMonths()).toInstant();
    }

    /**
     * Records a restriction's statement and puts its public part on the log; returns it. Must run in the restriction's
     * transaction.
     */
    @Transactional(TxType.MANDATORY)
    public ReasonsStatement impose(PostContent content, Decision d) {
        ReasonsStatement s = record(content, d);
        long seq = log.append(entry(content, d, s)).seq();
        em.createNativeQuery("update reasons_statement set log_seq = ?1 where id = ?2")
                .setParameter(1, seq).setParameter(2, s.id()).executeUpdate();
        return new ReasonsStatement(s.id(), s.reviewId(), s.commentId(), s.restriction(), s.since(), s.until(),
                s.endedBy(), s.facts(), s.factsPublic(), s.ground(), s.reason(), s.rule(), s.legalGround(), s.rulesVersion(),
                s.detection(), s.automation(), s.appealUntil(), seq, s.contentDate());
    }

    /**
     * Records the statement of a hold the policy imposed as a post arrived, and stages its public part for the log
     * (posting does not wait for the log's head): its {@code logSeq} is filled in when the sequencer numbers the entry,
     * within about a second. Must run in the posting transaction.
     */
    @Transactional(TxType.MANDATORY)
    public ReasonsStatement imposeStaged(PostContent content, Decision d) {
        ReasonsStatement s = record(content, d);
        staging.stageStatement(entry(content, d, s), s.id());
        return s;
    }

    /** The statement's public part, as its log entry. */
    private PublicLog.Draft entry(PostContent content, Decision d, ReasonsStatement s) {
        return new PublicLog.Draft(LogKind.STATEMENT_OF_REASONS, content.subjectId(), content.subjectSlug(),
                content.reviewId(), content.commentId(),
                d.decider() == null ? RULE_ROLE : PublicActor.role(d.decider().role),
                d.decider() == null ? null : publicActor.handle(d.decider()), d.reason() == null ? null : d.reason().name(),
                null, s.publicJson(), null, d.rule());
    }

    /** Writes a statement (without its log number). */
    private ReasonsStatement record(PostContent content, Decision d) {
        Instant now = Instant.now();
        Tuple row = (Tuple) em.createNativeQuery("""
                insert into reasons_statement (review_id, comment_id, account_id, restriction, visibility, starts_at, facts,
                    facts_public, ground, reason_code, legal_ground, policy_version, detection, automation, decided_by,
                    appeal_until, content_date, rule)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                    (select coalesce(max(id), 0) from policy_version), ?12, ?13, ?14, ?15, ?16, ?17)
                returning %s""".formatted(ReasonsStatement.COLUMNS.replace("s.", "")), Tuple.class)
                .setParameter(1, content.reviewId())
                .setParameter(2, new TypedParameterValue<>(StandardBasicTypes.LONG, content.commentId()))
                .setParameter(3, content.authorId())
                .setParameter(4, d.restriction().name())
                .setParameter(5, d.restriction().visibility)
                .setParameter(6, Timestamp.from(now))
                .setParameter(7, d.facts())
                .setParameter(8, d.factsPublic())
                .setParameter(9, d.law() == null ? "HOUSE_RULE" : "LAW")
                .setParameter(10, new TypedParameterValue<>(StandardBasicTypes.STRING,
                        d.reason() == null ? null : d.reason().name()))
                .setParameter(11, new TypedParameterValue<>(StandardBasicTypes.STRING, d.law()))
                .setParameter(12, d.detection().name())
                .setParameter(13, d.automation().name())
                .setParameter(14, new TypedParameterValue<>(StandardBasicTypes.LONG, d.decider() == null ? null : d.decider().id))
                .setParameter(15, Timestamp.from(appealUntil(now)))
                .setParameter(16, Timestamp.from(content.createdAt()))
                .setParameter(17, new TypedParameterValue<>(StandardBasicTypes.STRING, d.rule()))
                .getSingleResult();
        return ReasonsStatement.of(row);
    }

    /** Ends the restrictions of these kinds still in force on the post; returns how many ended. */
    @Transactional(TxType.MANDATORY)
    public int end(long reviewId, Long commentId, Collection<Restriction> restrictions, String endedBy) {
        return em.createNativeQuery("""
                update reasons_statement set ends_at = now(), ended_by = ?1
                where review_id = ?2 and comment_id is not distinct from ?3 and ends_at is null
                  and restriction in (?4)""")
                .setParameter(1, endedBy).setParameter(2, reviewId)
                .setParameter(3, new TypedParameterValue<>(StandardBasicTypes.LONG, commentId))
                .setParameter(4, restrictions.stream().map(Enum::name).toList())
                .executeUpdate();
    }

    /** Whether a restriction of this visibility is in force on the post. */
    boolean inForce(long reviewId, Long commentId, String visibility) {
        return !em.createNativeQuery("""
                select 1 from reasons_statement where review_id = ?1 and comment_id is not distinct from ?2
                  and ends_at is null and visibility = ?3""")
                .setParameter(1, reviewId).setParameter(2, new TypedParameterValue<>(StandardBasicTypes.LONG, commentId))
                .setParameter(3, visibility).setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<ReasonsStatement> byId(long id) {
        List<Tuple> rows = Sql.tuples(em.createNativeQuery("select " + ReasonsStatement.COLUMNS
                + " from reasons_statement s where s.id = ?1", Tuple.class).setParameter(1, id));
        return rows.stream().findFirst().map(ReasonsStatement::of);
    }

    /** What brought an item to a moderator, for the statement of a decision taken on it. */
    static Detection detection(QueueItem item) {
        return switch (item.kind) {
            case REPORT -> Detection.REPORT;
            case NOTICE -> Detection.NOTICE;
            case HELD, FLAG -> byRule(item.why) ? Detection.WORD_RULE
                    : item.kind == ItemKind.HELD ? Detection.PRE_MODERATION : Detection.STAFF;
            default -> Detection.STAFF;
        };
    }

    /** A person decides: partly automated when a rule found the post, by a person alone otherwise. */
    static Automation humanDecision(Detection detection) {
        return detection.automated() ? Automation.PARTIAL : Automation.HUMAN;
    }

    /** Whether a queue item's reason names a word rule ({@code word "…" (#3)}, {@code pattern /…/ (#4)}). */
    static boolean byRule(String why) {
        return why != null && (why.startsWith("word ") || why.startsWith("pattern ")) && why.contains("(#");
    }

    /** A queue item's reason as the public log names it: a word rule by number only, never its pattern. */
    static String publicRule(String why) {
        return ModerationPolicy.publicRule(why);
    }

    /** The policy rule a statement names: a word rule by number only (never its pattern), or the hold's rule. */
    static String ruleName(String why, Detection detection) {
        return byRule(why) || detection == Detection.PRE_MODERATION ? publicRule(why) : null;
    }

    /** The facts of a hold, in words that name the rule but never its pattern. */
    static String holdFacts(String rule) {
        if (byRule(rule)) {
            return "A word rule of the house rules (" + rule.substring(rule.lastIndexOf("(#") + 1, rule.length() - 1)
                    + ") matched the text; a moderator will decide whether it is published.";
        }
        return switch (rule == null ? "" : rule) {
            case ModerationPolicy.FIRST_POSTS_RULE -> "The first posts of every account are checked before they appear.";
            case ModerationPolicy.NEW_ACCOUNT_RULE -> "Posts from new accounts are checked before they appear.";
            case "edited-while-held" -> "The post was edited while it was held; a moderator will look at it again.";
            default -> "Posts here are checked by a moderator before they appear.";
        };
    }
}
