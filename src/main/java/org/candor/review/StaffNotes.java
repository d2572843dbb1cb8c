package org.candor.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;
import org.candor.policy.PublicActor;
import org.candor.policy.ReasonCode;

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
    public record Note(long id, long reviewId, Long commentId, String body, String role, String handle, Instant at,
            PublicReasons reasons) {

        public String roleKey() {
            return "role_" + role;
        }
    }

    /**
     * The public part of a restriction's statement of reasons, beyond who, when and why: the version of the rules
     * applied, the law when one was, how the post was detected and how far the decision was automated, and the log
     * entry that commits to the whole statement.
     */
    public record PublicReasons(Integer rulesVersion, String legalGround, String detection, String automation,
            Long logSeq) {

        static PublicReasons of(Tuple t) {
            Long version = Sql.number(t, "s_version");
            String detection = Sql.text(t, "s_detection");
            return detection == null ? null : new PublicReasons(version == null ? null : version.intValue(),
                    Sql.text(t, "s_law"), detection, Sql.text(t, "s_automation"), Sql.number(t, "s_log"));
        }

        public String detectionKey() {
            return "sor_detection_" + detection;
        }

        public String automationKey() {
            return "sor_automation_" + automation;
        }

        public String logLink() {
            return logSeq == null ? null : "/log?before=" + (logSeq + 1) + "#entry-" + logSeq;
        }
    }

    /** Columns of {@link PublicReasons} from {@code reasons_statement s}. */
    private static final String REASON_COLUMNS = """
            s.policy_version as s_version, s.legal_ground as s_law, s.detection as s_detection,
            s.automation as s_automation, s.log_seq as s_log""";

    /** Why content is hidden: who (role and handle), when, which rule, and why in words; and the statement's public part. */
    public record HideNotice(String role, String handle, Instant at, ReasonCode reason, String text,
            PublicReasons reasons) {

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
        String ids = Sql.bigints(reviewIds);
        boolean byHandle = publicActor.byHandle();
        Map<Long, List<Note>> replies = new HashMap<>();
        Map<Long, List<Note>> reviewAnnotations = new HashMap<>();
        Map<Long, List<Note>> commentAnnotations = new HashMap<>();
        for (Tuple r : rows("""
                select 'R' as what, n.id as id, n.review_id as review_id, cast(null as bigint) as comment_id,
                    n.body as body, a.role as role, coalesce(a.staff_handle, a.display_name) as handle, n.created_at as at,
                    cast(null as integer) as s_version, cast(null as text) as s_law, cast(null as text) as s_detection,
                    cast(null as text) as s_automation, cast(null as bigint) as s_log
                from official_reply n join lateral (%2$s) a on true where n.review_id = any(cast(:ids as bigint[]))
                union all
                select 'A', n.id, n.review_id, n.comment_id, n.body, a.role, coalesce(a.staff_handle, a.display_name), n.created_at,
                    %1$s
                from annotation n join lateral (%2$s) a on true
                left join reasons_statement s on s.id = n.statement_id
                where n.review_id = any(cast(:ids as bigint[])) and n.withdrawn_at is null
                order by 2""".formatted(REASON_COLUMNS, AUTHOR), ids)) {
            Note note = new Note(Sql.number(r, "id"), Sql.number(r, "review_id"), Sql.number(r, "comment_id"), Sql.text(r, "body"),
                    PublicActor.role(Sql.text(r, "role")), byHandle ? Sql.text(r, "handle") : null, Sql.instant(r, "at"),
                    PublicReasons.of(r));
            if ("R".equals(Sql.text(r, "what"))) {
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
        for (Tuple r : rows("""
                select distinct on (v.review_id, coalesce(v.comment_id, 0))
                    v.review_id as review_id, v.comment_id as comment_id, v.action as action, a.role as role,
                    coalesce(a.staff_handle, a.display_name) as handle, v.created_at as at, v.reason_code as reason_code,
                    v.reason_text as reason_text, %1$s
                from visibility_change v join lateral (%2$s) a on true
                left join reasons_statement s on s.id = v.statement_id
                where v.review_id = any(cast(:ids as bigint[]))
                order by v.review_id, coalesce(v.comment_id, 0), v.id desc""".formatted(REASON_COLUMNS,
                AUTHOR.replace("n.author_id", "v.actor_id")), ids)) {
            if (!"HIDE".equals(Sql.text(r, "action"))) {
                continue;
            }
            HideNotice notice = new HideNotice(PublicActor.role(Sql.text(r, "role")),
                    byHandle ? Sql.text(r, "handle") : null, Sql.instant(r, "at"),
                    ReasonCode.parse(Sql.text(r, "reason_code")), Sql.text(r, "reason_text"), PublicReasons.of(r));
            Long comment = Sql.number(r, "comment_id");
            if (comment == null) {
                reviewNotices.put(Sql.number(r, "review_id"), notice);
            } else {
                commentNotices.put(comment, notice);
            }
        }
        return new Notes(replies, reviewAnnotations, commentAnnotations, reviewNotices, commentNotices);
    }

    /**
     * The staff member who wrote note {@code n}, looked up by id for each note ({@code offset 0} keeps PostgreSQL from
     * turning it back into a join): staff accounts are few and their ids may be anywhere, and a join planned from the
     * notes' statistics walked the account index from the first id to a new staff member's (SignedInQueryPlansTest).
     */
    private static final String AUTHOR = "select a.role, a.staff_handle, a.display_name from account a where a.id = n.author_id offset 0";

    private List<Tuple> rows(String sql, String ids) {
        return Sql.tuples(em.createNativeQuery(sql, Tuple.class).setParameter("ids", ids));
    }
}
