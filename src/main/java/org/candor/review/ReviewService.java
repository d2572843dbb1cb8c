package org.candor.review;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads and writes reviews. */
@ApplicationScoped
public class ReviewService {

    /** Reviews on one page of a subject. */
    public static final int PAGE_SIZE = 20;

    private final EntityManager em;

    ReviewService(EntityManager em) {
        this.em = em;
    }

    /**
     * One page of a subject's public reviews, newest first, older than {@code beforeId} when given (keyset paging).
     * Returns up to {@code PAGE_SIZE + 1} cards: the extra one only says an older page exists.
     */
    public List<ReviewCard> publicPage(long subjectId, Long beforeId) {
        return em.createQuery("""
                select new org.candor.review.ReviewCard(r.id, r.rating, r.title, r.body, a.displayName, r.createdAt,
                    r.status, r.revision)
                from Review r join r.author a
                where r.subject.id = :subject and r.status <> org.candor.review.ReviewStatus.PENDING
                  and r.id < :before
                order by r.id desc""", ReviewCard.class)
                .setParameter("subject", subjectId)
                .setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setMaxResults(PAGE_SIZE + 1)
                .getResultList();
    }
}
