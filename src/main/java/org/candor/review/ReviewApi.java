package org.candor.review;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/** Reviews and their comments as JSON, read-only, with the same visibility as the pages. */
@Path("/api/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reviews")
public class ReviewApi {

    /** A comment; {@code body} is null when it is hidden (a notice stands in its place). */
    public record CommentJson(long id, String body, String author, Instant createdAt, ReviewStatus status) {
        static CommentJson of(CommentView c) {
            return new CommentJson(c.id(), c.body(), c.authorName(), c.createdAt(), c.status());
        }
    }

    /** A review; {@code title} and {@code body} are null when it is hidden. */
    public record ReviewJson(long id, int rating, String title, String body, String author, Instant createdAt,
            Instant updatedAt, ReviewStatus status, boolean edited, int helpfulCount, List<CommentJson> comments) {
        static ReviewJson of(ReviewWithComments item) {
            ReviewCard r = item.review();
            return new ReviewJson(r.id(), r.rating(), r.title(), r.body(), r.authorName(), r.createdAt(), r.updatedAt(),
                    r.status(), r.edited(), r.helpfulCount(), item.comments().stream().map(CommentJson::of).toList());
        }
    }

    /** One page of reviews; pass {@code next} as {@code after} to get the following page (null at the end). */
    public record ReviewPage(List<ReviewJson> reviews, String next) {
    }

    private final ReviewService reviews;
    private final CurrentViewer viewer;

    ReviewApi(ReviewService reviews, CurrentViewer viewer) {
        this.reviews = reviews;
        this.viewer = viewer;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One review with its comments")
    public ReviewJson review(@PathParam("id") long id) {
        return reviews.one(id, viewer.get()).map(ReviewJson::of).orElseThrow(NotFoundException::new);
    }
}
