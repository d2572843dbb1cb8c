package org.candor.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Keeps authors informed: every action on their post goes on their "My activity" timeline and into the e-mail
 * outbox, both in the action's transaction ({@link MailOutbox} sends it after the commit, so a rolled-back action
 * tells nobody and a crash after the commit loses nothing).
 */
@ApplicationScoped
public class AuthorNotices {


    /** What happened to a post, for its author. */
    public record Notice(long authorId, long reviewId, Long commentId, String subjectSlug, String subjectName,
            String action, ReasonCode reason, String message) {

        /** The message key that says what happened ({@code Msg.notice_*}). */
        public String textKey() {
            return "notice_" + action;
        }

        public String mailSubjectKey() {
            return "mail_subject_" + action;
        }
    }

    /** One line of an author's timeline. */
    public record Told(String action, ReasonCode reason, String message, long reviewId, Long commentId,
            String subjectSlug, String subjectName, java.time.Instant at) {

        public String textKey() {
            return "notice_" + action;
        }
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance notice(String name, Notice notice, String link);

        static native TemplateInstance noticeSubject(Notice notice);
    }

    private final EntityManager em;
    private final MailOutbox outbox;
    private final ModerationConfig config;

    AuthorNotices(EntityManager em, MailOutbox outbox, ModerationConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
    }

    @Transactional(TxType.MANDATORY)
    public void tell(Notice n) {
        long noticeId = ((Number) em.createNativeQuery("""
                insert into author_notice (account_id, review_id, comment_id, action, reason_code, message)
                values (?1, ?2, ?3, ?4, ?5, ?6) returning id""")
                .setParameter(1, n.authorId()).setParameter(2, n.reviewId()).setParameter(3, n.commentId())
                .setParameter(4, n.action()).setParameter(5, n.reason() == null ? null : n.reason().name())
                .setParameter(6, n.message())
                .getSingleResult()).longValue();
        if (!outbox.enabled()) {
            return;
        }
        Object[] who = (Object[]) em.createNativeQuery("select email, display_name from account where id = ?1")
                .setParameter(1, n.authorId()).getSingleResult();
        if (who[0] != null) {
            String link = config.publicUrl() + "/subjects/" + n.subjectSlug() + "/reviews/" + n.reviewId()
                    + (n.commentId() == null ? "" : "#comment-" + n.commentId());
            outbox.queue(noticeId, (String) who[0], Templates.noticeSubject(n).render().strip(),
                    Templates.notice((String) who[1], n, link).render());
        }
    }

    /** What the author was told, newest first. */
    public java.util.List<Told> timeline(long accountId) {
        return org.candor.Sql.rows(em.createNativeQuery("""
                select n.action, n.reason_code, n.message, n.review_id, n.comment_id, s.slug, s.name, n.created_at
                from author_notice n join review r on r.id = n.review_id join subject s on s.id = r.subject_id
                where n.account_id = ?1 order by n.id desc limit 200""")
                .setParameter(1, accountId)).stream().map(r -> new Told((String) r[0], ReasonCode.parse((String) r[1]), (String) r[2],
                ((Number) r[3]).longValue(), r[4] == null ? null : ((Number) r[4]).longValue(), (String) r[5],
                (String) r[6], org.candor.Sql.instant(r[7])))
                .toList();
    }
}
