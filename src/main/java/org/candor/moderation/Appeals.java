package org.candor.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import io.quarkus.security.ForbiddenException;

import org.candor.Sql;
import org.candor.policy.ReasonCode;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;
import org.candor.review.ModeratedPosts;
import org.candor.review.PostContent;
import org.candor.review.ReasonsStatement;
import org.candor.review.ReasonsStatement.Restriction;
import org.candor.review.ReviewStatus;

/**
 * Appeals (DSA Art. 20): the person a restriction affects, or whoever sent a report or notice that was declined,
 * contests the decision within the window, free of charge, with an explanation. The appeal waits on its own queue tab
 * and is decided by a moderator other than the one who decided first — never by a rule alone. Upheld, the decision
 * is reversed at once (the reversal logged, the rating summary corrected); rejected, it stands and the appellant is
 * told why. Filing and deciding are on the public log.
 */
@ApplicationScoped
public class Appeals {

    /** An appeal as the appellant and moderators read it. */
    public record View(long id, Long statementId, Long reportId, Long legalNoticeId, Long firstDecider,
            String explanation, String status, String decisionReason, Instant decidedAt, Instant createdAt) {

        public boolean open() {
            return "OPEN".equals(status);
        }

        public String statusKey() {
            return "appeal_status_" + status;
        }
    }

    private final EntityManager em;
    private final Reasons reasons;
    private final ModerationQueue queue;
    private final ModeratedPosts posts;
    private final PublicLog log;
    private final AuthorNotices notices;
    private final ActionSteps steps;
    private final LegalNotices legalNotices;
    private final MailOutbox outbox;

    Appeals(EntityManager em, Reasons reasons, ModerationQueue queue, ModeratedPosts posts, PublicLog log,
            AuthorNotices notices, ActionSteps steps, LegalNotices legalNotices, MailOutbox outbox) {
        this.em = em;
        this.reasons = reasons;
        this.queue = queue;
        this.posts = posts;
        this.log = log;
        this.notices = notices;
        this.steps = steps;
        this.legalNotices = legalNotices;
        this.outbox = outbox;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Filing

    /** The person a restriction affects contests it. */
    @Transactional
    public long byAuthor(long accountId, long statementId, String explanation) {
        ReasonsStatement s = reasons.byId(statementId).filter(st -> owner(st.id()) == accountId)
                .orElseThrow(NotFoundException::new);
        if (!s.inForce()) {
            throw new InvalidActionException("explanation", "{candor.appeal.lifted}");
        }
        refuseLate(s.appealUntil());
        Long firstDecider = (Long) em.createNativeQuery("select decided_by from reasons_statement where id = ?1")
                .setParameter(1, statementId).getSingleResult();
        return file(s.reviewId(), s.commentId(), "statement_id", statementId, accountId, firstDecider, explanation,
                "an appeal against statement of reasons #" + statementId);
    }

    /** A reporter contests the decision to take no action on their report. */
    @Transactional
    public long byReporter(long accountId, long reportId, String explanation) {
        List<Tuple> rows = Sql.tuples(em.createNativeQuery("""
                select review_id as review_id, comment_id as comment_id, decision as decision, decided_by as decided_by,
                    decided_at as decided_at
                from report where id = ?1 and reporter_id = ?2""", Tuple.class)
                .setParameter(1, reportId).setParameter(2, accountId));
        Tuple r = rows.stream().findFirst().orElseThrow(NotFoundException::new);
        if (!Settlements.NO_ACTION.equals(Sql.text(r, "decision"))) {
            throw new InvalidActionException("explanation", "{candor.appeal.not.declined}");
        }
        refuseLate(reasons.appealUntil(Sql.instant(r, "decided_at")));
        return file(Sql.number(r, "review_id"), Sql.number(r, "comment_id"), "report_id", reportId, accountId,
                Sql.number(r, "decided_by"), explanation, "an appeal against the decision on a report");
    }

    /** A notifier contests the decision to take no action on their notice (the key from their receipt). */
    @Transactional
    public long byNotifier(String reference, String key, String explanation) {
        LegalNotices.View n = legalNotices.forNotifier(reference, key).orElseThrow(NotFoundException::new);
        if (!n.declined()) {
            throw new InvalidActionException("explanation", "{candor.appeal.not.declined}");
        }
        refuseLate(n.appealUntil());
        return file(n.reviewId(), n.commentId(), "legal_notice_id", n.id(), null, n.decidedBy(), explanation,
                "an appeal against the decision on notice " + reference);
    }

    private void refuseLate(Instant until) {
        if (Instant.now().isAfter(until)) {
            throw new InvalidActionException("explanation", "{candor.appeal.late}");
        }
    }

    private long file(long reviewId, Long commentId, String column, long against, Long appellant, Long firstDecider,
            String explanation, String what) {
        if (explanation == null || explanation.isBlank()) {
            throw new InvalidActionException("explanation", "{candor.appeal.explanation}");
        }
        boolean twice = !em.createNativeQuery("select 1 from appeal where " + column + " = ?1")
                .setParameter(1, against).getResultList().isEmpty();
        if (twice) {
            throw new InvalidActionException("explanation", "{candor.appeal.twice}");
        }
        long id = ((Number) em.createNativeQuery("insert into appeal (" + column + """
                , appellant_id, first_decider, explanation) values (?1, ?2, ?3, ?4) returning id""")
                .setParameter(1, against)
                .setParameter(2, new TypedParameterValue<>(StandardBasicTypes.LONG, appellant))
                .setParameter(3, new TypedParameterValue<>(StandardBasicTypes.LONG, firstDecider))
                .setParameter(4, explanation.strip())
                .getSingleResult()).longValue();
        PostContent content = posts.content(reviewId, commentId).orElseThrow(NotFoundException::new);
        queue.appealed(id, reviewId, commentId, content.rating());
        if (appellant != null) {
            notices.tell(new AuthorNotices.Notice(appellant, reviewId, commentId, content.subjectSlug(),
                    content.subjectName(), "APPEAL_FILED", null, explanation.strip(), null));
        }
        log.append(new PublicLog.Draft(LogKind.APPEAL_FILED, content.subjectId(), content.subjectSlug(), reviewId,
                commentId, appellant == null ? "public" : "customer", null, null, null,
                "Appeal #" + id + ": " + what + ".", null, null));
        return id;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Deciding: one service method per decision, as every moderation action

    /** The appeal is founded: the decision it contests is reversed at once. */
    @Transactional
    public void uphold(long actorId, long itemId, int version, String reason) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.UPHOLD);
        View appeal = decidable(a);
        String text = ActionSteps.required(reason);
        if (appeal.statementId() != null) {
            reverse(a, reasons.byId(appeal.statementId()).orElseThrow(), text);
        } else {
            restrictAsReported(a, appeal, text);
        }
        decide(a, appeal, "UPHELD", text);
    }

