package org.candor.review;

import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;

import org.hibernate.query.TypedParameterValue;
import org.hibernate.type.StandardBasicTypes;

import org.candor.Sql;
import org.candor.policy.ModerationPolicy;
import org.candor.policy.PolicyRejection;
import org.candor.policy.Settings;
import org.candor.subject.RatingSummary;
import org.candor.subject.SubjectService;
import org.candor.policy.WordRules;
import org.candor.publiclog.LogKind;
import org.candor.publiclog.LogStaging;
import org.candor.publiclog.LogText;
import org.candor.publiclog.PublicLog;

/**
 * Writing: a customer posts or edits a review, or comments on one. Each post passes the moderation policy, keeps every
 * version, and tells moderation what it needs to see ({@link PostEvent}) in the same transaction.
 */
@ApplicationScoped
public class ReviewPosting {

    /** What happened to a submitted review. */
    public enum Outcome {
        CREATED,
        EDITED,
        UNCHANGED
    }

    /** The result of writing a review. */
    public record Written(long reviewId, Outcome outcome, ReviewStatus status) {
    }

    private final EntityManager em;
    private final SubjectService subjects;
    private final ModerationPolicy policy;
    private final ReviewReads reads;
    private final Event<PostEvent> events;
    private final LogStaging staging;

    ReviewPosting(EntityManager em, SubjectService subjects, ModerationPolicy policy, ReviewReads reads,
            Event<PostEvent> events, LogStaging staging) {
        this.staging = staging;
        this.em = em;
        this.subjects = subjects;
        this.policy = policy;
        this.reads = reads;
        this.events = events;
    }

    /**
     * Posts the account's review of a subject, or edits it when the account has reviewed the subject before (one review
     * per customer and subject). Every version is kept.
     * <p>
     * The busiest write on the board, so it is written in four statements: lock the account, read everything the
     * checks need at once ({@link #posting}), write the review with its first version and the subject's rating summary
     * ({@link #insert}), and open its queue items (moderation observes {@link PostEvent.ReviewPosted} in this transaction).
     */
    @Transactional
    public Written write(long accountId, String subjectSlug, Forms.ReviewForm form) {
        Posting posting = posting(accountId, subjectSlug);
        if (posting == null) {
            throw new NotFoundException();
        }
        if (posting.existingReview() != null) {
            return edit(em.find(Review.class, posting.existingReview()), form);
        }
        refuseOverRate(posting.recentPosts(), posting.oldestRecent(), posting.settings());
        short rating = form.stars();
        String title = blankToNull(form.title());
        String body = form.body().strip();
        ModerationPolicy.Verdict verdict = ModerationPolicy.judge(posting.settings(), posting.rules(),
                posting.author(), textOf(title, body));
        if (verdict.outcome() == ModerationPolicy.Outcome.REJECT) {
            throw new PolicyRejection(verdict.rule(), verdict.matched());
        }
        ReviewStatus status = verdict.published() ? ReviewStatus.PUBLISHED : ReviewStatus.PENDING;
        // a published review goes on the log as RECEIVED, staged in the insert; a held one as RECEIVED_HELD, with its
        // statement of reasons (moderation)
        LogText content = LogText.of(textOf(title, body));
        long reviewId = insert(posting.subjectId(), accountId, rating, title, body, status, subjectSlug,
                ModerationPolicy.publicRule(verdict.rule()), content);
        events.fire(new PostEvent.ReviewPosted(reviewId, posting.subjectId(), rating, verdict, posting.settings()));
        return new Written(reviewId, Outcome.CREATED, status);
    }

    /** What posting a review needs to know: the subject, the customer's review of it, their recent posts, the policy. */
    private record Posting(long subjectId, Long existingReview, long recentPosts, double oldestRecent,
            Settings settings, WordRules rules, ModerationPolicy.Author author) {
    }

