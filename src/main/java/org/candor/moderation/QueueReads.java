package org.candor.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.security.ForbiddenException;

import org.candor.Sql;
import org.candor.review.PostContent;
import org.candor.review.ReviewService;

/** What moderators read: the queue's tabs and one item with everything needed to decide. Projections only. */
@ApplicationScoped
public class QueueReads {

    /** Items on one tab. */
    public static final int TAB_SIZE = 100;

    /** One line of the queue. {@code claimedBy} is empty when nobody holds a live claim. */
    public record Row(long id, ItemKind kind, String why, boolean open, boolean escalated, long reviewId, Long commentId,
            String subjectSlug, String subjectName, int rating, String text, String authorName, Instant createdAt,
            Instant dueAt, Long claimedById, String claimedBy, String resolution, Instant resolvedAt, int version,
            String matched) {

        public boolean overdue() {
            return open && dueAt.isBefore(Instant.now());
        }

        /** Time left to the response target (negative when overdue). */
        public Duration timeLeft() {
            return Duration.between(Instant.now(), dueAt);
        }

        public Duration age() {
            return Duration.between(createdAt, Instant.now());
        }

        public String kindKey() {
            return "queue_kind_" + kind.name();
        }

        public String resolutionKey() {
            return "queue_action_" + resolution;
        }

        public String whyKey() {
            return "queue_why_" + kind.name();
        }
    }

    /** A step in an item's history. */
    public record Event(String action, String actorName, String note, Instant at) {

        public String actionKey() {
            return "queue_action_" + action;
        }
    }

    /** One of the author's posts, with what staff did about it. */
    public record AuthorPost(long reviewId, Long commentId, String subjectSlug, String subjectName, String status,
            Instant at, long actions) {
    }

    /** A report on the item's content. */
    public record ReportLine(String reason, String details, String reporter, Instant at) {

        public String reasonKey() {
            return "report_" + reason;
        }
    }

    /** A redaction, with the text as it was: admins only. */
    public record RedactionLine(String span, String original, String reasonCode, String handle, Instant at) {
    }

    /** A staff member an admin may hand the item to. */
    public record Staff(long id, String name, String role) {
    }

    /** A canned response a moderator may pick. */
    public record Canned(long id, String title, String body) {

        public String idText() {
            return Long.toString(id);
        }
    }

    /** Everything on an item's page. */
    public record Item(Row row, PostContent content, List<Event> history, List<AuthorPost> authorPosts,
            long authorPostCount, long authorActionCount, List<ReportLine> reports, List<RedactionLine> redactions,
            StaffNotes.Notes notes) {
    }

    private final EntityManager em;
    private final ReviewService reviews;
    private final StaffNotes staffNotes;
    private final Claims claims;

    QueueReads(EntityManager em, ReviewService reviews, StaffNotes staffNotes, Claims claims) {
        this.em = em;
        this.reviews = reviews;
        this.staffNotes = staffNotes;
        this.claims = claims;
    }

    /** A tab, most urgent first (least time left to the target, then oldest); Done is newest-resolved first. */
    public List<Row> tab(QueueTab tab, long me) {
        String order = tab == QueueTab.DONE ? "i.resolved_at desc, i.id desc" : "i.due_at, i.created_at, i.id";
        var query = em.createNativeQuery(ROW + " where " + tab.where + " and " + SCOPE + " order by " + order
                + " limit " + TAB_SIZE);
        bind(query, me);
        query.setParameter("me", me);
        return rows(query);
    }

    /** How many open items each tab holds. */
    public Map<QueueTab, Long> counts(long me) {
        Map<QueueTab, Long> counts = new java.util.EnumMap<>(QueueTab.class);
        for (QueueTab tab : QueueTab.values()) {
            if (tab == QueueTab.DONE) {
                continue;
            }
            var query = em.createNativeQuery("select count(*) from queue_item i join review r on r.id = i.review_id where "
                    + tab.where + " and " + SCOPE).setParameter("me", me);
            if (tab == QueueTab.MINE) {
                claims.bind(query);
            }
            counts.put(tab, ((Number) query.getSingleResult()).longValue());
        }
        return counts;
    }

