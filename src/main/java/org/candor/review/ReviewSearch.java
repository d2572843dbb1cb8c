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
 * about {@value #CANDIDATES} of the newest matches are ranked, found through a GIN index that also keys reviews by slices
 * of ids and by subject (V18), so a word found in half a million reviews costs what one found in a few hundred does.
 */
@ApplicationScoped
public class ReviewSearch {

    public static final int PAGE = 20;
    public static final int MAX_QUERY = 200;
    static final int CANDIDATES = 200;
    /** How many consecutive review ids the search index keys together (V18). */
    static final int SLICE = 1024;
    /** The widest window of newest slices looked at before the whole board. */
    static final int WIDEST = 64;
    /** About how many matches the GIN index gives at most (a sample, for words found in very many reviews). */
    static final int FUZZY = 1000;
    static final int TIMEOUT_MS = 3000;
    private static final java.util.regex.Pattern PLAN_ROWS = java.util.regex.Pattern.compile("\"Plan Rows\":\\s*([0-9.eE+]+)");
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
    public record Results(List<Hit> hits, String next, String subjectName) {

        public Results(List<Hit> hits, String next) {
            this(hits, next, null);
        }
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
        Long subjectId = null;
        String subjectName = null;
        if (q.subject() != null) {
            Tuple subject = Sql.tuples(em.createNativeQuery("select id as id, name as name from subject where slug = ?1",
                    Tuple.class).setParameter(1, q.subject())).stream().findFirst().orElse(null);
            if (subject == null) {
                return new Results(List.of(), null);
            }
            subjectId = Sql.number(subject, "id");
            subjectName = Sql.text(subject, "name");
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
        // as a parameter: the planner then sees how common they are (the tsvector statistics). A bound parameter hides
        // that, and a generic plan took a bitmap of every match (0.5 s for a word in a sixth of 1M reviews).
        String tsquery = "(websearch_to_tsquery('english', %1$s) || websearch_to_tsquery('spanish', %1$s))"
                .formatted(literal(q.words().strip()));
        String where = "r.status = 'PUBLISHED'" + (filters.isEmpty() ? "" : " and " + String.join(" and ", filters));
        // (no parallel workers and no JIT compilation: on a small machine their start costs more than they save here;
        // the windows' cost estimates reached JIT's threshold, and compiling took 50 ms of a 4 ms search)
        Tuple board = (Tuple) em.createNativeQuery("select set_config('statement_timeout', '" + TIMEOUT_MS + "', true), "
                + "set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true), "
                + "(select greatest(reltuples, 1) from pg_class where oid = 'review'::regclass) as rows, "
                + "(select coalesce(max(id), 0) from review) as newest", Tuple.class).getSingleResult();
        // How common the words are, from the planner's statistics of search_doc (a plan, not a count: ~0.2 ms), gives
        // how many of the newest reviews should hold CANDIDATES matches. The GIN index (V18) keys reviews by slices of
        // SLICE ids and by subject, so it finds the matches among those newest slices (and on one subject) without
        // reading every match of a common word; the matches found are ranked.
        double share = Math.max(estimate("select 1 from review r where r.search_doc @@ " + tsquery)
                / ((Number) board.get("rows")).doubleValue(), 1e-9);
        long newestSlice = ((Number) board.get("newest")).longValue() / SLICE;
        String keys = "r.search_doc @@ " + tsquery + (subjectId == null ? "" : " and r.subject_id = " + subjectId + "::bigint");
        // (built by concatenation: the words are in it, and a '%' among them must never reach a format string)
        // At most CANDIDATES matches of a part of the board are ranked, whatever their number: the inner query is
        // planned whole (OFFSET 0: through the GIN index), and the scan stops at the limit.
        java.util.function.UnaryOperator<String> some = more -> "select x.id, ts_rank_cd(x.search_doc, " + tsquery
                + ") as rank from (select r.id, r.search_doc from review r where " + keys + " and " + where + more
                + " offset 0) x limit " + CANDIDATES;
        // Windows of the newest slices, each wider than the one before and looked at only while those found less than
        // a page: the first should hold about CANDIDATES matches, each next one is four times as wide, up to WIDEST
        // slices (a slice costs about 35 µs); words rarer than that go to the whole board straight away, where their
        // matches are few. (A window is a lower bound only: an upper one made the index read every slice below it.)
        long first = Math.max(2, (long) Math.ceil(CANDIDATES / share / SLICE));
        List<Long> reach = new ArrayList<>();
        for (long w = first; w < WIDEST && w <= newestSlice; w *= 4) {
            reach.add(w);
        }
        if (!reach.isEmpty() && reach.get(reach.size() - 1) < Math.min(WIDEST, newestSlice + 1)) {
            reach.add(Math.min(WIDEST, newestSlice + 1));
        }
        List<Candidate> found = List.of();
        if (!reach.isEmpty()) {
            StringBuilder with = new StringBuilder("with ");
            StringBuilder pick = new StringBuilder();
            for (int i = 0; i < reach.size(); i++) {
                String w = "w" + i;
                String shortSoFar = i == 0 ? "" : " and (select count(*) from w" + (i - 1) + ") < " + PAGE;
                with.append(i == 0 ? "" : ",\n").append(w).append(" as materialized (").append(some.apply(
                        " and (r.id / " + SLICE + ") >= " + (newestSlice - reach.get(i) + 1) + "::bigint" + shortSoFar))
                        .append(")");
                pick.append(i == 0 ? "" : "\nunion all\n").append("select id, rank from ").append(w);
            }
            // a wider window holds the narrower ones: each match once
            found = List.copyOf(candidates(with + "\n" + pick).stream().collect(java.util.stream.Collectors.toMap(
                    Candidate::id, c -> c, (a, b) -> a, java.util.LinkedHashMap::new)).values());
        }
        if (found.size() < PAGE && (reach.isEmpty() || reach.get(reach.size() - 1) <= newestSlice)) {
            // Words rare enough, or common once but not lately: the whole board. Across all subjects the GIN index gives
            // a sample of about FUZZY matches at most (gin_fuzzy_search_limit samples each word's matches, so it is
            // never used with a subject, whose few matches it would miss; there the subject's key keeps it cheap).
            if (subjectId == null) {
                em.createNativeQuery("select set_config('gin_fuzzy_search_limit', '" + FUZZY + "', true)").getSingleResult();
            }
            java.util.Set<Long> seen = found.stream().map(Candidate::id).collect(java.util.stream.Collectors.toSet());
            List<Candidate> more = new ArrayList<>(found);
            candidates(some.apply("")).stream().filter(c -> !seen.contains(c.id())).forEach(more::add);
            found = more;
        }
        // this page: the candidates after the cursor, best first, one more than a page to know whether there is a next
        float fromRank = afterRank;
        long fromId = afterId;
        List<Candidate> page = found.stream()
                .filter(c -> c.rank() < fromRank || (c.rank() == fromRank && c.id() < fromId))
                .sorted(java.util.Comparator.comparing(Candidate::rank).thenComparing(Candidate::id).reversed())
                .limit(PAGE + 1).toList();
        if (page.isEmpty()) {
            return new Results(List.of(), null, subjectName);
        }
        String ids = page.stream().map(c -> Long.toString(c.id())).collect(java.util.stream.Collectors.joining(","));
        String sql = """
                select r.id as id, s.slug as slug, s.name as subject, r.rating as rating, r.title as title,
                    (select case when position(chr(2) in h.en) > 0 then h.en
                        else ts_headline('spanish', r.body, %1$s, :options) end
                     from (select ts_headline('english', r.body, %1$s, :options) as en) h) as snippet,
                    a.display_name as author, r.created_at as created_at, r.verified_purchase as verified,
                    r.invited as invited, r.incentive as incentive,
                    (r.staff_author or a.role <> 'CUSTOMER' or a.insider) as staff
                from review r join subject s on s.id = r.subject_id join account a on a.id = r.author_id
                where r.id in (%2$s)""".formatted(tsquery, ids);
        java.util.Map<Long, Tuple> rows = new java.util.HashMap<>();
        for (Tuple t : Sql.tuples(em.createNativeQuery(sql, Tuple.class).setParameter("options", "StartSel=" + START
                + ", StopSel=" + STOP + ", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \""))) {
            rows.put(Sql.number(t, "id"), t);
        }
        List<Hit> hits = page.stream().filter(c -> rows.containsKey(c.id())).map(c -> {
            Tuple t = rows.get(c.id());
            return new Hit(c.id(), Sql.text(t, "slug"), Sql.text(t, "subject"), Sql.integer(t, "rating"),
                    Sql.text(t, "title"), Sql.text(t, "snippet"), Sql.text(t, "author"), Sql.instant(t, "created_at"),
                    Sql.bool(t, "verified"), Sql.bool(t, "invited"), Sql.text(t, "incentive"), Sql.bool(t, "staff"),
                    c.rank());
        }).toList();
        String next = null;
        if (hits.size() > PAGE) {
            hits = hits.subList(0, PAGE);
            Hit last = hits.get(PAGE - 1);
            next = last.rank() + ":" + last.id();
        }
        return new Results(hits, next, subjectName);
    }

    /** A review that matches, and its rank. */
    private record Candidate(long id, float rank) {
    }

    /** The (id, rank) rows a statement gives. */
    private List<Candidate> candidates(String sql) {
        return Sql.tuples(em.createNativeQuery(sql, Tuple.class)).stream()
                .map(t -> new Candidate(Sql.number(t, "id"), ((Number) t.get("rank")).floatValue())).toList();
    }

    /** The rows the planner expects a statement to return. */
    private double estimate(String sql) {
        String plan = String.valueOf(em.createNativeQuery("explain (format json) " + sql).getSingleResult());
        java.util.regex.Matcher rows = PLAN_ROWS.matcher(plan);
        return rows.find() ? Double.parseDouble(rows.group(1)) : 0;
    }

    /** A subject's name by its address. */
    @jakarta.transaction.Transactional
    public java.util.Optional<String> subjectName(String slug) {
        return em.createNativeQuery("select name from subject where slug = ?1").setParameter(1, slug).getResultStream()
                .findFirst().map(String::valueOf);
    }

    /** A SQL string literal of a text with no control characters (standard_conforming_strings: quotes doubled). */
    static String literal(String text) {
        if (!org.candor.web.CleanText.Validator.clean(text, true)) {
            throw new IllegalArgumentException("control characters in a search");
        }
        return "'" + text.replace("'", "''") + "'";
    }
}
