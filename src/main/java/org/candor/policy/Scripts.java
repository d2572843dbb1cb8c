package org.candor.policy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import org.candor.Sql;
import org.candor.account.Account;
import org.candor.account.Role;
import org.candor.policy.PolicyChanges.StaleException;

/**
 * What staff may say and offer: canned responses and offers. Both are the same kind of admin item ({@link Kind}):
 * created, edited against the version the admin saw, retired (never deleted), each change a policy version on the
 * public log; which role may use an item is part of it.
 */
@ApplicationScoped
public class Scripts {

    /** A placeholder in a canned response or a reply: {@code {customer}}, {@code {subject}}. */
    public static final java.util.regex.Pattern PLACEHOLDER = java.util.regex.Pattern.compile("\\{([^{}\\s]{1,40})\\}");

    /** The placeholders that are filled in: the customer's name and the subject's. */
    public static final java.util.Set<String> PLACEHOLDERS = java.util.Set.of("customer", "subject");

    /** Whether the text uses a placeholder nobody fills in (a customer would read "{ordernumber}"). */
    public static boolean unknownPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).results().anyMatch(m -> !PLACEHOLDERS.contains(m.group(1)));
    }

    /** A kind of versioned admin item: its table, what it is called, and its text columns (the last is the role). */
    public enum Kind {
        CANNED("canned_response", "change_canned", "title", "body", "category"),
        OFFER("offer_type", "change_offer", "name", "description");

        final String table;
        /** The start of the keys of its changes' messages ({@code change_canned_created}). */
        final String key;
        final List<String> columns;

        Kind(String table, String key, String... columns) {
            this.table = table;
            this.key = key;
            this.columns = List.of(columns);
        }

        /** The column that names an item in the log ({@code title}, {@code name}). */
        String nameColumn() {
            return columns.get(0);
        }
    }

    public record Canned(long id, String title, String body, String category, String allowedRole, boolean active,
            long uses, int version) {
    }

    public record Offer(long id, String name, String description, String allowedRole, boolean active, long grants,
            int version) {
    }

    /** One line of the offer-consistency view: a kind of complaint at a rating, and what it got. */
    public record ConsistencyRow(String complaint, int rating, long replied, String offers, long withoutOffer,
            List<Long> withoutOfferReviews) {

        /** The message key of the complaint's label ({@code mod:complaint_*}). */
        public String complaintKey() {
            return "complaint_" + complaint;
        }

    }

    private final EntityManager em;
    private final PolicyChanges changes;

    Scripts(EntityManager em, PolicyChanges changes) {
        this.em = em;
        this.changes = changes;
    }

    public List<Canned> canned() {
        return Sql.tuples(em.createNativeQuery("""
                select c.id as id, c.title as title, c.body as body, c.category as category,
                    c.allowed_role as allowed_role, c.active as active,
                    (select count(*) from official_reply r where r.canned_id = c.id) as uses, c.version as version
                from canned_response c order by c.active desc, c.category, c.title, c.id""", Tuple.class)).stream()
                .map(t -> new Canned(Sql.number(t, "id"), Sql.text(t, "title"), Sql.text(t, "body"), Sql.text(t, "category"),
                        Sql.text(t, "allowed_role"), Sql.bool(t, "active"), Sql.number(t, "uses"), Sql.integer(t, "version")))
                .toList();
    }

    public Optional<Canned> canned(long id) {
        return canned().stream().filter(c -> c.id() == id).findFirst();
    }

    public List<Offer> offers() {
        return Sql.tuples(em.createNativeQuery("""
                select o.id as id, o.name as name, o.description as description, o.allowed_role as allowed_role,
                    o.active as active, (select count(*) from offer_grant g where g.offer_type_id = o.id) as grants,
                    o.version as version
                from offer_type o order by o.active desc, o.name, o.id""", Tuple.class)).stream()
                .map(t -> new Offer(Sql.number(t, "id"), Sql.text(t, "name"), Sql.text(t, "description"),
                        Sql.text(t, "allowed_role"), Sql.bool(t, "active"), Sql.number(t, "grants"), Sql.integer(t, "version")))
                .toList();
    }

    public Optional<Offer> offer(long id) {
        return offers().stream().filter(o -> o.id() == id).findFirst();
    }

    @Transactional
    public long saveCanned(long adminId, Long id, Integer seenVersion, String title, String body, String category,
            Role allowed) {
        return save(Kind.CANNED, adminId, id, seenVersion, allowed, title, body, category);
    }

    @Transactional
    public long saveOffer(long adminId, Long id, Integer seenVersion, String name, String description, Role allowed) {
        return save(Kind.OFFER, adminId, id, seenVersion, allowed, name, description == null ? "" : description);
    }

    /** Retires an item: staff can no longer use it; what was sent with it stays as it was. */
    @Transactional
    public void retire(Kind kind, long adminId, long id) {
        Account admin = changes.admin(adminId);
        Object name = em.createNativeQuery("update " + kind.table + " set active = false, retired_at = now(), "
                + "version = version + 1 where id = ?1 and active returning " + kind.nameColumn()).setParameter(1, id)
                .getResultList().stream().findFirst().orElse(null);
        if (name != null) {
            changes.changed(admin, ChangeSummary.of(kind.key + "_retired", name), null, null);
        }
    }

    /** Creates an item ({@code id} null) or edits it against the version the admin saw. */
    private long save(Kind kind, long adminId, Long id, Integer seenVersion, Role allowed, String... texts) {
        Account admin = changes.admin(adminId);
        Map<String, Object> after = values(kind, Arrays.stream(texts).map(String::strip).toList(), allowed.name());
        String name = (String) after.get(kind.nameColumn());
        if (id == null) {
            Query insert = em.createNativeQuery("insert into " + kind.table + " (" + String.join(", ", kind.columns)
                    + ", allowed_role) values (" + markers(kind.columns.size() + 1, 1, ", ") + ") returning id");
            bind(insert, List.copyOf(after.values()), 1);
            long created = ((Number) insert.getSingleResult()).longValue();
            changes.changed(admin, ChangeSummary.of(kind.key + "_created", name, ChangeSummary.label(allowed)), null,
                    changes.detail(null, after));
            return created;
        }
        Tuple row = Sql.tuples(em.createNativeQuery("select " + String.join(", ", kind.columns)
                + ", allowed_role from " + kind.table + " where id = ?1", Tuple.class).setParameter(1, id))
                .stream().findFirst().orElseThrow(NotFoundException::new);
        Map<String, Object> before = values(kind, kind.columns.stream().map(c -> Sql.text(row, c)).toList(),
                Sql.text(row, "allowed_role"));
        int n = bind(em.createNativeQuery("update " + kind.table + " set " + assignments(kind)
                + ", version = version + 1 where id = ?" + (kind.columns.size() + 2) + " and version = ?"
                + (kind.columns.size() + 3)), List.copyOf(after.values()), 1)
                .setParameter(kind.columns.size() + 2, id).setParameter(kind.columns.size() + 3, seenVersion)
                .executeUpdate();
        if (n == 0) {
            throw new StaleException();
        }
        changes.changed(admin, ChangeSummary.of(kind.key + "_edited", name), null, changes.detail(before, after));
        return id;
    }

    /** Per complaint and rating: how many replies, which offers were granted, and which similar ones got none. */
    public List<ConsistencyRow> consistency() {
        return Sql.tuples(em.createNativeQuery("""
                select coalesce(r.complaint, 'OTHER') as complaint, v.rating as rating,
                    count(distinct r.review_id) as replied,
                    coalesce(string_agg(distinct o.name, ', '), '') as offers,
                    count(distinct r.review_id) filter (where not exists (select 1 from offer_grant g2 where g2.review_id = r.review_id))
                        as without_offer,
                    array_to_string((array_agg(distinct r.review_id) filter (where not exists
                        (select 1 from offer_grant g3 where g3.review_id = r.review_id)))[1:20], ',') as without_offer_reviews
                from official_reply r join review v on v.id = r.review_id
                left join offer_grant g on g.review_id = r.review_id left join offer_type o on o.id = g.offer_type_id
                group by 1, 2 order by 1, 2""", Tuple.class)).stream()
                .map(t -> {
                    String ids = Sql.text(t, "without_offer_reviews");
                    return new ConsistencyRow(Sql.text(t, "complaint"), Sql.integer(t, "rating"), Sql.number(t, "replied"),
                            Sql.text(t, "offers"), Sql.number(t, "without_offer"), ids == null || ids.isEmpty() ? List.of()
                                    : Arrays.stream(ids.split(",")).map(Long::valueOf).toList());
                })
                .toList();
    }

    /** An item's values by column, the role last (as {@code policy_version.detail} records them). */
    private static Map<String, Object> values(Kind kind, List<String> texts, String role) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < kind.columns.size(); i++) {
            values.put(kind.columns.get(i), texts.get(i));
        }
        values.put("allowed_role", role);
        return values;
    }

    /** {@code col1 = ?1, col2 = ?2, ..., allowed_role = ?n}. */
    private static String assignments(Kind kind) {
        StringBuilder sql = new StringBuilder();
        List<String> columns = new java.util.ArrayList<>(kind.columns);
        columns.add("allowed_role");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i)).append(" = ?").append(i + 1);
        }
        return sql.toString();
    }

    private static String markers(int count, int from, String separator) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : separator).append('?').append(from + i);
        }
        return sql.toString();
    }

    private static Query bind(Query query, List<Object> values, int from) {
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(from + i, values.get(i));
        }
        return query;
    }
}
