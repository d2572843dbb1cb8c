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
 * for a word found in many reviews the newest {@value #CANDIDATES} matches are ranked (found by walking the newest reviews),
 * for a rarer one every match is (found through the GIN index), so neither costs what half a million matches would.
 */
@ApplicationScoped
public class ReviewSearch {

    public static final int PAGE = 20;
    public static final int MAX_QUERY = 200;
    static final int CANDIDATES = 200;
    /** How deep the newest-first walk goes. */
    static final int WALK = 5000;
    /** About how many matches the GIN index gives at most (a sample, for words found in very many reviews). */
    static final int FUZZY = 1000;
    static final int TIMEOUT_MS = 3000;
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

    @jakarta.transaction.Transactional
    public Results search(Query q) {
        if (q.blank()) {
            return new Results(List.of(), null);
        }
        List<String> filters = new ArrayList<>();
        if (q.rating() != null) {
            filters.add("r.rating = " + q.rating().intValue());
        }
        if (q.subject() != null) {
            Long subjectId = subjectId(q.subject());
            if (subjectId == null) {
                return new Results(List.of(), null);
            }
            // a range, not an equality: with "= id" the planner drops subject_id from the order below and walks review_pkey
            filters.add("r.subject_id >= " + subjectId.longValue() + " and r.subject_id <= " + subjectId.longValue());
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
        // The words go into the statement as a literal (quotes doubled; control characters were refused before), not
        // as a parameter: the planner then sees how common they are (the tsvector statistics) and walks the newest
        // reviews for a common word, or the GIN index for a rare one. A bound parameter hides that, and a generic plan
        // took a bitmap of every match (0.5 s for a word in a sixth of 1M reviews).
        String tsquery = "(websearch_to_tsquery('english', %1$s) || websearch_to_tsquery('spanish', %1$s))"
                .formatted(literal(q.words().strip()));
        String where = "r.status = 'PUBLISHED'" + (filters.isEmpty() ? "" : " and " + String.join(" and ", filters));
        // the newest reviews first, walked in index order (an optimisation fence keeps the planner from sorting them all)
        // (on one subject, ordered as review_subject_newest is: walking review_pkey and skipping other subjects' reviews is
        // the plan PostgreSQL otherwise picks)
        String order = q.subject() != null ? "r.subject_id, r.id desc" : "r.id desc";
        String newest = "(select r.id, r.search_doc from review r where " + where + " order by " + order
                + " limit %d offset 0) r";
        // A word found among the newest reviews: rank its newest matches (the walk stops at the first CANDIDATES, and
        // never goes deeper than WALK reviews). Otherwise the GIN index finds the matches, at most about FUZZY of them
        // (gin_fuzzy_search_limit), and all of those are ranked. Either way a search costs a bounded amount, whatever
        // the words; statement_timeout is the last guard.
        // (no parallel workers: on a small machine their start costs more than they save here)
        em.createNativeQuery("select set_config('statement_timeout', '" + TIMEOUT_MS + "', true), "
                + "set_config('gin_fuzzy_search_limit', '" + FUZZY + "', true), "
                + "set_config('max_parallel_workers_per_gather', '0', true)").getSingleResult();
        boolean recent = ((Number) em.createNativeQuery("select count(*) from (select 1 from " + newest.formatted(WALK)
                + " where r.search_doc @@ " + tsquery + " limit " + PAGE + ") x").getSingleResult()).intValue() >= PAGE;
        String candidates = recent
                ? "select r.id, ts_rank_cd(r.search_doc, %1$s) as rank from %2$s where r.search_doc @@ %1$s limit %3$d"
                        .formatted(tsquery, newest.formatted(WALK), CANDIDATES)
                : ("select r.id, ts_rank_cd(r.search_doc, %1$s) as rank from review r where r.search_doc @@ %1$s and %2$s "
                        + "order by rank desc limit %3$d").formatted(tsquery, where, CANDIDATES);
        String sql = """
                with m as (%2$s),
                p as (
                    select m.id, m.rank from m where (m.rank, m.id) < (cast(:afterRank as real), :afterId)
                    order by m.rank desc, m.id desc limit %3$d)
                select r.id as id, s.slug as slug, s.name as subject, r.rating as rating, r.title as title,
                    (select case when position(chr(2) in h.en) > 0 then h.en
                        else ts_headline('spanish', r.body, %1$s, :options) end
                     from (select ts_headline('english', r.body, %1$s, :options) as en) h) as snippet,
                    a.display_name as author, r.created_at as created_at, r.verified_purchase as verified,
                    r.invited as invited, r.incentive as incentive,
                    (r.staff_author or a.role <> 'CUSTOMER' or a.insider) as staff, p.rank as rank
                from p join review r on r.id = p.id join subject s on s.id = r.subject_id
                join account a on a.id = r.author_id
                order by p.rank desc, p.id desc""".formatted(tsquery, candidates, PAGE + 1);
        Query_ query = new Query_(em.createNativeQuery(sql, Tuple.class));
        query.set("afterRank", afterRank).set("afterId", afterId)
                .set("options", "StartSel=" + START + ", StopSel=" + STOP
                        + ", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"");
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

    private Long subjectId(String slug) {
        Object id = em.createNativeQuery("select id from subject where slug = ?1").setParameter(1, slug)
                .getResultStream().findFirst().orElse(null);
        return id == null ? null : ((Number) id).longValue();
    }

    /** A SQL string literal of a text with no control characters (standard_conforming_strings: quotes doubled). */
    static String literal(String text) {
        if (!org.candor.web.CleanText.Validator.clean(text, true)) {
            throw new IllegalArgumentException("control characters in a search");
        }
        return "'" + text.replace("'", "''") + "'";
    }

    /** A native query with named parameters set fluently. */
    private record Query_(jakarta.persistence.Query query) {
        Query_ set(String name, Object value) {
            query.setParameter(name, value);
            return this;
        }
    }
}
