package org.candor.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;

import org.candor.Sql;

/**
 * Everything Candor holds about one customer, for them to take away (GDPR Art. 15 and 20): their account, every
 * version of their reviews, their comments, helpful marks, reports, what moderators told them with the statements of
 * reasons, their appeals, and the content salts that open the public log's commitments to their posts (so they alone
 * can prove what they wrote was received).
 */
@ApplicationScoped
public class MyData {

    private final EntityManager em;

    MyData(EntityManager em) {
        this.em = em;
    }

    /** The account's data, section by section, as JSON-ready maps. */
    public Map<String, Object> of(long accountId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("account", rows("""
                select id, provider, display_name, email, email_verified, role, created_at from account where id = ?1""",
                accountId).stream().findFirst().orElse(Map.of()));
        data.put("reviews", rows("""
                select r.id, s.slug as subject, r.rating, r.title, r.body, r.status, r.created_at, r.updated_at
                from review r join subject s on s.id = r.subject_id where r.author_id = ?1 order by r.id""", accountId));
        data.put("reviewVersions", rows("""
                select v.review_id, v.revision, v.rating, v.title, v.body, v.created_at
                from review_version v join review r on r.id = v.review_id where r.author_id = ?1
                order by v.review_id, v.revision""", accountId));
        data.put("comments", rows("""
                select id, review_id, body, status, created_at from comment where author_id = ?1 order by id""", accountId));
        data.put("helpfulMarks", rows("""
                select review_id, active, changed_at from helpful_vote where account_id = ?1 order by review_id""",
                accountId));
        data.put("reports", rows("""
                select id, review_id, comment_id, reason, details, status, decision, decision_reason, created_at, decided_at
                from report where reporter_id = ?1 order by id""", accountId));
        data.put("toldByModerators", rows("""
                select review_id, comment_id, action, reason_code, message, statement_id, created_at
                from author_notice where account_id = ?1 order by id""", accountId));
        data.put("statementsOfReasons", rows("""
                select id, review_id, comment_id, restriction, visibility, starts_at, ends_at, ended_by, facts, ground,
                    reason_code, rule, legal_ground, policy_version, detection, automation, appeal_until, log_seq
                from reasons_statement where account_id = ?1 order by id""", accountId));
        data.put("appeals", rows("""
                select id, statement_id, report_id, explanation, status, decision_reason, created_at, decided_at
                from appeal where appellant_id = ?1 order by id""", accountId));
        data.put("logCommitmentSalts", rows("""
                select e.seq, e.kind, e.review_id, e.comment_id, encode(c.salt, 'hex') as salt
                from log_entry e join log_content_salt c on c.seq = e.seq and c.salt is not null
                left join comment m on m.id = e.comment_id
                join review r on r.id = e.review_id
                where (e.comment_id is null and r.author_id = ?1) or m.author_id = ?1 order by e.seq""", accountId));
        return data;
    }

    private List<Map<String, Object>> rows(String sql, long accountId) {
        return Sql.tuples(em.createNativeQuery(sql, Tuple.class).setParameter(1, accountId)).stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            for (TupleElement<?> e : t.getElements()) {
                Object v = t.get(e.getAlias());
                row.put(camel(e.getAlias()), v instanceof java.sql.Timestamp ts ? ts.toInstant().toString()
                        : v instanceof java.time.OffsetDateTime o ? o.toInstant().toString()
                        : v instanceof java.time.Instant i ? i.toString() : v);
            }
            return row;
        }).toList();
    }

    private static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }
}
