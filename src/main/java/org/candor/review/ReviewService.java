package org.candor.review;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.security.ForbiddenException;

import org.hibernate.Session;

import org.candor.Sql;
import org.candor.moderation.ModerationQueue;
import org.candor.moderation.StaffNotes;
import org.candor.policy.ModerationPolicy;
import org.candor.policy.PolicyRejection;
import org.candor.policy.Settings;
import org.candor.policy.WordRules;
import org.candor.subject.RatingSummary;
import org.candor.subject.SubjectService;

/** Reviews, comments, helpful votes and reports: what customers write, and what readers may see of it. */
@ApplicationScoped
public class ReviewService {

    /** Reviews on one page of a subject. */
    public static final int PAGE_SIZE = 20;

    /** What happened to a submitted review. */
    public enum Outcome {
        CREATED,
        EDITED,
        UNCHANGED
    }

    /** The result of writing a review. */
    public record Written(long reviewId, Outcome outcome, ReviewStatus status) {
    }

    /** One page of reviews and the cursor of the next (older) page, or null at the end. */
    public record Page(List<ReviewWithComments> reviews, ReviewSort.Cursor next) {
    }

    private final EntityManager em;
    private final SubjectService subjects;
    private final ModerationPolicy policy;
    private final ModerationQueue queue;
    private final StaffNotes staffNotes;

