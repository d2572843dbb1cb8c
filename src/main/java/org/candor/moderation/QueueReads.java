package org.candor.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import io.quarkus.security.ForbiddenException;

import org.candor.Sql;
import org.candor.web.Fragment;

/** What moderators read: the queue's tabs and one item with everything needed to decide. Projections only. */
@ApplicationScoped
public class QueueReads {

    /** Items on one tab. */
    public static final int TAB_SIZE = 100;

    /** One line of the queue. {@code claimedBy} is empty when nobody holds a live claim. */
    public record Row(long id, ItemKind kind, String why, boolean open, boolean escalated, long reviewId, Long commentId,
            String subjectSlug, String subjectName, int rating, String text, String authorName, Instant createdAt,
            Instant dueAt, Long claimedById, String claimedBy, String resolution, Instant resolvedAt, int version,
            String matched, Long appealId, Long legalNoticeId) {

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

    private final EntityManager em;
    private final Claims claims;

    QueueReads(EntityManager em, Claims claims) {
        this.em = em;
        this.claims = claims;
    }

    /** A page of a tab, and where the next one starts (null on the last page). */
    public record Page(List<Row> rows, QueueFilter.Cursor next) {
    }

    /** A tab's first page, most urgent first. */
    public List<Row> tab(QueueTab tab, long me) {
        return tab(tab, QueueFilter.NONE, me).rows();
    }

    /**
     * A page of a tab narrowed by {@code filter}: most urgent first (least time left to the target), Done newest-resolved
     * first; pages follow one another by the last item shown (keyset), whatever comes and goes meanwhile.
     */
    public Page tab(QueueTab tab, QueueFilter filter, long me) {
        return tab(tab, filter, me, scope(me));
    }

    /** A page of a tab and how many items each tab holds, as {@link #tab} and {@link #counts} say. */
    public record View(Page page, Map<QueueTab, String> counts) {
    }

    /** A queue view's page and tab counts, the moderator's subjects read once for both. */
    public View view(QueueTab tab, QueueFilter filter, long me) {
        String scope = scope(me);
        return new View(tab(tab, filter, me, scope), counts(me, scope));
    }

    private Page tab(QueueTab tab, QueueFilter filter, long me, String scope) {
        boolean done = tab == QueueTab.DONE;
        StringBuilder where = new StringBuilder(" where ").append(tab.where);
        Map<String, Object> params = new java.util.HashMap<>();
        if (scope != null) {
            where.append(" and i.subject_id = any(cast(:scope as bigint[]))");
            params.put("scope", scope);
        }
        if (filter.subject() != null) {
            where.append(" and (s.slug = :subject or lower(s.name) = lower(:subject))");
            params.put("subject", filter.subject());
        }
        if (filter.rating() != null) {
            where.append(" and i.comment_id is null and r.rating = :rating");
            params.put("rating", filter.rating());
        }
        if ("words".equals(filter.rule())) {
            where.append(" and (i.why like 'word %' or i.why like 'pattern %')");
        } else if (filter.rule() != null) {
            where.append(" and i.why = :rule");
            params.put("rule", filter.rule());
        }
        if (filter.age() != null) {
            where.append(" and i.created_at < now() - cast(:age as interval)");
            params.put("age", filter.interval());
        }
        if (filter.words() != null) {
            where.append(" and strpos(lower(coalesce(c.body, r.body) || ' ' || coalesce(r.title, '')), lower(:words)) > 0");
            params.put("words", filter.words());
        }
        if (filter.after() != null) {
            where.append(done ? " and (i.resolved_at, i.id) < (:afterAt, :afterId)" : " and (i.due_at, i.id) > (:afterAt, :afterId)");
            params.put("afterAt", java.time.OffsetDateTime.ofInstant(filter.after().at(), java.time.ZoneOffset.UTC));
            params.put("afterId", filter.after().id());
        }
        String order = done ? "i.resolved_at desc, i.id desc" : "i.due_at, i.id";
        var query = em.createNativeQuery(ROW.formatted("true") + where + " order by " + order + " limit " + (TAB_SIZE + 1),
                Tuple.class);
        bind(query, me);
        if (tab == QueueTab.MINE) {
            query.setParameter("me", me);
        }
        params.forEach(query::setParameter);
        List<Row> rows = rows(query);
        if (rows.size() <= TAB_SIZE) {
            return new Page(rows, null);
        }
        Row last = rows.get(TAB_SIZE - 1);
        return new Page(rows.subList(0, TAB_SIZE), new QueueFilter.Cursor(done ? last.resolvedAt() : last.dueAt(), last.id()));
    }

    /**
     * The names of the subjects this moderator moderates (at most 1,000, by name) as the queue's subject picker's
     * options, escaped once when read. Remembered for a minute per moderator ({@code queue-subject-names}): a new
     * subject reaches the picker that late.
     */
    @SuppressWarnings("unchecked")
    @io.quarkus.cache.CacheResult(cacheName = "queue-subject-names")
    public String subjectOptions(long me) {
        StringBuilder html = new StringBuilder();
        for (Object name : (List<Object>) em.createNativeQuery("""
                select s.name from subject s, account m where m.id = ?1
                    and coalesce(s.id = any(m.scope_subject_ids), true) order by s.name limit 1000""")
                .setParameter(1, me).getResultList()) {
            html.append("<option value=\"").append(Fragment.escape(String.valueOf(name))).append("\"></option>");
        }
        return html.toString();
    }

    /**
     * The item to go to after this one: the most urgent other open item this moderator may act on (in scope, not held
     * by a colleague), in the order of the queue.
     */
    public Optional<Long> next(long itemId, long me) {
        String scope = scope(me);
        var query = em.createNativeQuery("select i.id from queue_item i where i.status = 'OPEN' and i.id <> :id"
                + (scope == null ? "" : " and i.subject_id = any(cast(:scope as bigint[]))")
                + " and (i.claimed_by is null or i.claimed_by = :me or not (" + Claims.LIVE + "))"
                + " order by i.due_at, i.created_at, i.id limit 1").setParameter("id", itemId).setParameter("me", me);
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        claims.bind(query);
        return query.getResultList().stream().findFirst().map(n -> ((Number) n).longValue());
    }

    /**
     * Tab counts stop here, at one page of a tab: beyond it a tab says "100+" (the rating bands above the tabs say how
     * many wait in all), and counting costs the same however long the queue is: counting to 1,000 in five tabs was
     * most of a queue view's cost at 50,000 open items (bench/profile).
     */
    public static final int COUNT_CAP = TAB_SIZE;

    /**
     * How many open items each tab holds, up to {@link #COUNT_CAP} ("100+" beyond): one statement, each tab counted
     * along its own index, in its order (so no plan reads the table instead), and never further than the cap.
     */
    public Map<QueueTab, String> counts(long me) {
        return counts(me, scope(me));
    }

    private Map<QueueTab, String> counts(long me, String scope) {
        List<QueueTab> tabs = java.util.Arrays.stream(QueueTab.values()).filter(t -> t != QueueTab.DONE).toList();
        StringBuilder sql = new StringBuilder("select ");
        for (QueueTab tab : tabs) {
            sql.append(tab.ordinal() == 0 ? "" : ", ").append("(select count(*) from (select 1 from queue_item i where ")
                    .append(tab.where).append(scope == null ? "" : " and i.subject_id = any(cast(:scope as bigint[]))")
                    .append(" order by ").append(tab == QueueTab.MINE ? "i.due_at" : "i.due_at, i.id")
                    .append(" limit ").append(COUNT_CAP + 1).append(") x) as ").append(tab.name());
        }
        var query = em.createNativeQuery(sql.toString(), Tuple.class).setParameter("me", me);
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        claims.bind(query);
        Tuple row = Sql.tuples(query).get(0);
        Map<QueueTab, String> counts = new java.util.EnumMap<>(QueueTab.class);
        for (QueueTab tab : tabs) {
            long n = Sql.number(row, tab.name());
            counts.put(tab, n > COUNT_CAP ? COUNT_CAP + "+" : Long.toString(n));
        }
        return counts;
    }

    /**
     * The subjects {@code me} moderates, as a PostgreSQL array literal for {@code cast(:scope as bigint[])}; null when
     * they moderate every subject. Read once per page, not once per item.
     */
    private String scope(long me) {
        List<?> found = em.createNativeQuery("select cast(scope_subject_ids as text) from account where id = ?1")
                .setParameter(1, me).getResultList();
        return found.isEmpty() ? "{}" : (String) found.get(0);
    }

    /**
     * One line of the queue, if it exists; refused (403) when {@code me} does not moderate its subject, before anything
     * about the item is read for them.
     */
    public Optional<Row> row(long itemId, long me) {
        var query = em.createNativeQuery(ROW.formatted(SCOPE) + " where i.id = :id", Tuple.class).setParameter("id", itemId)
                .setParameter("me", me);
        bind(query, me);
        List<Tuple> found = Sql.tuples(query);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!Sql.bool(found.get(0), "in_scope")) {
            throw new ForbiddenException("this moderator does not moderate the item's subject");
        }
        return Optional.of(row(found.get(0)));
    }

