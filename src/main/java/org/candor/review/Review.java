package org.candor.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import org.candor.account.Account;
import org.candor.subject.Subject;

/** A customer's rated review of a subject. One per customer and subject; writing again edits it. */
@Entity
public class Review extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "subject_id", updatable = false)
    public Subject subject;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "author_id", updatable = false)
    public Account author;

    @Column(nullable = false)
    public short rating;

    public String title;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReviewStatus status = ReviewStatus.PUBLISHED;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    @Column(nullable = false)
    public int revision = 1;

    /** Labels fixed when the review was posted ({@code /about/reviews#labels}). */
    @Column(name = "verified_purchase", nullable = false, updatable = false)
    public boolean verifiedPurchase;

    @Column(nullable = false, updatable = false)
    public boolean invited;

    @Column(updatable = false)
    public String incentive;

    @Column(name = "staff_author", nullable = false)
    public boolean staffAuthor;

    @Column(name = "helpful_count", nullable = false)
    public int helpfulCount;

    @Version
    public int version;
}
