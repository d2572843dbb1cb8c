package org.candor.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.candor.Sql;
import org.candor.policy.PublicActor;

/**
 * What staff attached to reviews and comments, as the public sees it: official replies, annotations, and the notice
 * that stands in for hidden content. Read in three queries for a whole page of reviews, never one per review.
 */
@ApplicationScoped
public class StaffNotes {

    /**
     * An official reply or an annotation. {@code handle} is the staff member's public handle, or null when the policy
     * shows staff by role only.
     */
    public record Note(long id, long reviewId, Long commentId, String body, String role, String handle, Instant at) {

        public String roleKey() {
            return "role_" + role;
        }
    }

    /** Why content is hidden: who (role and handle), when, which rule, and why in words. */
    public record HideNotice(String role, String handle, Instant at, ReasonCode reason, String text) {

        public String roleKey() {
            return "role_" + role;
        }
    }

    /** The notes of a set of reviews and their comments. */
    public record Notes(Map<Long, List<Note>> replies, Map<Long, List<Note>> reviewAnnotations,
            Map<Long, List<Note>> commentAnnotations, Map<Long, HideNotice> reviewNotices,
            Map<Long, HideNotice> commentNotices) {

        public static final Notes NONE = new Notes(Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

        public List<Note> repliesTo(long reviewId) {
            return replies.getOrDefault(reviewId, List.of());
        }

        public List<Note> annotationsOf(long reviewId) {
            return reviewAnnotations.getOrDefault(reviewId, List.of());
        }

        public List<Note> annotationsOfComment(long commentId) {
            return commentAnnotations.getOrDefault(commentId, List.of());
        }
    }

    private final EntityManager em;
    private final PublicActor publicActor;

    StaffNotes(EntityManager em, PublicActor publicActor) {
        this.em = em;
        this.publicActor = publicActor;
    }

    public Notes about(Collection<Long> reviewIds) {
        if (reviewIds.isEmpty()) {
            return Notes.NONE;
        }
        List<Long> ids = List.copyOf(reviewIds);
        boolean byHandle = publicActor.byHandle();
        Map<Long, List<Note>> replies = new HashMap<>();
        Map<Long, List<Note>> reviewAnnotations = new HashMap<>();
        Map<Long, List<Note>> commentAnnotations = new HashMap<>();
        for (Object[] r : rows("""
                select 'R', n.id, n.review_id, cast(null as bigint), n.body, a.role, coalesce(a.staff_handle, a.display_name), n.created_at
                from official_reply n join account a on a.id = n.author_id where n.review_id in (:ids)
                union all
                select 'A', n.id, n.review_id, n.comment_id, n.body, a.role, coalesce(a.staff_handle, a.display_name), n.created_at
                from annotation n join account a on a.id = n.author_id where n.review_id in (:ids)
                order by 2""", ids)) {
            Note note = new Note(((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                    r[3] == null ? null : ((Number) r[3]).longValue(), (String) r[4], PublicActor.role((String) r[5]),
                    byHandle ? (String) r[6] : null, Sql.instant(r[7]));
            if ("R".equals(r[0])) {
                replies.computeIfAbsent(note.reviewId(), k -> new ArrayList<>()).add(note);
            } else if (note.commentId() == null) {
                reviewAnnotations.computeIfAbsent(note.reviewId(), k -> new ArrayList<>()).add(note);
            } else {
                commentAnnotations.computeIfAbsent(note.commentId(), k -> new ArrayList<>()).add(note);
            }
        }
        Map<Long, HideNotice> reviewNotices = new HashMap<>();
        Map<Long, HideNotice> commentNotices = new HashMap<>();
        // the latest visibility change of each hidden review or comment is the hide that explains it
        for (Object[] r : rows("""
                select distinct on (v.review_id, coalesce(v.comment_id, 0))
                    v.review_id, v.comment_id, v.action, a.role, coalesce(a.staff_handle, a.display_name),
                    v.created_at, v.reason_code, v.reason_text
                from visibility_change v join account a on a.id = v.actor_id
                where v.review_id in (:ids)
                order by v.review_id, coalesce(v.comment_id, 0), v.id desc""", ids)) {
            if (!"HIDE".equals(r[2])) {
                continue;
            }
            HideNotice notice = new HideNotice(PublicActor.role((String) r[3]), byHandle ? (String) r[4] : null, Sql.instant(r[5]),
                    ReasonCode.parse((String) r[6]), (String) r[7]);
            if (r[1] == null) {
                reviewNotices.put(((Number) r[0]).longValue(), notice);
            } else {
                commentNotices.put(((Number) r[1]).longValue(), notice);
            }
        }
        return new Notes(replies, reviewAnnotations, commentAnnotations, reviewNotices, commentNotices);
    }

    private List<Object[]> rows(String sql, List<Long> ids) {
        return Sql.rows(em.createNativeQuery(sql).setParameter("ids", ids));
    }
}
