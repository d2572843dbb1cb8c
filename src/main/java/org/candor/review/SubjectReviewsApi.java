package org.candor.review;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import org.candor.review.ReviewApi.ReviewJson;
import org.candor.review.ReviewApi.ReviewPage;
import org.candor.subject.SubjectService;

/** A subject's reviews as JSON, paged by key, with the same visibility as the subject page. */
@Path("/api/subjects/{slug}/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class SubjectReviewsApi {

    private final ReviewReads reviews;
    private final SubjectService subjects;
    private final CurrentViewer viewer;

    SubjectReviewsApi(ReviewReads reviews, SubjectService subjects, CurrentViewer viewer) {
        this.reviews = reviews;
        this.subjects = subjects;
        this.viewer = viewer;
    }

    @GET
    @Operation(summary = "A subject's reviews, 20 per page, paged by key")
    public ReviewPage subjectReviews(@PathParam("slug") String slug,
            @Parameter(description = "newest (default), helpful or lowest") @QueryParam("sort") String sort,
            @Parameter(description = "the next cursor of the previous page") @QueryParam("after") String after) {
        long subjectId = subjects.idOf(slug).orElseThrow(NotFoundException::new);
        ReviewReads.Page page = reviews.page(subjectId, ReviewSort.parse(sort), ReviewSort.Cursor.parse(after),
                viewer.get());
        return new ReviewPage(page.reviews().stream().map(ReviewJson::of).toList(),
                page.next() == null ? null : page.next().format());
    }

}
