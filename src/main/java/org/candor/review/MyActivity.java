package org.candor.review;

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

    /** One line of an author's timeline. */
    public record Told(String action, ReasonCode reason, String message, long reviewId, Long commentId,
            String subjectSlug, String subjectName, java.time.Instant at) {

        public String textKey() {
            return "notice_" + action;
        }
    }

    private final EntityManager em;

    MyActivity(EntityManager em) {
        this.em = em;
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
                    n.comment_id as comment_id, s.slug as slug, s.name as name, n.created_at as at
                from author_notice n join review r on r.id = n.review_id join subject s on s.id = r.subject_id
                where n.account_id = ?1 order by n.id desc limit 200""", Tuple.class)
                .setParameter(1, accountId)).stream()
                .map(t -> new Told(Sql.text(t, "action"), ReasonCode.parse(Sql.text(t, "reason_code")),
                        Sql.text(t, "message"), Sql.number(t, "review_id"), Sql.number(t, "comment_id"), Sql.text(t, "slug"),
                        Sql.text(t, "name"), Sql.instant(t, "at")))
                .toList();
    }
}