    /** What waits for a moderator in one rating band (1–2, 3, 4–5 stars; comments count as 3): how many, since when. */
    public record Band(String band, long waiting, Instant oldest) {

        public String labelKey() {
            return "queue_band_" + band;
        }
    }

    /**
     * Held posts and reviews awaiting a reply in the subjects {@code me} moderates, per rating band. It reads every such
     * item (their stars are on the item: no join), so it is remembered for ten seconds per moderator
     * ({@code queue-bands} cache): the queue page's cost does not grow with the backlog on every view.
     */
    @io.quarkus.cache.CacheResult(cacheName = "queue-bands")
    public List<Band> bands(long me) {
        String scope = scope(me);
        var query = em.createNativeQuery("""
                select b.band as band, count(*) as waiting, min(i.created_at) as oldest
                from queue_item i
                cross join lateral (select case when i.comment_id is not null or i.rating = 3 then 'mid'
                    when i.rating <= 2 then 'low' else 'high' end as band) b
                where i.status = 'OPEN' and i.tab in ('HELD', 'REPLY')""" + (scope == null ? "" : """
                 and i.subject_id = any(cast(:scope as bigint[]))""") + """
                 group by b.band order by min(case b.band when 'low' then 1 when 'mid' then 2 else 3 end)""",
                Tuple.class);
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        return Sql.tuples(query).stream()
                .map(t -> new Band(Sql.text(t, "band"), Sql.number(t, "waiting"), Sql.instant(t, "oldest"))).toList();
    }

