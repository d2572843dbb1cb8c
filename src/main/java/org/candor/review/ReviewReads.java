package org.candor.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TypedQuery;
import jakarta.ws.rs.NotFoundException;

/** Reading reviews as a viewer may see them ({@link Visibility}): a subject's pages, a permalink, versions. */
@ApplicationScoped
public class ReviewReads {

    /** Reviews on one page of a subject. */
    public static final int PAGE_SIZE = 20;

    /** One page of reviews and the cursor of the next (older) page, or null at the end. */
    public record Page(List<ReviewWithComments> reviews, ReviewSort.Cursor next) {
    }

    private final EntityManager em;
    private final StaffNotes staffNotes;
    private final org.candor.web.KeptBySubject<OwnOf> owns;

    ReviewReads(EntityManager em, StaffNotes staffNotes, org.candor.web.PublicPages pages,
            org.candor.web.PageCacheConfig config, io.micrometer.core.instrument.MeterRegistry registry) {
        this.em = em;
        this.staffNotes = staffNotes;
        this.owns = new org.candor.web.KeptBySubject<>(pages, config.maxBytes() / 4, config.expireAfterWrite(),
                OwnOf::subjectId,
                o -> 2 * (length(o.own().title()) + length(o.own().body())) + 64, registry, "own-reviews");
    }

    private record OwnOf(long subjectId, Own own) {
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    /**
     * A subject's unusual-activity banner (a confirmed incident, ongoing or closed in the last 90 days): its period, and
     * the average without the reviews of that period (every review stays readable).
     */
    public record IncidentBanner(boolean ongoing, java.time.Instant since, java.time.Instant until, double averageWithout,
            long countWithout) {
    }

    public IncidentBanner incidentBanner(long subjectId) {
        List<jakarta.persistence.Tuple> rows = org.candor.Sql.tuples(em.createNativeQuery("""
                select status as status, window_from as since, window_to as until from incident
                where subject_id = ?1 and (status = 'CONFIRMED' or (status = 'CLOSED' and closed_at > now() - interval '90 days'))
                order by id desc limit 1""", jakarta.persistence.Tuple.class).setParameter(1, subjectId));
        if (rows.isEmpty()) {
            return null;
        }
        java.time.Instant since = org.candor.Sql.instant(rows.get(0), "since");
        java.time.Instant until = org.candor.Sql.instant(rows.get(0), "until");
        Verified without = average(em.createNativeQuery("""
                select coalesce(avg(rating), 0)::float8 as average, count(*) as count from review
                where subject_id = ?1 and status = 'PUBLISHED' and not (created_at >= ?2 and created_at <= coalesce(?3, now()))""",
                jakarta.persistence.Tuple.class)
                .setParameter(1, subjectId).setParameter(2, since)
                .setParameter(3, new org.hibernate.query.TypedParameterValue<>(
                        org.hibernate.type.StandardBasicTypes.INSTANT, until)));
        return new IncidentBanner("CONFIRMED".equals(org.candor.Sql.text(rows.get(0), "status")), since, until,
                without.average(), without.count());
    }

    /** The average and count of a subject's published verified purchases. */
    public record Verified(double average, long count) {
    }

    public Verified verified(long subjectId) {
        return average(em.createNativeQuery("""
                select coalesce(avg(rating), 0)::float8 as average, count(*) as count from review
                where subject_id = ?1 and verified_purchase and status = 'PUBLISHED'""", jakarta.persistence.Tuple.class)
                .setParameter(1, subjectId));
    }

    /** An average and a count, read by their aliases. */
    private static Verified average(jakarta.persistence.Query query) {
        jakarta.persistence.Tuple row = org.candor.Sql.tuples(query).get(0);
        return new Verified(((Number) row.get("average")).doubleValue(), org.candor.Sql.number(row, "count"));
    }

    /** One page of a subject's reviews as this viewer may see them, each with its comments. */
    public Page page(long subjectId, ReviewSort sort, ReviewSort.Cursor after, Viewer viewer) {
        return page(subjectId, sort, after, viewer, false);
    }