    ReviewService(EntityManager em, SubjectService subjects, ModerationPolicy policy, ModerationQueue queue,
            StaffNotes staffNotes) {
        this.em = em;
        this.subjects = subjects;
        this.policy = policy;
        this.queue = queue;
        this.staffNotes = staffNotes;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Writing

    /**
     * Posts the account's review of a subject, or edits it when the account has reviewed the subject before (one review
     * per customer and subject). Every version is kept.
     * <p>
     * The busiest write on the board, so it is written in four statements: lock the account, read everything the
     * checks need at once ({@link #posting}), write the review with its first version and the subject's rating summary
     * ({@link #insert}), and open its queue items ({@link ModerationQueue#newReview}).
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
        long reviewId = insert(posting.subjectId(), accountId, rating, title, body, status);
        queue.newReview(reviewId, rating, verdict, posting.settings());
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
        return em.unwrap(Session.class).doReturningWork(connection -> {
            // its own statement: what the next one reads must include what the account's concurrent post committed
            try (PreparedStatement lock = connection.prepareStatement("select id from account where id = ? for update")) {
                lock.setLong(1, accountId);
                lock.executeQuery().close();
            }
            try (PreparedStatement read = connection.prepareStatement("select s.id, "
                    + "(select r.id from review r where r.subject_id = s.id and r.author_id = a.id), w.n, w.oldest, "
                    + ModerationPolicy.RULES_JSON + ", coalesce(s.moderation_mode, p.mode), a.created_at, "
                    + ModerationPolicy.AUTHOR_POSTS + ", " + ModerationPolicy.SETTINGS_COLUMNS + """

                    from account a join moderation_policy p on p.id = 1 join subject s on s.slug = ?
                    cross join lateral (""" + RECENT_POSTS + """
                    ) w
                    where a.id = ?""")) {
                read.setString(1, subjectSlug);
                read.setLong(2, accountId);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    Object[] r = new Object[row.getMetaData().getColumnCount()];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = row.getObject(i + 1);
                    }
                    return new Posting(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                            ((Number) r[2]).longValue(), r[3] == null ? 0 : ((Number) r[3]).doubleValue(),
                            ModerationPolicy.settings(r, 8), policy.compiledRules((String) r[4]),
                            ModerationPolicy.author(r, 5));
                }
            }
        });
    }

    /**
     * Writes a new review, its first version and (when it is published) the subject's rating summary, in one
     * statement; returns its id.
     */
    private long insert(long subjectId, long accountId, short rating, String title, String body, ReviewStatus status) {
        String summary = RatingSummary.update(rating);
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    with r as (
                        insert into review (subject_id, author_id, rating, title, body, status)
                        values (?, ?, ?, ?, ?, ?) returning id, updated_at),
                    v as (
                        insert into review_version (review_id, author_id, revision, rating, title, body, created_at)
                        select r.id, ?, 1, ?, ?, ?, r.updated_at from r),
                    s as (%s and ?)
                    select id from r""".formatted(summary))) {
                int i = 1;
                insert.setLong(i++, subjectId);
                insert.setLong(i++, accountId);
                insert.setShort(i++, rating);
                insert.setString(i++, title);
                insert.setString(i++, body);
                insert.setString(i++, status.name());
                insert.setLong(i++, accountId);
                insert.setShort(i++, rating);
                insert.setString(i++, title);
                insert.setString(i++, body);
                insert.setLong(i++, 1);
                insert.setLong(i++, rating);
                insert.setLong(i++, 1);
                insert.setLong(i++, subjectId);
                insert.setBoolean(i, status == ReviewStatus.PUBLISHED);
                try (ResultSet id = insert.executeQuery()) {
                    id.next();
                    return id.getLong(1);
                }
            }
        });
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
        keepVersion(review, review.author.id);
        if (review.status == ReviewStatus.PENDING) {
            // an edit of a held post goes back in front of a moderator (again, if one kept it held)
            queue.held(review.id, null, review.rating, "edited-while-held", verdict.matched());
        } else if (verdict.outcome() != ModerationPolicy.Outcome.PUBLISH) {
            queue.flagged(review.id, null, review.rating, verdict.rule(), verdict.matched());
        }
        return new Written(review.id, Outcome.EDITED, review.status);
    }

    private void keepVersion(Review review, long authorId) {
        keepVersion(review, authorId, review.updatedAt);
    }

    private void keepVersion(Review review, long authorId, Instant at) {
        ReviewVersion version = new ReviewVersion();
        version.reviewId = review.id;
        version.authorId = authorId;
        version.revision = review.revision;
        version.rating = review.rating;
        version.title = review.title;
        version.body = review.body;
        version.createdAt = at;
        em.persist(version);
    }

    /** Comments on a published review (or on one's own). */
    @Transactional
    public long comment(long accountId, long reviewId, Forms.CommentForm form) {
        Review review = visibleReview(reviewId, Viewer.customer(accountId));
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
        switch (verdict.outcome()) {
            case HOLD -> queue.held(review.id, comment.id, 3, verdict.rule(), verdict.matched());
            case FLAG -> queue.flagged(review.id, comment.id, 3, verdict.rule(), verdict.matched());
            default -> { }
        }
        return comment.id;
    }

    /**
     * Marks a review helpful for this account ({@code helpful = true}) or takes the mark back. Idempotent: marking twice
     * counts once. Authors cannot mark their own review.
     */
    @Transactional
    public int markHelpful(long accountId, long reviewId, boolean helpful) {
        Review review = visibleReview(reviewId, Viewer.customer(accountId));
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
        Review review = visibleReview(reviewId, Viewer.customer(accountId));
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
        report.details = blankToNull(details);
        em.persist(report);
        em.flush();
        queue.reported(reviewId, commentId, report.id, reason.name(), commentId == null ? review.rating : 3);
        return report.id;
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

    // ---------------------------------------------------------------------------------------------------------------
    // What moderation changes (org.candor.moderation.ModerationService), inside the moderator's transaction

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
        keepVersion(review, moderatorId, Instant.now());
        return Optional.of(original);
    }

    /** The current revision of a review. */
    public int revision(long reviewId) {
        return em.find(Review.class, reviewId).revision;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Reading

    /** One page of a subject's reviews as this viewer may see them, each with its comments. */
    public Page page(long subjectId, ReviewSort sort, ReviewSort.Cursor after, Viewer viewer) {
        String keyset = switch (sort) {
            case NEWEST -> "r.id < :id";
            case HELPFUL -> "(r.helpfulCount < :key or (r.helpfulCount = :key and r.id < :id))";
            case LOWEST -> "(r.rating > :key or (r.rating = :key and r.id < :id))";
        };
        String order = switch (sort) {
            case NEWEST -> "r.id desc";
            case HELPFUL -> "r.helpfulCount desc, r.id desc";
            case LOWEST -> "r.rating asc, r.id desc";
        };
        TypedQuery<ReviewCard> query = em.createQuery(CARD + """
                where r.subject.id = :subject and %s and %s
                order by %s""".formatted(VISIBLE, after == null ? "true" : keyset, order), ReviewCard.class)
                .setParameter("subject", subjectId)
                .setParameter("viewer", viewer.accountId())
                .setParameter("staff", viewer.staff())
                .setParameter("admin", viewer.admin())
                .setMaxResults(PAGE_SIZE + 1);
        if (after != null) {
            query.setParameter("id", after.id());
            if (sort != ReviewSort.NEWEST) {
                query.setParameter("key", sort == ReviewSort.HELPFUL ? (int) after.key() : (short) after.key());
            }
        }
        List<ReviewCard> cards = query.getResultList();
        ReviewSort.Cursor next = null;
        if (cards.size() > PAGE_SIZE) {
            cards = cards.subList(0, PAGE_SIZE);
            ReviewCard last = cards.get(PAGE_SIZE - 1);
            long key = switch (sort) {
                case NEWEST -> 0;
                case HELPFUL -> last.helpfulCount();
                case LOWEST -> last.rating();
            };
            next = new ReviewSort.Cursor(key, last.id());
        }
        return new Page(withComments(cards, viewer), next);
    }

    /** A review for its permalink page, if this viewer may see it. */
    public Optional<ReviewWithComments> one(long reviewId, Viewer viewer) {
        List<ReviewCard> found = em.createQuery(CARD + " where r.id = :id and " + VISIBLE, ReviewCard.class)
                .setParameter("id", reviewId)
                .setParameter("viewer", viewer.accountId())
                .setParameter("staff", viewer.staff())
                .setParameter("admin", viewer.admin())
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(withComments(found, viewer).get(0));
    }

    /** The slug of the subject a review belongs to. */
    public Optional<String> subjectSlugOf(long reviewId) {
        return em.createQuery("select r.subject.slug from Review r where r.id = :id", String.class)
                .setParameter("id", reviewId).getResultStream().findFirst();
    }

    /**
     * Every version of a review the viewer may read, oldest first: none of a hidden review unless the viewer wrote it
     * or is an admin, and none from before a redaction unless the viewer is an admin (the removed text is in them).
     */
    public List<ReviewVersion> versions(ReviewCard review, Viewer viewer) {
        if (!review.readable()) {
            return List.of();
        }
        int from = viewer.admin() ? 0 : ((Number) em.createNativeQuery(
                "select coalesce(max(revision), 0) from redaction where review_id = ?1")
                .setParameter(1, review.id()).getSingleResult()).intValue();
        return em.createQuery("from ReviewVersion v where v.reviewId = :id and v.revision >= :from order by v.revision",
                ReviewVersion.class)
                .setParameter("id", review.id()).setParameter("from", from).getResultList();
    }

    /** The author's own review of a subject, for the review form. */
    public Optional<Review> mine(long accountId, long subjectId) {
        return em.createQuery("from Review r where r.subject.id = :s and r.author.id = :a", Review.class)
                .setParameter("s", subjectId).setParameter("a", accountId)
                .getResultStream().findFirst();
    }

    /** Whether this account currently marks this review helpful. */
    public boolean marksHelpful(long accountId, long reviewId) {
        return !em.createNativeQuery("select 1 from helpful_vote where review_id = ?1 and account_id = ?2 and active")
                .setParameter(1, reviewId).setParameter(2, accountId).getResultList().isEmpty();
    }

    /** The account's reviews and comments, newest first, whatever their status. */
    public List<MyPost> activity(long accountId) {
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
        posts.sort(java.util.Comparator.comparing(MyPost::at).reversed());
        return posts;
    }

    private static final String CARD = """
            select new org.candor.review.ReviewCard(r.id, r.rating, r.title, r.body, a.displayName, r.createdAt,
                r.updatedAt, r.status, r.revision, r.helpfulCount, case when a.id = :viewer then true else false end,
                case when a.id = :viewer or :admin = true then true else false end)
            from Review r join r.author a
            """;

    /** Which reviews the viewer sees listed ({@link Visibility}). */
    private static final String VISIBLE = Visibility.listedJpql("r", "a");

    private List<ReviewWithComments> withComments(List<ReviewCard> cards, Viewer viewer) {
        if (cards.isEmpty()) {
            return List.of();
        }
        Map<Long, List<CommentView>> byReview = new LinkedHashMap<>();
        cards.forEach(c -> byReview.put(c.id(), new ArrayList<>()));
        em.createQuery("""
                select new org.candor.review.CommentView(c.id, c.reviewId, c.body, a.displayName, c.createdAt, c.status,
                    case when a.id = :viewer then true else false end,
                    case when a.id = :viewer or :admin = true then true else false end)
                from Comment c, Account a
                where a.id = c.authorId and c.reviewId in :ids and %s
                order by c.id""".formatted(Visibility.listedJpql("c", "a")), CommentView.class)
                .setParameter("ids", byReview.keySet())
                .setParameter("viewer", viewer.accountId())
                .setParameter("staff", viewer.staff())
                .setParameter("admin", viewer.admin())
                .getResultList()
                .forEach(c -> byReview.get(c.reviewId()).add(c));
        StaffNotes.Notes notes = staffNotes.about(byReview.keySet());
        return cards.stream().map(c -> new ReviewWithComments(c,
                byReview.get(c.id()).stream().map(v -> v.withNotes(notes)).toList(),
                notes.repliesTo(c.id()), notes.annotationsOf(c.id()),
                c.hidden() ? notes.reviewNotices().get(c.id()) : null)).toList();
    }

    private Review visibleReview(long reviewId, Viewer viewer) {
        Review review = em.find(Review.class, reviewId);
        if (review == null || !Visibility.listed(review.status, review.author.id, viewer)) {
            throw new NotFoundException();
        }
        return review;
    }

    private static String textOf(String title, String body) {
        return title == null || title.isBlank() ? body : title + "\n" + body;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