    private static final String SCOPE = """
            (select coalesce(r.subject_id = any(m.scope_subject_ids), true) from account m where m.id = :me)""";

    private static final String ROW = """
            select i.id as id, i.kind as kind, i.why as why, i.status = 'OPEN' as open, i.escalated as escalated,
                i.review_id as review_id, i.comment_id as comment_id, s.slug as subject_slug, s.name as subject_name,
                case when i.comment_id is null then r.rating else 0 end as rating, coalesce(c.body, r.body) as text,
                author.display_name as author_name, i.created_at as created_at, i.due_at as due_at,
                case when %1$s then i.claimed_by end as claimed_by_id,
                case when %1$s then claimer.display_name end as claimed_by,
                i.resolution as resolution, i.resolved_at as resolved_at, i.version as version, i.matched as matched,
                i.appeal_id as appeal_id, i.legal_notice_id as legal_notice_id,
                %%s as in_scope
            from queue_item i
            join review r on r.id = i.review_id
            join subject s on s.id = r.subject_id
            left join comment c on c.id = i.comment_id
            join account author on author.id = coalesce(c.author_id, r.author_id)
            left join account claimer on claimer.id = i.claimed_by""".formatted(Claims.LIVE);

    private void bind(jakarta.persistence.Query query, long me) {
        claims.bind(query);
    }

    /** Queue lines from a query on {@link #ROW} created with {@code Tuple.class}. */
    private List<Row> rows(jakarta.persistence.Query query) {
        return Sql.tuples(query).stream().map(QueueReads::row).toList();
    }

    private static Row row(Tuple t) {
        return new Row(Sql.number(t, "id"), ItemKind.valueOf(Sql.text(t, "kind")),
                Sql.text(t, "why"), Sql.bool(t, "open"), Sql.bool(t, "escalated"), Sql.number(t, "review_id"),
                Sql.number(t, "comment_id"), Sql.text(t, "subject_slug"), Sql.text(t, "subject_name"),
                Sql.integer(t, "rating"), Sql.text(t, "text"), Sql.text(t, "author_name"), Sql.instant(t, "created_at"),
                Sql.instant(t, "due_at"), Sql.number(t, "claimed_by_id"), Sql.text(t, "claimed_by"),
                Sql.text(t, "resolution"), Sql.instant(t, "resolved_at"), Sql.integer(t, "version"),
                Sql.text(t, "matched"), Sql.number(t, "appeal_id"), Sql.number(t, "legal_notice_id"));
    }


}
