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

    /** An official reply or a moderator's annotation: the staff member's public handle and role, and the text. */
    public record StaffNoteJson(String role, String handle, String body, Instant createdAt) {
        static List<StaffNoteJson> of(List<StaffNotes.Note> notes) {
            return notes.stream().map(n -> new StaffNoteJson(n.role(), n.handle(), n.body(), n.at())).toList();
        }
    }

    /** Why content is hidden: who, when, which rule and why. */
    public record NoticeJson(String role, String handle, Instant at, String reason, String text) {
        static NoticeJson of(StaffNotes.HideNotice n) {
            return n == null ? null
                    : new NoticeJson(n.role(), n.handle(), n.at(), n.reason() == null ? null : n.reason().name(), n.text());
        }
    }

    /** A comment; {@code body} is null when it is hidden (the notice stands in its place). */
    public record CommentJson(long id, String body, String author, Instant createdAt, ReviewStatus status,
            NoticeJson notice, List<StaffNoteJson> annotations) {
        static CommentJson of(CommentView c) {
            return new CommentJson(c.id(), c.body(), c.authorName(), c.createdAt(), c.status(), NoticeJson.of(c.notice()),
                    StaffNoteJson.of(c.annotations()));
        }
    }

    /**
     * A review; {@code title} and {@code body} are null when it is hidden (the notice says why). {@code labels}: how it
     * came ({@code VERIFIED_PURCHASE}, {@code INVITED}, {@code INCENTIVE} with {@code incentive}, {@code STAFF}).
     */
    public record ReviewJson(long id, int rating, String title, String body, String author, Instant createdAt,
            Instant updatedAt, ReviewStatus status, boolean edited, int helpfulCount, List<String> labels,
            String incentive, NoticeJson notice, List<StaffNoteJson> officialReplies, List<StaffNoteJson> annotations,
            List<CommentJson> comments) {
        static ReviewJson of(ReviewWithComments item) {
            ReviewCard r = item.review();
            return new ReviewJson(r.id(), r.rating(), r.title(), r.body(), r.authorName(), r.createdAt(), r.updatedAt(),
                    r.status(), r.edited(), r.helpfulCount(), r.labels(), r.incentive(), NoticeJson.of(item.notice()),
                    StaffNoteJson.of(item.replies()), StaffNoteJson.of(item.annotations()),
                    item.comments().stream().map(CommentJson::of).toList());
        }
    }

    /** One page of reviews; pass {@code next} as {@code after} to get the following page (null at the end). */
    public record ReviewPage(List<ReviewJson> reviews, String next) {
    }

    private final ReviewReads reviews;
    private final CurrentViewer viewer;

    ReviewApi(ReviewReads reviews, CurrentViewer viewer) {
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
