package org.candor.review;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;

/** What readers do about a review: mark it helpful, or report it (or one of its comments) to moderators. */
@ApplicationScoped
public class ReviewFeedback {

    private final EntityManager em;
    private final ReviewReads reads;
    private final Event<PostEvent> events;
    private final org.candor.publiclog.LogStaging staging;

    ReviewFeedback(EntityManager em, ReviewReads reads, Event<PostEvent> events, org.candor.publiclog.LogStaging staging) {
        this.staging = staging;
        this.em = em;
        this.reads = reads;
        this.events = events;
    }

    /**
     * Marks a review helpful for this account ({@code helpful = true}) or takes the mark back. Idempotent: marking twice
     * counts once. Authors cannot mark their own review.
     */
    @Transactional
    public int markHelpful(long accountId, long reviewId, boolean helpful) {
        Review review = reads.visible(reviewId, Viewer.customer(accountId));
        if (review.author.id == accountId) {
            throw new ForbiddenException("authors cannot mark their own review helpful");
        }
        Boolean before = (Boolean) em.createNativeQuery(
                "select active from helpful_vote where review_id = ?1 and account_id = ?2 for update")
                .setParameter(1, reviewId).setParameter(2, accountId)
                .getResultStream().findFirst().orElse(null);
        boolean was = before != null && before;
        if (was == helpful) {
            return review.helpfulCount;
        }
        em.createNativeQuery("""
                insert into helpful_vote (review_id, account_id, active) values (?1, ?2, ?3)
                on conflict (review_id, account_id) do update set active = excluded.active, changed_at = now()""")
                .setParameter(1, reviewId).setParameter(2, accountId).setParameter(3, helpful)
                .executeUpdate();
        em.createNativeQuery("update review set helpful_count = helpful_count + ?1 where id = ?2")
                .setParameter(1, helpful ? 1 : -1).setParameter(2, reviewId)
                .executeUpdate();
        return review.helpfulCount + (helpful ? 1 : -1);
    }

    /** Reports a review, or one of its comments, for moderators to look at. */
    @Transactional
    public long report(long accountId, long reviewId, Long commentId, ReportReason reason, String details) {
        Review review = reads.visible(reviewId, Viewer.customer(accountId));
        if (commentId != null) {
            Comment comment = em.find(Comment.class, commentId);
            if (comment == null || comment.reviewId != reviewId) {
                throw new NotFoundException();
            }
        }
        Report report = new Report();
        report.reviewId = reviewId;
        report.commentId = commentId;
        report.reporterId = accountId;
        report.reason = reason;
        report.details = ReviewPosting.blankToNull(details);
        em.persist(report);
        em.flush();
        // on the log, so reports received can be counted (never who sent them)
        staging.stage(new org.candor.publiclog.PublicLog.Draft(org.candor.publiclog.LogKind.REPORT_RECEIVED,
                review.subject.id, review.subject.slug, reviewId, commentId, "customer", null, reason.name(), null, null,
                null, null), null);
        events.fire(new PostEvent.Reported(reviewId, commentId, report.id, reason.name(),
                commentId == null ? review.rating : 3));
        return report.id;
    }
}
