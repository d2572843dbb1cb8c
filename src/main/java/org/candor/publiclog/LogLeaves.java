package org.candor.publiclog;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import org.candor.Sql;

/** The log's leaves as their canonical bytes, without texts: how the transparency numbers read the log. */
@ApplicationScoped
public class LogLeaves {

    private final EntityManager em;

    LogLeaves(EntityManager em) {
        this.em = em;
    }

    /**
     * The leaves after {@code after}, oldest first, as their canonical bytes (no texts read): how the transparency
     * numbers read the log.
     */
    public List<byte[]> leaves(long after, int limit) {
        return leaves(Sql.tuples(em.createNativeQuery(LEAF_SELECT + " where e.seq > ?1 order by e.seq limit ?2",
                Tuple.class).setParameter(1, after).setParameter(2, limit)));
    }

    /** A subject an entry is about: its id and its address. */
    public record Subject(long id, String slug) {
    }

    /** The subjects of the entries after {@code after}, up to {@code through}. */
    public List<Subject> subjectsBetween(long after, long through) {
        return Sql.tuples(em.createNativeQuery("""
                select distinct subject_id as id, subject_slug as slug from log_entry
                 where seq > ?1 and seq <= ?2 and subject_id is not null and subject_slug is not null""", Tuple.class)
                .setParameter(1, after).setParameter(2, through)).stream()
                .map(t -> new Subject(Sql.number(t, "id"), Sql.text(t, "slug"))).toList();
    }

    /** The name of the subject with this address, if there is one. */
    public Optional<String> subjectName(String slug) {
        return Sql.tuples(em.createNativeQuery("select name as name from subject where slug = ?1", Tuple.class)
                .setParameter(1, slug)).stream().map(t -> Sql.text(t, "name")).findFirst();
    }

    /** The leaves of one subject's entries after {@code after}, up to {@code through}, oldest first. */
    public List<byte[]> leavesOfSubject(String slug, long after, long through, int limit) {
        return leaves(Sql.tuples(em.createNativeQuery(LEAF_SELECT + """
                 where e.subject_id = (select id from subject where slug = ?1) and e.seq > ?2 and e.seq <= ?3
                order by e.seq limit ?4""", Tuple.class).setParameter(1, slug).setParameter(2, after)
                .setParameter(3, through).setParameter(4, limit)));
    }

    private static List<byte[]> leaves(List<Tuple> rows) {
        return rows.stream().map(r -> new LogEntry(Sql.number(r, "seq"),
                        Sql.instant(r, "created_at"), LogKind.valueOf(Sql.text(r, "kind")), Sql.text(r, "subject_slug"),
                        Sql.number(r, "review_id"), Sql.number(r, "comment_id"), Sql.text(r, "actor_role"),
                        Sql.text(r, "actor_handle"), Sql.text(r, "reason_code"), Sql.text(r, "rule"),
                        r.get("policy_version") == null ? null : Sql.integer(r, "policy_version"),
                        commitmentOnly(r, "reason_commitment"), commitmentOnly(r, "body_commitment"),
                        Sql.number(r, "erases"), r.get("rating") == null ? null : Sql.integer(r, "rating"),
                        (byte[]) r.get("content_commitment"), null).canonicalBytes())
                .toList();
    }

    private static final String LEAF_SELECT = """
            select e.seq as seq, e.created_at as created_at, e.kind as kind, e.subject_slug as subject_slug,
                e.review_id as review_id, e.comment_id as comment_id, e.actor_role as actor_role,
                e.actor_handle as actor_handle, e.reason_code as reason_code, e.erases as erases, e.rule as rule,
                e.policy_version as policy_version, e.rating as rating, e.content_commitment as content_commitment,
                e.reason_text_commitment as reason_commitment, e.body_commitment as body_commitment
            from log_entry e""";

    private static LogText commitmentOnly(Tuple r, String column) {
        byte[] c = (byte[]) r.get(column);
        return c == null ? null : new LogText(null, null, c);
    }

}
