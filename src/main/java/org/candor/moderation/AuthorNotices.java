package org.candor.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;


import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.Sql;
import org.candor.policy.ReasonCode;
import org.candor.review.ReasonsStatement;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

/**
 * Keeps authors informed: every action on their post goes on their "My activity" timeline and into the e-mail
 * outbox, both in the action's transaction ({@link MailOutbox} sends it after the commit, so a rolled-back action
 * tells nobody and a crash after the commit loses nothing).
 */
@ApplicationScoped
public class AuthorNotices {


    /**
     * What happened to a post, for its author (or, for a report, for the reporter: {@code authorId} is whoever is
     * told); with the statement of reasons when the action restricts the post.
     */
    public record Notice(long authorId, long reviewId, Long commentId, String subjectSlug, String subjectName,
            String action, ReasonCode reason, String message, Long logSeq, ReasonsStatement statement) {

        Notice(long authorId, long reviewId, Long commentId, String subjectSlug, String subjectName, String action,
                ReasonCode reason, String message, Long logSeq) {
            this(authorId, reviewId, commentId, subjectSlug, subjectName, action, reason, message, logSeq, null);
        }

        /** The message key that says what happened ({@code mod:notice_*}). */
        public String textKey() {
            return "notice_" + action;
        }

        public String mailSubjectKey() {
            return "mail_subject_" + action;
        }
    }

    @CheckedTemplate(basePath = "mail")
    static class Templates {
        static native TemplateInstance notice(String name, Notice notice, String link, String receipt, String appeal);

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
        mail(record(n), n, null);
    }

    /**
     * Tells the author of an action whose log entry is staged ({@code stagedEntry}, in {@code log_staged}): the e-mail
     * waits in the outbox for the entry's number and links its receipt.
     */
    @Transactional(TxType.MANDATORY)
    void tell(Notice n, long stagedEntry) {
        mail(record(n), n, stagedEntry);
    }

    /** The author's timeline line. */
    private long record(Notice n) {
        return ((Number) em.createNativeQuery("""
                insert into author_notice (account_id, review_id, comment_id, action, reason_code, message, statement_id)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7) returning id""")
                .setParameter(1, n.authorId()).setParameter(2, n.reviewId()).setParameter(3, n.commentId())
                .setParameter(4, n.action()).setParameter(5, n.reason() == null ? null : n.reason().name())
                .setParameter(6, n.message())
                .setParameter(7, new TypedParameterValue<>(StandardBasicTypes.LONG,
                        n.statement() == null ? null : n.statement().id()))
                .getSingleResult()).longValue();
    }

    /** The e-mail about a recorded notice, into the outbox, when authors are e-mailed and this one has an address. */
    private void mail(long noticeId, Notice n, Long stagedEntry) {
        if (!outbox.enabled()) {
            return;
        }
        Tuple who = (Tuple) em.createNativeQuery("""
                select email as email, display_name as name, language as language from account where id = ?1""",
                Tuple.class).setParameter(1, n.authorId()).getSingleResult();
        // in the author's language, not in that of the moderator whose request this runs in
        java.util.Locale language = java.util.Locale.forLanguageTag(Sql.text(who, "language") == null ? "en"
                : Sql.text(who, "language"));
        String email = Sql.text(who, "email");
        if (email != null) {
            String link = config.publicUrl() + "/subjects/" + n.subjectSlug() + "/reviews/" + n.reviewId()
                    + (n.commentId() == null ? "" : "#comment-" + n.commentId());
            // an entry staged for the log (a reply; a hold's statement) has its number once it is sequenced, within a
            // second: the outbox waits for it and writes it in (MailOutbox.SEQ)
            String seq = n.logSeq() != null ? n.logSeq().toString()
                    : stagedEntry != null || n.statement() != null && n.statement().logSeq() == null ? MailOutbox.SEQ
                            : null;
            String receipt = seq == null ? null : MailOutbox.receiptUrl(config.publicUrl(), seq);
            String appeal = n.statement() == null ? null : config.publicUrl() + "/me#statement-" + n.statement().id();
            outbox.queue(noticeId, email, Templates.noticeSubject(n).setLocale(language).render().strip(),
                    Templates.notice(Sql.text(who, "name"), n, link, receipt, appeal).setLocale(language).render(),
                    n.logSeq(), stagedEntry);
        }
    }
}