    /** The appeal is not founded: the decision stands, and the appellant is told why. */
    @Transactional
    public void reject(long actorId, long itemId, int version, String reason) {
        ActionSteps.Acting a = steps.begin(actorId, itemId, version, ModerationAction.REJECT);
        View appeal = decidable(a);
        decide(a, appeal, "REJECTED", ActionSteps.required(reason));
    }

    /** The appeal of the item, locked; refused to the moderator who took the decision it contests. */
    private View decidable(ActionSteps.Acting a) {
        em.createNativeQuery("select id from appeal where id = ?1 for update").setParameter(1, a.item().appealId)
                .getSingleResult();
        View appeal = viewWhere(em, "a.id = ?1", a.item().appealId).orElseThrow(NotFoundException::new);
        if (appeal.firstDecider() != null && appeal.firstDecider() == a.actor().id) {
            throw new ForbiddenException("an appeal is decided by a moderator other than the one who decided first");
        }
        if (!appeal.open()) {
            throw new ConflictException(a.item().id, "the appeal was decided");
        }
        return appeal;
    }

    /** Reverses a restriction: shows the post again, publishes it, withdraws the label, or restores the text. */
    private void reverse(ActionSteps.Acting a, ReasonsStatement s, String text) {
        if (!s.inForce()) {
            return;
        }
        long review = s.reviewId();
        Long comment = s.commentId();
        switch (s.restriction()) {
            case HIDE -> {
                if (posts.changeStatus(review, comment, ReviewStatus.PUBLISHED) == ReviewStatus.HIDDEN) {
                    steps.visibility(a, "RESTORE", ReasonCode.MISTAKE, text, null);
                    steps.logEntry(a, LogKind.RESTORE, ReasonCode.MISTAKE, text, null);
                }
            }
            case HOLD, KEEP_HELD -> {
                if (posts.changeStatus(review, comment, ReviewStatus.PUBLISHED) == ReviewStatus.PENDING) {
                    steps.visibility(a, "PUBLISH", ReasonCode.MISTAKE, text, null);
                    steps.logEntry(a, LogKind.PUBLISH, ReasonCode.MISTAKE, text, null);
                    if (comment == null) {
                        queue.awaitingReply(review, a.content().rating());
                    }
                    queue.resolveOpen(ItemKind.HELD, review, comment, a.actor().id, "APPEAL_UPHELD");
                }
            }
            case LABEL -> em.createNativeQuery("update annotation set withdrawn_at = now() where statement_id = ?1")
                    .setParameter(1, s.id()).executeUpdate();
            case REDACT -> {
                Tuple r = (Tuple) em.createNativeQuery(
                        "select span as span, original as original from redaction where statement_id = ?1", Tuple.class)
                        .setParameter(1, s.id()).getSingleResult();
                posts.unredact(review, Sql.text(r, "original"), Sql.text(r, "span"),
                        ModerationService.REDACTION_MARKER, a.actor().id);
                em.createNativeQuery("update annotation set withdrawn_at = now() where statement_id = ?1")
                        .setParameter(1, s.id()).executeUpdate();
            }
        }
        reasons.end(review, comment, List.of(s.restriction()), "APPEAL_UPHELD");
        if (s.restriction() == Restriction.HOLD || s.restriction() == Restriction.KEEP_HELD) {
            reasons.end(review, comment, List.of(Restriction.HOLD, Restriction.KEEP_HELD), "APPEAL_UPHELD");
        }
    }