    /**
     * Locks the account (one account's posts are written one at a time: two first posts sent at once become a post
     * and an edit, not a unique-constraint failure, and the rate limit counts both), then reads in one statement what
     * {@link #write} checks. Null when there is no such subject.
     */
    private Posting posting(long accountId, String subjectSlug) {
        // its own statement: what the next one reads must include what the account's concurrent post committed
        em.createNativeQuery("select id from account where id = ?1 for update").setParameter(1, accountId)
                .getResultList();
        Tuple row = Sql.tuples(em.createNativeQuery("select s.id as subject_id, "
                + "(select r.id from review r where r.subject_id = s.id and r.author_id = a.id) as existing_review, "
                + "w.n as recent_posts, w.oldest as oldest_recent, " + ModerationPolicy.RULES_JSON + " as rules, "
                + ModerationPolicy.AUTHOR_COLUMNS + ", " + ModerationPolicy.SETTINGS_COLUMNS + """

                from account a join moderation_policy p on p.id = 1 join subject s on s.slug = ?1
                cross join lateral (""" + RECENT_POSTS + """
                ) w
                where a.id = ?2""", Tuple.class)
                .setParameter(1, subjectSlug).setParameter(2, accountId)).stream().findFirst().orElse(null);
        if (row == null) {
            return null;
        }
        Object oldest = row.get("oldest_recent");
        return new Posting(Sql.number(row, "subject_id"), Sql.number(row, "existing_review"),
                Sql.number(row, "recent_posts"), oldest == null ? 0 : ((Number) oldest).doubleValue(),
                ModerationPolicy.settings(row), policy.compiledRules(Sql.text(row, "rules")), ModerationPolicy.author(row));
    }

    /**
     * Writes a new review, its first version and (when it is published) the subject's rating summary, in one
     * statement; returns its id.
     */
    private long insert(long subjectId, long accountId, short rating, String title, String body, ReviewStatus status,
            String subjectSlug, String rule, LogText content) {
        return Sql.number((Tuple) em.createNativeQuery("""
                with i as (
                    select i.id, i.order_ref, c.description as incentive from invitation i
                    left join incentive c on c.id = i.incentive_id
                    where i.account_id = ?2 and i.subject_id = ?1 and i.review_id is null and i.expires_at > now()
                    order by i.id limit 1),
                r as (
                    insert into review (subject_id, author_id, rating, title, body, status, invitation_id,
                        verified_purchase, invited, incentive, staff_author)
                    select ?1, ?2, ?3, ?4, ?5, ?6, i.id, coalesce(i.order_ref is not null, false), i.id is not null,
                        i.incentive, (select a.role <> 'CUSTOMER' or a.insider from account a where a.id = ?2)
                    from (values (1)) one left join i on true
                    returning id, updated_at, invitation_id),
                iu as (update invitation set review_id = r.id from r where invitation.id = r.invitation_id),
                v as (
                    insert into review_version (review_id, author_id, revision, rating, title, body, created_at)
                    select r.id, ?2, 1, ?3, ?4, ?5, r.updated_at from r),
                s as (%s and ?7),
                l as (
                    insert into log_staged (kind, subject_id, subject_slug, review_id, actor_role, rule, rating,
                        content_commitment, content_salt, created_at)
                    select 'RECEIVED', ?1, ?8, r.id, 'customer', ?9, ?3, ?10, ?11, r.updated_at from r where ?7)
                select id as id from r""".formatted(RatingSummary.update(rating, "1", "?1")), Tuple.class)
                .setParameter(1, subjectId).setParameter(2, accountId).setParameter(3, rating)
                .setParameter(4, new TypedParameterValue<>(StandardBasicTypes.STRING, title)).setParameter(5, body).setParameter(6, status.name())
                .setParameter(7, status == ReviewStatus.PUBLISHED)
                .setParameter(8, subjectSlug)
                .setParameter(9, new TypedParameterValue<>(StandardBasicTypes.STRING, rule))
                .setParameter(10, content.commitment()).setParameter(11, content.salt())
                .getSingleResult(), "id");
    }

    /** Edits a review; only its author may. */
    @Transactional
    public Written edit(long accountId, long reviewId, Forms.ReviewForm form) {
        Review review = em.find(Review.class, reviewId);
        if (review == null) {
            throw new NotFoundException();
        }
        if (review.author.id != accountId) {
            throw new ForbiddenException("only the author may edit a review");
        }
        return edit(review, form);
    }

