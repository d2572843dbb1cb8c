package org.candor.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import io.quarkus.qute.RawString;

import org.candor.Sql;

/**
 * Full-text search of published reviews (PostgreSQL, English and Spanish stems of the title and body, V16), ranked,
 * with highlighted snippets, filtered by rating, label and subject, and keyset-paged by (rank, id). Ranking is bounded:
 * the newest {@value #CANDIDATES} matches are ranked, so a word found in half a million reviews costs what a rare one
 * does.
 */
@ApplicationScoped
public class ReviewSearch {

    public static final int PAGE = 20;
    public static final int MAX_QUERY = 200;
    static final int CANDIDATES = 1000;
    private static final char START = '\u0002';
    private static final char STOP = '\u0003';

    /** What to look for. {@code label}: verified, invited, incentive or staff; {@code after}: "rank:id" of the last. */
    public record Query(String words, Integer rating, String label, String subject, String after) {

        public boolean blank() {
            return words == null || words.isBlank();
        }
    }

    /** One review found. */
    public record Hit(long id, String subjectSlug, String subjectName, int rating, String title, String snippet,
            String author, Instant createdAt, boolean verifiedPurchase, boolean invited, String incentive,
            boolean staff, float rank) {

        /** The snippet, escaped, with the words found in {@code <mark>}. */
        public RawString snippetHtml() {
            StringBuilder out = new StringBuilder();
            for (char c : snippet.toCharArray()) {
                switch (c) {
                    case START -> out.append("<mark>");
                    case STOP -> out.append("</mark>");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '&' -> out.append("&amp;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(c);
                }
            }
            return new RawString(out.toString());
        }
    }

    /** A page of hits, and the cursor of the next page (null at the end). */
    public record Results(List<Hit> hits, String next) {
    }

    private final EntityManager em;

    ReviewSearch(EntityManager em) {
        this.em = em;
    }

    public Results search(Query q) {
        if (q.blank()) {
            return new Results(List.of(), null);
        }
        List<String> filters = new ArrayList<>();
        if (q.rating() != null) {
            filters.add("r.rating = :rating");
        }
        if (q.subject() != null) {
            filters.add("r.subject_id = (select id from subject where slug = :subject)");
        }
        if (q.label() != null) {
            switch (q.label()) {
                case "verified" -> filters.add("r.verified_purchase");
                case "invited" -> filters.add("r.invited");
                case "incentive" -> filters.add("r.incentive is not null");
                case "staff" -> filters.add("(r.staff_author or exists (select 1 from account a2 where a2.id = r.author_id "
                        + "and (a2.role <> 'CUSTOMER' or a2.insider)))");
                default -> {
                }
            }
        }
        float afterRank = Float.MAX_VALUE;
        long afterId = Long.MAX_VALUE;
        if (q.after() != null) {
            String[] parts = q.after().split(":", 2);
            try {
                afterRank = Float.parseFloat(parts[0]);
                afterId = Long.parseLong(parts[1]);
            } catch (RuntimeException e) {
                // a cursor we did not write: the first page
            }
        }
        String sql = """
                with q as (select websearch_to_tsquery('english', :words) || websearch_to_tsquery('spanish', :words) as query),
                m as (
                    select r.id, ts_rank_cd(r.search_doc, q.query) as rank from review r, q
                    where r.search_doc @@ q.query and r.status = 'PUBLISHED' %s
                    order by r.id desc limit %d),
                p as (
                    select m.id, m.rank from m where (m.rank, m.id) < (cast(:afterRank as real), :afterId)
                    order by m.rank desc, m.id desc limit %d)
                select r.id as id, s.slug as slug, s.name as subject, r.rating as rating, r.title as title,
                    (select case when position(chr(2) in h.en) > 0 then h.en
                        else ts_headline('spanish', r.body, q.query, :options) end
                     from (select ts_headline('english', r.body, q.query, :options) as en) h) as snippet,
                    a.display_name as author, r.created_at as created_at, r.verified_purchase as verified,
                    r.invited as invited, r.incentive as incentive,
                    (r.staff_author or a.role <> 'CUSTOMER' or a.insider) as staff, p.rank as rank
                from p join review r on r.id = p.id join subject s on s.id = r.subject_id
                join account a on a.id = r.author_id cross join q
                order by p.rank desc, p.id desc""".formatted(
                filters.isEmpty() ? "" : "and " + String.join(" and ", filters), CANDIDATES, PAGE + 1);
        Query_ query = new Query_(em.createNativeQuery(sql, Tuple.class));
        query.set("words", q.words().strip()).set("afterRank", afterRank).set("afterId", afterId)
                .set("options", "StartSel=" + START + ", StopSel=" + STOP
                        + ", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
        if (q.rating() != null) {
            query.set("rating", q.rating().shortValue());
        }
        if (q.subject() != null) {
            query.set("subject", q.subject());
        }
        List<Hit> hits = Sql.tuples(query.query).stream().map(t -> new Hit(Sql.number(t, "id"), Sql.text(t, "slug"),
                Sql.text(t, "subject"), Sql.integer(t, "rating"), Sql.text(t, "title"), Sql.text(t, "snippet"),
                Sql.text(t, "author"), Sql.instant(t, "created_at"), Sql.bool(t, "verified"), Sql.bool(t, "invited"),
                Sql.text(t, "incentive"), Sql.bool(t, "staff"), ((Number) t.get("rank")).floatValue())).toList();
        String next = null;
        if (hits.size() > PAGE) {
            hits = hits.subList(0, PAGE);
            Hit last = hits.get(PAGE - 1);
            next = last.rank() + ":" + last.id();
        }
        return new Results(hits, next);
    }

    /** A native query with named parameters set fluently. */
    private record Query_(jakarta.persistence.Query query) {
        Query_ set(String name, Object value) {
            query.setParameter(name, value);
            return this;
        }
    }
}
