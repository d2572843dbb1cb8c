package org.candor.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;
import org.candor.policy.ReasonCode;

/**
 * "My activity": a customer's own posts whatever their status, and what moderators told them about each (the
 * notices {@code moderation/AuthorNotices} writes in the action's transaction).
 */
@ApplicationScoped
public class MyActivity {

    /**
     * One line of an author's timeline; with the statement of reasons when it tells of a restriction, and the appeal
     * against it if there is one.
     */
    public record Told(String action, ReasonCode reason, String message, long reviewId, Long commentId,
            String subjectSlug, String subjectName, java.time.Instant at, ReasonsStatement statement,
            Appealed appeal, String offer) {

        public String textKey() {
            return "notice_" + action;
        }
    }

    /** An appeal as its appellant follows it. */
    public record Appealed(long id, String status, String decisionReason, Instant at) {

        static Appealed of(Tuple t) {
            Long id = Sql.number(t, "appeal_id");
            return id == null ? null : new Appealed(id, Sql.text(t, "appeal_status"), Sql.text(t, "appeal_reason"),
                    Sql.instant(t, "appeal_at"));
        }

        public String statusKey() {
            return "appeal_status_" + status;
        }
    }

    /** A report the account sent, and what became of it. */
    public record MyReport(long id, long reviewId, Long commentId, String subjectSlug, String subjectName,
            String reason, String decision, String decisionReason, Instant at, Instant decidedAt, Instant appealUntil,
            Appealed appeal) {

        public String reasonKey() {
            return "report_" + reason;
        }

        public String appealKey() {
            return "report-" + id;
        }

        public String decisionKey() {
            return "report_decision_" + (decision == null ? "PENDING" : decision);
        }

        /** Declined, not yet appealed, and still within the window. */
        public boolean appealable() {
            return "NO_ACTION".equals(decision) && appeal == null && Instant.now().isBefore(appealUntil);
        }
    }

    private static final String APPEAL_COLUMNS = """
            ap.id as appeal_id, ap.status as appeal_status, ap.decision_reason as appeal_reason,
            ap.created_at as appeal_at""";

    private final EntityManager em;
    private final int appealMonths;

    MyActivity(EntityManager em,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.appeal-months",
                    defaultValue = "6") int appealMonths) {
        this.em = em;
        this.appealMonths = appealMonths;
    }

    /** The account's reviews and comments, newest first, whatever their status. */
    public List<MyPost> posts(long accountId) {
        List<MyPost> posts = new ArrayList<>(em.createQuery("""
                select new org.candor.review.MyPost(true, r.id, null, s.slug, s.name, r.body,
                    cast(r.rating as Integer), r.status, r.updatedAt)
                from Review r join r.subject s where r.author.id = :a order by r.id desc""", MyPost.class)
                .setParameter("a", accountId).setMaxResults(200).getResultList());
        posts.addAll(em.createQuery("""
                select new org.candor.review.MyPost(false, r.id, c.id, s.slug, s.name, c.body,
                    null, c.status, c.createdAt)
                from Comment c, Review r join r.subject s
                where r.id = c.reviewId and c.authorId = :a order by c.id desc""", MyPost.class)
                .setParameter("a", accountId).setMaxResults(200).getResultList());
        posts.sort(Comparator.comparing(MyPost::at).reversed());
        return posts;
    }

    /** What the author was told, newest first. */
    public List<Told> told(long accountId) {
        return Sql.tuples(em.createNativeQuery("""
                select n.action as action, n.reason_code as reason_code, n.message as message, n.review_id as review_id,
                    n.comment_id as comment_id, j.slug as slug, j.name as name, n.created_at as at, %s, %s,
                    case when n.action = 'REPLY' then (
                        select o.name from offer_grant g join offer_type o on o.id = g.offer_type_id
                        where g.reply_id = (select x.id from official_reply x where x.review_id = n.review_id
                            and x.created_at <= n.created_at order by x.id desc limit 1)) end as offer
                from author_notice n join review r on r.id = n.review_id join subject j on j.id = r.subject_id
                left join reasons_statement s on s.id = n.statement_id
                left join appeal ap on ap.statement_id = s.id
                where n.account_id = ?1 order by n.id desc limit 200""".formatted(ReasonsStatement.COLUMNS,
                APPEAL_COLUMNS), Tuple.class)
                .setParameter(1, accountId)).stream()
                .map(t -> new Told(Sql.text(t, "action"), ReasonCode.parse(Sql.text(t, "reason_code")),
                        Sql.text(t, "message"), Sql.number(t, "review_id"), Sql.number(t, "comment_id"), Sql.text(t, "slug"),
                        Sql.text(t, "name"), Sql.instant(t, "at"),
                        Sql.number(t, "s_id") == null ? null : ReasonsStatement.of(t), Appealed.of(t),
                        Sql.text(t, "offer")))
                .toList();
    }

    /** The reports the account sent, newest first, with their outcome. */
    public List<MyReport> reports(long accountId) {
        return Sql.tuples(em.createNativeQuery("""
                select p.id as id, p.review_id as review_id, p.comment_id as comment_id, j.slug as slug, j.name as name,
                    p.reason as reason, p.decision as decision, p.decision_reason as decision_reason,
                    p.created_at as at, p.decided_at as decided_at, %s
                from report p join review r on r.id = p.review_id join subject j on j.id = r.subject_id
                left join appeal ap on ap.report_id = p.id
                where p.reporter_id = ?1 order by p.id desc limit 200""".formatted(APPEAL_COLUMNS), Tuple.class)
                .setParameter(1, accountId)).stream()
                .map(t -> {
                    Instant decided = Sql.instant(t, "decided_at");
                    return new MyReport(Sql.number(t, "id"), Sql.number(t, "review_id"), Sql.number(t, "comment_id"),
                            Sql.text(t, "slug"), Sql.text(t, "name"), Sql.text(t, "reason"), Sql.text(t, "decision"),
                            Sql.text(t, "decision_reason"), Sql.instant(t, "at"), decided,
                            decided == null ? null
                                    : decided.atZone(java.time.ZoneOffset.UTC).plusMonths(appealMonths).toInstant(),
                            Appealed.of(t));
                })
                .toList();
    }
}
