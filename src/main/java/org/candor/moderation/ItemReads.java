package org.candor.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;
import org.candor.policy.PublicActor;
import org.candor.review.ModeratedPosts;
import org.candor.review.PostContent;
import org.candor.review.StaffNotes;

/**
 * What an item's page reads beside its queue line ({@link QueueReads#row}): the content, its history, the author's
 * record, reports, redacted originals for admins, and the choices of its forms (staff, canned responses, offers).
 */
@ApplicationScoped
public class ItemReads {

    /** A step in an item's history. */
    public record Event(String action, String actorName, String note, Instant at) {

        public String actionKey() {
            return "queue_action_" + action;
        }

        /** Whether this is the item's creation, whose note says why it was queued ({@code tags/why.html}). */
        public boolean created() {
            return "CREATED".equals(action);
        }
    }

    /** One of the author's posts, with what staff did about it. */
    public record AuthorPost(long reviewId, Long commentId, String subjectSlug, String subjectName, String status,
            Instant at, long actions) {

        /** The message key of the post's status ({@code rev:status_*}). */
        public String statusKey() {
            return "status_" + status.toLowerCase(java.util.Locale.ROOT);
        }
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

        /** The message key of the role's name ({@code mod:role_*}). */
        public String roleKey() {
            return "role_" + role;
        }

    }

    /** A canned response a moderator may pick. */
    public record Canned(long id, String title, String body) {

        public String idText() {
            return Long.toString(id);
        }
    }

    /** Everything on an item's page. */
    public record Item(QueueReads.Row row, PostContent content, List<Event> history, List<AuthorPost> authorPosts,
            long authorPostCount, long authorActionCount, List<ReportLine> reports, List<RedactionLine> redactions,
            StaffNotes.Notes notes) {
    }

    private final EntityManager em;
    private final QueueReads queue;
    private final ModeratedPosts posts;
    private final StaffNotes staffNotes;

    ItemReads(EntityManager em, QueueReads queue, ModeratedPosts posts, StaffNotes staffNotes) {
        this.em = em;
        this.queue = queue;
        this.posts = posts;
        this.staffNotes = staffNotes;
    }

    /**
     * An item with its content, history, the author's record, reports and (for admins) redacted originals; empty when
     * it does not exist, refused (403) when {@code me} does not moderate its subject.
     */
    public Optional<Item> item(long itemId, long me, boolean admin) {
        Optional<QueueReads.Row> found = queue.row(itemId, me);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        QueueReads.Row row = found.get();
        PostContent content = posts.content(row.reviewId(), row.commentId()).orElseThrow();
        List<Event> history = Sql.tuples(em.createNativeQuery("""
                select e.action as action, a.display_name as actor, e.note as note, e.created_at as at from queue_event e
                left join account a on a.id = e.actor_id where e.item_id = ?1 order by e.id""", Tuple.class)
                .setParameter(1, itemId)).stream()
                .map(t -> new Event(Sql.text(t, "action"), Sql.text(t, "actor"), Sql.text(t, "note"), Sql.instant(t, "at")))
                .toList();
        List<AuthorPost> posts = Sql.tuples(em.createNativeQuery("""
                select p.review_id as review_id, p.comment_id as comment_id, s.slug as slug, s.name as name,
                    p.status as status, p.created_at as at,
                    (select count(*) from author_notice n where n.review_id = p.review_id
                        and n.comment_id is not distinct from p.comment_id) as actions
                from (select r.id review_id, null::bigint comment_id, r.subject_id, r.status, r.created_at
                        from review r where r.author_id = ?1
                      union all
                      select c.review_id, c.id, r.subject_id, c.status, c.created_at
                        from comment c join review r on r.id = c.review_id where c.author_id = ?1) p
                join subject s on s.id = p.subject_id
                order by p.created_at desc limit 10""".replace("null::bigint", "cast(null as bigint)"), Tuple.class)
                .setParameter(1, content.authorId())).stream()
                .map(t -> new AuthorPost(Sql.number(t, "review_id"), Sql.number(t, "comment_id"), Sql.text(t, "slug"),
                        Sql.text(t, "name"), Sql.text(t, "status"), Sql.instant(t, "at"), Sql.number(t, "actions")))
                .toList();
        Tuple totals = (Tuple) em.createNativeQuery("""
                select (select count(*) from review where author_id = ?1) + (select count(*) from comment where author_id = ?1)
                           as posts,
                       (select count(*) from author_notice where account_id = ?1) as actions""", Tuple.class)
                .setParameter(1, content.authorId()).getSingleResult();
        List<ReportLine> reports = Sql.tuples(em.createNativeQuery("""
                select p.reason as reason, p.details as details, a.display_name as reporter, p.created_at as at
                from report p join account a on a.id = p.reporter_id
                where p.review_id = ?1 and p.comment_id is not distinct from ?2 order by p.id""", Tuple.class)
                .setParameter(1, row.reviewId()).setParameter(2, row.commentId())).stream()
                .map(t -> new ReportLine(Sql.text(t, "reason"), Sql.text(t, "details"), Sql.text(t, "reporter"),
                        Sql.instant(t, "at"))).toList();
        List<RedactionLine> redactions = !admin ? List.of() : Sql.tuples(em.createNativeQuery("""
                select x.span as span, x.original as original, x.reason_code as reason_code,
                    coalesce(a.staff_handle, a.display_name) as handle, x.created_at as at
                from redaction x join account a on a.id = x.actor_id where x.review_id = ?1 order by x.id""", Tuple.class)
                .setParameter(1, row.reviewId())).stream()
                .map(t -> new RedactionLine(Sql.text(t, "span"), Sql.text(t, "original"), Sql.text(t, "reason_code"),
                        Sql.text(t, "handle"), Sql.instant(t, "at")))
                .toList();
        return Optional.of(new Item(row, content, history, posts, Sql.number(totals, "posts"), Sql.number(totals, "actions"),
                reports, redactions, staffNotes.about(List.of(row.reviewId()))));
    }

    /** Moderators and admins, for reassigning. */
    public List<Staff> staff() {
        return Sql.tuples(em.createNativeQuery("select id as id, display_name as name, role as role from account "
                + "where role <> 'CUSTOMER' order by display_name, id", Tuple.class)).stream()
                .map(t -> new Staff(Sql.number(t, "id"), Sql.text(t, "name"), PublicActor.role(Sql.text(t, "role")))).toList();
    }

    /** Canned responses this role may use, by category. */
    public List<Canned> canned(boolean admin) {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, category || ': ' || title as title, body as body from canned_response
                where active and (allowed_role = 'MODERATOR' or ?1) order by category, title, id""", Tuple.class)
                .setParameter(1, admin)).stream()
                .map(t -> new Canned(Sql.number(t, "id"), Sql.text(t, "title"), Sql.text(t, "body"))).toList();
    }

    /** Offers this role may grant. */
    public List<Canned> offers(boolean admin) {
        return Sql.tuples(em.createNativeQuery("""
                select id as id, name as title, description as body from offer_type
                where active and (allowed_role = 'MODERATOR' or ?1) order by name, id""", Tuple.class)
                .setParameter(1, admin)).stream()
                .map(t -> new Canned(Sql.number(t, "id"), Sql.text(t, "title"), Sql.text(t, "body"))).toList();
    }

    /** Items a moderator limited to some subjects sees: only theirs. */
}