    /**
     * A declined report or notice was founded after all: the post is hidden now, under the report's rule or, for a
     * notice, the law it names; the statement of reasons says so.
     */
    private void restrictAsReported(ActionSteps.Acting a, View appeal, String text) {
        if (a.content().status() != ReviewStatus.PUBLISHED) {
            return;
        }
        ReasonCode reason;
        String law = null;
        if (appeal.legalNoticeId() != null) {
            reason = ReasonCode.ILLEGAL;
            law = legalNotices.byId(appeal.legalNoticeId()).map(LegalNotices.View::law).orElse("the law named in the notice");
        } else {
            String reported = (String) em.createNativeQuery("select reason from report where id = ?1")
                    .setParameter(1, appeal.reportId()).getSingleResult();
            reason = ReasonCode.parse(reported) == null ? ReasonCode.OTHER : ReasonCode.parse(reported);
        }
        posts.changeStatus(a.content().reviewId(), a.content().commentId(), ReviewStatus.HIDDEN);
        ReasonsStatement statement = steps.restrict(a, Restriction.HIDE, text, true, reason, law,
                appeal.legalNoticeId() != null ? ReasonsStatement.Detection.NOTICE : ReasonsStatement.Detection.REPORT);
        steps.visibility(a, "HIDE", reason, text, statement);
        steps.tell(a, "HIDE", reason, text, steps.logEntry(a, LogKind.HIDE, reason, text, null), statement);
    }

    /** Records the decision, logs it, tells the appellant, and resolves the item. */
    private void decide(ActionSteps.Acting a, View appeal, String outcome, String text) {
        em.createNativeQuery("""
                update appeal set status = ?1, decided_by = ?2, decision_reason = ?3, decided_at = now() where id = ?4""")
                .setParameter(1, outcome).setParameter(2, a.actor().id).setParameter(3, text)
                .setParameter(4, appeal.id()).executeUpdate();
        long seq = log.append(steps.draft(a, "UPHELD".equals(outcome) ? LogKind.APPEAL_UPHELD : LogKind.APPEAL_REJECTED,
                null, text,
                "Appeal #" + appeal.id() + " " + outcome.toLowerCase(java.util.Locale.ROOT) + ".")).seq();
        Long appellant = (Long) em.createNativeQuery("select appellant_id from appeal where id = ?1")
                .setParameter(1, appeal.id()).getSingleResult();
        if (appellant != null) {
            notices.tell(new AuthorNotices.Notice(appellant, a.content().reviewId(), a.content().commentId(),
                    a.content().subjectSlug(), a.content().subjectName(), "APPEAL_" + outcome, null, text, seq));
        } else if (appeal.legalNoticeId() != null && outbox.enabled()) {
            legalNotices.appealDecided(appeal.legalNoticeId(), outcome, text);
        }
        steps.finish(a, "APPEAL_" + outcome, text, true);
    }

    private long owner(long statementId) {
        return ((Number) em.createNativeQuery("select account_id from reasons_statement where id = ?1")
                .setParameter(1, statementId).getSingleResult()).longValue();
    }

    public Optional<View> byId(long id) {
        return viewWhere(em, "a.id = ?1", id);
    }

    static Optional<View> viewWhere(EntityManager em, String where, Object key) {
        return Sql.tuples(em.createNativeQuery("""
                select a.id as id, a.statement_id as statement_id, a.report_id as report_id,
                    a.legal_notice_id as legal_notice_id, a.first_decider as first_decider, a.explanation as explanation,
                    a.status as status, a.decision_reason as decision_reason, a.decided_at as decided_at,
                    a.created_at as created_at
                from appeal a where\s""" + where, Tuple.class).setParameter(1, key)).stream().findFirst()
                .map(t -> new View(Sql.number(t, "id"), Sql.number(t, "statement_id"), Sql.number(t, "report_id"),
                        Sql.number(t, "legal_notice_id"), Sql.number(t, "first_decider"), Sql.text(t, "explanation"),
                        Sql.text(t, "status"), Sql.text(t, "decision_reason"), Sql.instant(t, "decided_at"),
                        Sql.instant(t, "created_at")));
    }
}
