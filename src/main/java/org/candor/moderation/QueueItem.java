package org.candor.moderation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Something a moderator should look at: a held post, a review awaiting its reply, a report, or a case a moderator
 * opened. Carries a version so two moderators acting at once get one winner and one clear conflict.
 */
@Entity
@Table(name = "queue_item")
public class QueueItem {

    public enum Status {
        OPEN,
        DONE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public ItemKind kind;

    @Column(name = "review_id", nullable = false, updatable = false)
    public long reviewId;

    @Column(name = "comment_id", updatable = false)
    public Long commentId;

    @Column(name = "report_id", updatable = false)
    public Long reportId;

    @Column(name = "appeal_id", updatable = false)
    public Long appealId;

    @Column(name = "legal_notice_id", updatable = false)
    public Long legalNoticeId;

    @Column(nullable = false, updatable = false)
    public String why;

    /** The subject of the review (filled in by the database from the review: {@code queue_item_subject}). */
    @Column(name = "subject_id", nullable = false, insertable = false, updatable = false)
    public Long subjectId;

    /** The words the rule in {@link #why} matched, if a word rule put the item here. */
    @Column(updatable = false)
    public String matched;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.OPEN;

    @Column(nullable = false)
    public boolean escalated;

    @Column(name = "claimed_by")
    public Long claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt = Instant.now();

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by")
    public Long resolvedBy;

    public String resolution;

    /** When anything last happened to the item; every action sets it, so every action moves the version on. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt = Instant.now();

    @Version
    public int version;

    public boolean open() {
        return status == Status.OPEN;
    }
}
