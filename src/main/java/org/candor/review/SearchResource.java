package org.candor.review;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.subject.SubjectService;
import org.candor.web.PageScope;
import org.candor.web.PublicPage;

/** Searching reviews by their words, board-wide or on one subject, with filters; a page for readers, not robots. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchResource {

    static final List<String> LABELS = List.of("verified", "invited", "incentive", "staff");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(ReviewSearch.Query query, ReviewSearch.Results results,
                String subjectName, List<String> labels, List<Integer> ratings, String error);
    }

    static final List<Integer> RATINGS = List.of(5, 4, 3, 2, 1);

    /** {@code {l.searchLabelKey}}: the message key of a label filter. */
    @io.quarkus.qute.TemplateExtension
    static String searchLabelKey(String label) {
        return "search_label_" + label;
    }

    private final ReviewSearch search;
    private final PageScope scope;
    private final RevMsg msg;

    SearchResource(ReviewSearch search, PageScope scope, RevMsg msg) {
        this.search = search;
        this.scope = scope;
        this.msg = msg;
    }

    @GET
    @PublicPage(params = { "q", "rating", "label", "subject", "after" })
    public Response search(@QueryParam("q") String q, @QueryParam("rating") String rating,
            @QueryParam("label") String label, @QueryParam("subject") String subject, @QueryParam("after") String after) {
        scope.board();
        Integer stars = null;
        if (rating != null && rating.matches("[1-5]")) {
            stars = Integer.valueOf(rating);
        }
        String words = q == null ? null : q.strip();
        String chosenLabel = label != null && LABELS.contains(label) ? label : null;
        String chosenSubject = subject != null && SubjectService.isSlug(subject) ? subject : null;
        String cursor = after != null && after.matches("[0-9.eE+-]{1,30}:[0-9]{1,19}") ? after : null;
        ReviewSearch.Query query = new ReviewSearch.Query(words, stars, chosenLabel, chosenSubject, cursor);
        // one subject at most, by name (a board has hundreds: no list of them all on every search). Read in the search's
        // transaction, or one of its own: read outside one, its connection stays with the request while the search waits
        // for another, and 32 searches at once held the whole pool that way until they timed out
        if (words != null && (words.length() > ReviewSearch.MAX_QUERY || !org.candor.web.CleanText.Validator.clean(words, true))) {
            String error = words.length() > ReviewSearch.MAX_QUERY ? msg.search_too_long(ReviewSearch.MAX_QUERY)
                    : msg.search_plain();
            return Response.status(400).entity(Templates.search(query, new ReviewSearch.Results(List.of(), null),
                    subjectName(chosenSubject),
                    LABELS, RATINGS, error)).build();
        }
        try {
            ReviewSearch.Results results = search.search(query);
            String subjectName = chosenSubject == null || query.blank() ? subjectName(chosenSubject) : results.subjectName();
            return Response.ok(Templates.search(query, results, subjectName, LABELS, RATINGS, null)).build();
        } catch (RuntimeException e) {
            if (!cancelled(e)) {
                throw e;
            }
            // the search ran out of its time (statement_timeout): say so, keep the words
            return Response.status(503).header("Retry-After", 10).entity(Templates.search(query,
                    new ReviewSearch.Results(List.of(), null), subjectName(chosenSubject), LABELS, RATINGS,
                    msg.search_too_slow())).build();
        }
    }

    private String subjectName(String slug) {
        return slug == null ? null : search.subjectName(slug).orElse(null);
    }

    /** Whether PostgreSQL cancelled the statement (57014: statement_timeout). */
    private static boolean cancelled(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