    private Written edit(Review review, Forms.ReviewForm form) {
        short rating = form.stars();
        String title = blankToNull(form.title());
        String body = form.body().strip();
        if (review.rating == rating && Objects.equals(review.title, title) && review.body.equals(body)) {
            return new Written(review.id, Outcome.UNCHANGED, review.status);
        }
        Settings settings = policy.settings();
        checkRate(review.author.id, settings);
        // an edit must pass the word rules and the link limit too; what would be held is flagged instead, so a
        // published review does not vanish while a moderator looks at it
        ModerationPolicy.Verdict verdict = ModerationPolicy.byText(policy.compiledRules(), settings.maxLinks(),
                textOf(title, body));
        if (verdict.outcome() == ModerationPolicy.Outcome.REJECT) {
            throw new PolicyRejection(verdict.rule(), verdict.matched());
        }
        if (review.status == ReviewStatus.PUBLISHED && review.rating != rating) {
            subjects.countRating(review.subject.id, review.rating, -1);
            subjects.countRating(review.subject.id, rating, +1);
        }
        review.rating = rating;
        review.title = title;
        review.body = body;
        review.revision++;
        review.updatedAt = Instant.now();
        em.flush();
        em.persist(ReviewVersion.of(review, review.author.id, review.updatedAt));
        if (review.status == ReviewStatus.PENDING) {
            // an edit of a held post goes back in front of a moderator (again, if one kept it held)
            events.fire(new PostEvent.Held(review.id, null, review.rating, "edited-while-held", verdict.matched()));
        } else if (verdict.outcome() != ModerationPolicy.Outcome.PUBLISH) {
            events.fire(new PostEvent.Flagged(review.id, null, review.rating, verdict.rule(), verdict.matched()));
        }
        return new Written(review.id, Outcome.EDITED, review.status);
    }

    /** Whether a comment is published (a held one waits for a moderator). */
    public boolean commentPublished(long commentId) {
        Comment c = em.find(Comment.class, commentId);
        return c != null && c.status == ReviewStatus.PUBLISHED;
    }

    /** Comments on a published review (or on one's own). */
    @Transactional
    public long comment(long accountId, long reviewId, Forms.CommentForm form) {
        Review review = reads.visible(reviewId, Viewer.customer(accountId));
        if (review.status != ReviewStatus.PUBLISHED) {
            throw new NotFoundException();
        }
        checkRate(accountId, policy.settings());
        ModerationPolicy.Verdict verdict = policy.judge(review.subject.id, accountId, form.body());
        if (verdict.outcome() == ModerationPolicy.Outcome.REJECT) {
            throw new PolicyRejection(verdict.rule(), verdict.matched());
        }
        Comment comment = new Comment();
        comment.reviewId = review.id;
        comment.authorId = accountId;
        comment.body = form.body().strip();
        comment.status = verdict.published() ? ReviewStatus.PUBLISHED : ReviewStatus.PENDING;
        em.persist(comment);
        em.flush();
        if (verdict.published()) {
            LogText content = LogText.of(comment.body);
            staging.stage(new PublicLog.Draft(LogKind.RECEIVED, review.subject.id, review.subject.slug, review.id,
                    comment.id, "customer", null, null, null, null, null, ModerationPolicy.publicRule(verdict.rule()),
                    null, content.commitment()), content.salt());
        }
        switch (verdict.outcome()) {
            case HOLD -> events.fire(new PostEvent.Held(review.id, comment.id, 3, verdict.rule(), verdict.matched()));
            case FLAG -> events.fire(new PostEvent.Flagged(review.id, comment.id, 3, verdict.rule(), verdict.matched()));
            default -> { }
        }
        events.fire(new PostEvent.CommentPosted(review.id, comment.id, review.subject.id));
        return comment.id;
    }

    /** Refuses a post when the account has posted as often as the policy allows in the last minute. */
    private void checkRate(long accountId, Settings settings) {
        Tuple window = (Tuple) em.createNativeQuery("select n as n, oldest as oldest from (select ?1 as id) a, lateral ("
                + RECENT_POSTS + ") w", Tuple.class)
                .setParameter(1, accountId)
                .getSingleResult();
        Object oldest = window.get("oldest");
        refuseOverRate(Sql.number(window, "n"), oldest == null ? 0 : ((Number) oldest).doubleValue(), settings);
    }

    /**
     * The posts (review versions and comments) of account {@code a} in the last minute: how many ({@code n}), and
     * when the oldest was written ({@code oldest}, seconds since the epoch).
     */
    private static final String RECENT_POSTS = """
            select count(*) n, extract(epoch from min(created_at)) oldest from (
                select created_at from review_version where author_id = a.id and created_at > now() - interval '1 minute'
                union all
                select created_at from comment where author_id = a.id and created_at > now() - interval '1 minute') p""";

    private static void refuseOverRate(long recentPosts, double oldestRecent, Settings settings) {
        if (recentPosts >= settings.postsPerMinute()) {
            long wait = (long) Math.ceil(oldestRecent + 60 - Instant.now().toEpochMilli() / 1000.0);
            throw new RateLimitedException(Math.max(1, wait));
        }
    }

    static String textOf(String title, String body) {
        return title == null || title.isBlank() ? body : title + "\n" + body;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
