package org.candor.subject;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A product, place or topic people review. Carries the rating summary of its published reviews, kept up to date in
 * the transaction that changes a review, so the public pages never aggregate over all reviews. Those counters are
 * only ever changed by SQL that adds to them ({@code updatable = false}): saving an edited subject never writes back
 * the counts it read, which postings may have changed meanwhile.
 */
@Entity
public class Subject extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description = "";

    @Column(name = "image_url")
    public String imageUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SubjectKind kind = SubjectKind.PRODUCT;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "review_count", nullable = false, updatable = false)
    public int reviewCount;

    @Column(name = "rating_sum", nullable = false, updatable = false)
    public long ratingSum;

    @Column(name = "stars_1", nullable = false, updatable = false)
    public int stars1;
    @Column(name = "stars_2", nullable = false, updatable = false)
    public int stars2;
    @Column(name = "stars_3", nullable = false, updatable = false)
    public int stars3;
    @Column(name = "stars_4", nullable = false, updatable = false)
    public int stars4;
    @Column(name = "stars_5", nullable = false, updatable = false)
    public int stars5;

    @Version
    public int version;
}