    /** The same, only verified purchases when {@code verifiedOnly}. */
    public Page page(long subjectId, ReviewSort sort, ReviewSort.Cursor after, Viewer viewer, boolean verifiedOnly) {
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
                where %s and %s and %s%s
                order by r.subject.id, %s""".formatted(ONE_SUBJECT, VISIBLE, after == null ? "true" : keyset,
                verifiedOnly ? " and r.verifiedPurchase = true" : "", order), ReviewCard.class)
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

    /** A subject's latest {@code n} reviews (at most a page) as an anonymous visitor sees them. */
    public List<ReviewWithComments> latest(long subjectId, int n) {
        Viewer anonymous = Viewer.ANONYMOUS;
        List<ReviewCard> cards = em.createQuery(CARD + " where " + ONE_SUBJECT + " and " + VISIBLE
                + " order by r.subject.id, r.id desc", ReviewCard.class)
                .setParameter("subject", subjectId)
                .setParameter("viewer", anonymous.accountId())
                .setParameter("staff", anonymous.staff())
                .setParameter("admin", anonymous.admin())
                .setMaxResults(Math.min(n, PAGE_SIZE)).getResultList();
        return withComments(cards, anonymous);
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

    /**
     * What a signed-in customer's own part of a subject's page needs, in one statement: their review of it for the form
     * (null fields when they have none), and whether they have a post there that visitors do not see as they do (a
     * review or comment waiting for a moderator, or hidden) — then their page is not the one every customer shares.
     */
    public record Own(boolean reviewed, short rating, String title, String body, boolean unshared) {
    }

    /**
     * The customer's own review of a subject and whether they have a post there that visitors do not see. Kept per
     * customer and subject while nothing of the subject changes (its reviews and comments NOTIFY at commit, {@link
     * org.candor.web.KeptBySubject}): with the page's shared part kept too, a signed-in page then reads nothing from the
     * database.
     */
    public Own own(long accountId, long subjectId) {
        return owns.get(accountId + " " + subjectId, () -> new OwnOf(subjectId, read(accountId, subjectId))).own();
    }

    /**
     * Whether the customer's own review of the subject is known from memory to still read as {@code own}, that very
     * value, kept and unchanged; reads no database (false: {@link #stillOwn} can tell).
     */
    public boolean ownKept(long accountId, long subjectId, Own own) {
        OwnOf kept = owns.fresh(accountId + " " + subjectId);
        return kept != null && kept.own() == own;
    }

    /**
     * Whether the customer's own review of the subject still reads as {@code own}, that very value: kept and unchanged,
     * or read again (once it is due) and the same. For a page remembered with it, off any request.
     */
    @jakarta.enterprise.context.control.ActivateRequestContext
    public boolean stillOwn(long accountId, long subjectId, Own own) {
        return own(accountId, subjectId) == own;
    }

    /** How many own reviews were served from memory so far (for tests and operators; also in the metrics). */
    long ownHits() {
        return owns.hits();
    }

    private Own read(long accountId, long subjectId) {
        Tuple row = (Tuple) em.createNativeQuery("""
                select r.id is not null as reviewed, r.rating as rating, r.title as title, r.body as body,
                    coalesce(r.status <> 'PUBLISHED', false) or exists (select 1 from comment c join review cr on cr.id = c.review_id
                        where c.author_id = ?1 and c.status <> 'PUBLISHED' and cr.subject_id = ?2) as unshared
                from (values (1)) one left join review r on r.subject_id = ?2 and r.author_id = ?1""", Tuple.class)
                .setParameter(1, accountId).setParameter(2, subjectId).getSingleResult();
        Number rating = (Number) row.get("rating");
        return new Own((Boolean) row.get("reviewed"), rating == null ? 0 : rating.shortValue(), (String) row.get("title"),
                (String) row.get("body"), (Boolean) row.get("unshared"));
    }

    /** Whether this account currently marks this review helpful. */
    public boolean marksHelpful(long accountId, long reviewId) {
        return !em.createNativeQuery("select 1 from helpful_vote where review_id = ?1 and account_id = ?2 and active")
                .setParameter(1, reviewId).setParameter(2, accountId).getResultList().isEmpty();
    }

    private static final String CARD = """
            select new org.candor.review.ReviewCard(r.id, r.rating, r.title, r.body, a.displayName, r.createdAt,
                r.updatedAt, r.status, r.revision, r.helpfulCount, case when a.id = :viewer then true else false end,
                case when a.id = :viewer or :admin = true then true else false end,
                r.verifiedPurchase, r.invited, r.incentive,
                case when r.staffAuthor = true or a.role <> org.candor.account.Role.CUSTOMER or a.insider = true
                    then true else false end)
            from Review r join r.author a
            """;

    /**
     * One subject's reviews, said as a range and listed by {@code r.subject.id} first: newest first, PostgreSQL would
     * otherwise walk the whole table's primary key backward and filter on the subject (on a busy subject it expects to
     * meet twenty soon), skipping every newer review of every other subject; as a range, only the subject's own indexes
     * give the order asked for (PublicQueryPlansTest, SignedInQueryPlansTest).
     */
    private static final String ONE_SUBJECT = "r.subject.id between :subject and :subject";

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

    /** A review this viewer sees listed ({@link Visibility}), or 404. */
    Review visible(long reviewId, Viewer viewer) {
        Review review = em.find(Review.class, reviewId);
        if (review == null || !Visibility.listed(review.status, review.author.id, viewer)) {
            throw new NotFoundException();
        }
        return review;
    }
}
