package org.candor.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of a review as its author wrote it. Written once, never changed (the database refuses it). */
@Entity
@Table(name = "review_version")
public class ReviewVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "review_id", nullable = false, updatable = false)
    public long reviewId;

    @Column(name = "author_id", nullable = false, updatable = false)
    public long authorId;

    @Column(nullable = false, updatable = false)
    public int revision;

    @Column(nullable = false, updatable = false)
    public short rating;

    @Column(updatable = false)
    public String title;

    @Column(nullable = false, updatable = false)
    public String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    /** The rating as a plain number of stars. */
    public int stars() {
        return rating;
    }

    /** The version a review is at now, written by {@code authorId} (its author, or the moderator who redacted it). */
    static ReviewVersion of(Review review, long authorId, Instant at) {
        ReviewVersion version = new ReviewVersion();
        version.reviewId = review.id;
        version.authorId = authorId;
        version.revision = review.revision;
        version.rating = review.rating;
        version.title = review.title;
        version.body = review.body;
        version.createdAt = at;
        return version;
    }
}
