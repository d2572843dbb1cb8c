package org.candor.review;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.candor.subject.SubjectService;

/**
 * What moderation reads and changes of posts, inside the moderator's transaction ({@code moderation/ModerationService}
 * is the caller): the content of a post whatever its status, its status (keeping the subject's rating summary right),
 * and redactions as new versions.
 */
@ApplicationScoped
public class ModeratedPosts {

    private final EntityManager em;
    private final SubjectService subjects;

    ModeratedPosts(EntityManager em, SubjectService subjects) {
        this.em = em;
        this.subjects = subjects;
    }

    /** A review, or a comment on it, whatever its status; for staff only. */
    public Optional<PostContent> content(long reviewId, Long commentId) {
        if (commentId == null) {
            return em.createQuery("""
                    select new org.candor.review.PostContent(r.id, cast(null as Long), s.id, s.slug, s.name,
                        a.id, a.displayName, cast(r.rating as Integer), r.title, r.body, r.status, r.createdAt)
                    from Review r join r.subject s join r.author a where r.id = :id""", PostContent.class)
                    .setParameter("id", reviewId).getResultStream().findFirst();
        }
        return em.createQuery("""
                select new org.candor.review.PostContent(r.id, c.id, s.id, s.slug, s.name,
                    a.id, a.displayName, 3, cast(null as String), c.body, c.status, c.createdAt)
                from Comment c, Review r join r.subject s, Account a
                where r.id = c.reviewId and a.id = c.authorId and c.id = :comment and r.id = :id""", PostContent.class)
                .setParameter("id", reviewId).setParameter("comment", commentId).getResultStream().findFirst();
    }

    /**
     * Moves a review or comment to another status (publish a held post, hide, restore), keeping the subject's rating
     * summary right. Returns the status it had.
     */
    @Transactional(TxType.MANDATORY)
    public ReviewStatus changeStatus(long reviewId, Long commentId, ReviewStatus to) {
        if (commentId != null) {
            Comment comment = em.find(Comment.class, commentId, LockModeType.PESSIMISTIC_WRITE);
            ReviewStatus before = comment.status;
            comment.status = to;
            return before;
        }
        Review review = em.find(Review.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        ReviewStatus before = review.status;
        if (before != to) {
            if (before == ReviewStatus.PUBLISHED) {
                subjects.countRating(review.subject.id, review.rating, -1);
            }
            if (to == ReviewStatus.PUBLISHED) {
                subjects.countRating(review.subject.id, review.rating, +1);
            }
            review.status = to;
        }
        return before;
    }

    /**
     * Replaces every occurrence of {@code span} in a review's text by {@code marker}, as a new version written by the
     * moderator. Returns the text as it was, or empty when the span does not occur in it.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<String> redact(long reviewId, String span, String marker, long moderatorId) {
        Review review = em.find(Review.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        String original = review.body;
        if (span.isEmpty() || !original.contains(span)) {
            return Optional.empty();
        }
        review.body = original.replace(span, marker);
        review.revision++;
        em.flush();
        em.persist(ReviewVersion.of(review, moderatorId, Instant.now()));
        return Optional.of(original);
    }

    /**
     * Undoes a redaction reversed on appeal, as a new version: the text as it was when the text is unchanged since,
     * else each marker put back to the span it replaced.
     */
    @Transactional(TxType.MANDATORY)
    public void unredact(long reviewId, String original, String span, String marker, long moderatorId) {
        Review review = em.find(Review.class, reviewId, LockModeType.PESSIMISTIC_WRITE);
        review.body = review.body.equals(original.replace(span, marker)) ? original : review.body.replace(marker, span);
        review.revision++;
        em.flush();
        em.persist(ReviewVersion.of(review, moderatorId, Instant.now()));
    }

    /** The current revision of a review. */
    public int revision(long reviewId) {
        return em.find(Review.class, reviewId).revision;
    }
}
