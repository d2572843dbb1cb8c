package org.candor.moderation;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.Sql;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.PublicLog;

/**
 * Reporters and notifiers hear back: when a moderator acts on a post, its open reports and notices are decided (action
 * taken), and when a moderator closes a report or a notice without acting, they are declined with the reason. Each
 * reporter is told on their timeline and by e-mail; each notifier by e-mail. In the action's transaction.
 */
@ApplicationScoped
class Settlements {

    static final String ACTION_TAKEN = "ACTION_TAKEN";
    static final String NO_ACTION = "NO_ACTION";

    private final EntityManager em;
    private final AuthorNotices notices;
    private final LegalNotices legalNotices;
    private final PublicLog log;
    private final jakarta.inject.Provider<ActionSteps> steps;

    Settlements(EntityManager em, AuthorNotices notices, LegalNotices legalNotices, PublicLog log,
            jakarta.inject.Provider<ActionSteps> steps) {
        this.log = log;
        this.steps = steps;
        this.em = em;
        this.notices = notices;
        this.legalNotices = legalNotices;
    }

    /** The post was restricted: its open reports and notices are decided, action taken. */
    @Transactional(TxType.MANDATORY)
    void actionTaken(ActionSteps.Acting a, String reason) {
        settle(a, ACTION_TAKEN, reason, true, true);
    }

    /** A report or notice is declined: no action, for this reason. */
    @Transactional(TxType.MANDATORY)
    void noAction(ActionSteps.Acting a, String reason, boolean reports, boolean notices) {
        settle(a, NO_ACTION, reason, reports, notices);
    }

    private void settle(ActionSteps.Acting a, String decision, String reason, boolean reports, boolean notices) {
        if (reports) {
            List<Tuple> decided = Sql.tuples(em.createNativeQuery("""
                    update report set status = 'RESOLVED', decision = ?1, decision_reason = ?2, decided_by = ?3,
                        decided_at = now()
                    where review_id = ?4 and comment_id is not distinct from ?5 and status = 'OPEN'
                    returning id as id, reporter_id as reporter""", Tuple.class)
                    .setParameter(1, decision).setParameter(2, reason).setParameter(3, a.actor().id)
                    .setParameter(4, a.content().reviewId())
                    .setParameter(5, new TypedParameterValue<>(StandardBasicTypes.LONG, a.content().commentId())));
            for (int i = 0; i < decided.size(); i++) {
                // one entry per report decided, so reports received and decided can be counted and timed
                log.append(steps.get().draft(a, LogKind.REPORT_DECIDED, null, null, null).withRule(decision));
            }
            for (Long reporter : decided.stream().map(t -> Sql.number(t, "reporter")).distinct().toList()) {
                this.notices.tell(new AuthorNotices.Notice(reporter, a.content().reviewId(), a.content().commentId(),
                        a.content().subjectSlug(), a.content().subjectName(), "REPORT_" + decision, null, reason, null));
            }
        }
        if (notices) {
            int decided = legalNotices.decided(a, decision, reason);
            for (int i = 0; i < decided; i++) {
                log.append(steps.get().draft(a, LogKind.NOTICE_DECIDED, null, null, null).withRule(decision));
            }
        }
    }
}