    /**
     * One line of the queue, if it exists; refused (403) when {@code me} does not moderate its subject, before anything
     * about the item is read for them.
     */
    public Optional<Row> row(long itemId, long me) {
        List<?> scope = em.createNativeQuery("select " + SCOPE
                + " from queue_item i join review r on r.id = i.review_id where i.id = :id")
                .setParameter("id", itemId).setParameter("me", me).getResultList();
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(scope.get(0))) {
            throw new ForbiddenException("this moderator does not moderate the item's subject");
        }
        var query = em.createNativeQuery(ROW + " where i.id = :id").setParameter("id", itemId);
        bind(query, me);
        return rows(query).stream().findFirst();
    }

    /**
     * An item with its content, history, the author's record, reports and (for admins) redacted originals; empty when
     * it does not exist, refused (403) when {@code me} does not moderate its subject.
     */
    public Optional<Item> item(long itemId, long me, boolean admin) {
        Optional<Row> found = row(itemId, me);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        PostContent content = reviews.content(row.reviewId(), row.commentId()).orElseThrow();
        List<Event> history = Sql.rows(em.createNativeQuery("""
                select e.action, a.display_name, e.note, e.created_at from queue_event e
                left join account a on a.id = e.actor_id where e.item_id = ?1 order by e.id""")
                .setParameter(1, itemId)).stream()
                .map(r -> new Event((String) r[0], (String) r[1], (String) r[2], Sql.instant(r[3]))).toList();
        List<AuthorPost> posts = Sql.rows(em.createNativeQuery("""
                select p.review_id, p.comment_id, s.slug, s.name, p.status, p.created_at,
                    (select count(*) from author_notice n where n.review_id = p.review_id
                        and n.comment_id is not distinct from p.comment_id) actions
                from (select r.id review_id, null::bigint comment_id, r.subject_id, r.status, r.created_at
                        from review r where r.author_id = ?1
                      union all
                      select c.review_id, c.id, r.subject_id, c.status, c.created_at
                        from comment c join review r on r.id = c.review_id where c.author_id = ?1) p
                join subject s on s.id = p.subject_id
                order by p.created_at desc limit 10""".replace("null::bigint", "cast(null as bigint)"))
                .setParameter(1, content.authorId())).stream()
                .map(r -> new AuthorPost(((Number) r[0]).longValue(), r[1] == null ? null : ((Number) r[1]).longValue(),
                        (String) r[2], (String) r[3], (String) r[4], Sql.instant(r[5]), ((Number) r[6]).longValue()))
                .toList();
        Object[] totals = (Object[]) em.createNativeQuery("""
                select (select count(*) from review where author_id = ?1) + (select count(*) from comment where author_id = ?1),
                       (select count(*) from author_notice where account_id = ?1)""")
                .setParameter(1, content.authorId()).getSingleResult();
        List<ReportLine> reports = Sql.rows(em.createNativeQuery("""
                select p.reason, p.details, a.display_name, p.created_at from report p join account a on a.id = p.reporter_id
                where p.review_id = ?1 and p.comment_id is not distinct from ?2 order by p.id""")
                .setParameter(1, row.reviewId()).setParameter(2, row.commentId())).stream()
                .map(r -> new ReportLine((String) r[0], (String) r[1], (String) r[2], Sql.instant(r[3]))).toList();
        List<RedactionLine> redactions = !admin ? List.of() : Sql.rows(em.createNativeQuery("""
                select x.span, x.original, x.reason_code, coalesce(a.staff_handle, a.display_name), x.created_at
                from redaction x join account a on a.id = x.actor_id where x.review_id = ?1 order by x.id""")
                .setParameter(1, row.reviewId())).stream()
                .map(r -> new RedactionLine((String) r[0], (String) r[1], (String) r[2], (String) r[3], Sql.instant(r[4])))
                .toList();
        return Optional.of(new Item(row, content, history, posts, ((Number) totals[0]).longValue(),
                ((Number) totals[1]).longValue(), reports, redactions, staffNotes.about(List.of(row.reviewId()))));
    }

    /** Moderators and admins, for reassigning. */
    public List<Staff> staff() {
        return Sql.rows(em.createNativeQuery(
                "select id, display_name, role from account where role <> 'CUSTOMER' order by display_name, id")
                ).stream()
                .map(r -> new Staff(((Number) r[0]).longValue(), (String) r[1], ((String) r[2]).toLowerCase(java.util.Locale.ROOT))).toList();
    }

    /** Canned responses this role may use, by category. */
    public List<Canned> canned(boolean admin) {
        return Sql.rows(em.createNativeQuery("""
                select id, category || ': ' || title, body from canned_response
                where active and (allowed_role = 'MODERATOR' or ?1) order by category, title, id""")
                .setParameter(1, admin)).stream()
                .map(r -> new Canned(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** Offers this role may grant. */
    public List<Canned> offers(boolean admin) {
        return Sql.rows(em.createNativeQuery("""
                select id, name, description from offer_type where active and (allowed_role = 'MODERATOR' or ?1)
                order by name, id""").setParameter(1, admin)).stream()
                .map(r -> new Canned(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /** Items a moderator limited to some subjects sees: only theirs. */
    private static final String SCOPE = """
            (select coalesce(r.subject_id = any(m.scope_subject_ids), true) from account m where m.id = :me)""";

    private static final String ROW = """
            select i.id, i.kind, i.why, i.status = 'OPEN', i.escalated, i.review_id, i.comment_id, s.slug, s.name,
                case when i.comment_id is null then r.rating else 0 end, coalesce(c.body, r.body), author.display_name,
                i.created_at, i.due_at,
                case when %1$s then i.claimed_by end,
                case when %1$s then claimer.display_name end,
                i.resolution, i.resolved_at, i.version, i.matched
            from queue_item i
            join review r on r.id = i.review_id
            join subject s on s.id = r.subject_id
            left join comment c on c.id = i.comment_id
            join account author on author.id = coalesce(c.author_id, r.author_id)
            left join account claimer on claimer.id = i.claimed_by""".formatted(Claims.LIVE);

    private void bind(jakarta.persistence.Query query, long me) {
        claims.bind(query);
    }

    private List<Row> rows(jakarta.persistence.Query query) {
        return Sql.rows(query).stream().map(r -> new Row(((Number) r[0]).longValue(),
                ItemKind.valueOf((String) r[1]), (String) r[2], (Boolean) r[3], (Boolean) r[4],
                ((Number) r[5]).longValue(), r[6] == null ? null : ((Number) r[6]).longValue(), (String) r[7],
                (String) r[8], ((Number) r[9]).intValue(), (String) r[10], (String) r[11], Sql.instant(r[12]),
                Sql.instant(r[13]), r[14] == null ? null : ((Number) r[14]).longValue(), (String) r[15], (String) r[16],
                r[17] == null ? null : Sql.instant(r[17]), ((Number) r[18]).intValue(), (String) r[19])).toList();
    }


}
