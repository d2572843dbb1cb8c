package org.candor.review;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A customer's report of a review or of one of its comments. Moderation turns open reports into queue items. */
@Entity
public class Report extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "review_id", nullable = false, updatable = false)
    public long reviewId;

    @Column(name = "comment_id", updatable = false)
    public Long commentId;

    @Column(name = "reporter_id", nullable = false, updatable = false)
    public long reporterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ReportReason reason;

    @Column(updatable = false)
    public String details;

    @Column(nullable = false)
    public String status = "OPEN";

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();
}
