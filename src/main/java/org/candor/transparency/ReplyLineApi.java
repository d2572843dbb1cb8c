package org.candor.transparency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A subject's reply record as JSON: what its page says under the average, computed from the public log. */
@Path("/api/subjects/{slug}/replies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transparency")
public class ReplyLineApi {

    /** Reviews of 1–2 stars in the last {@code months} months, how many answered, the median seconds to a reply. */
    public record Replies(String subject, int months, long negativeReviews, long answered, long answeredPercent,
            Long medianSecondsToFirstReply, String numbers) {
    }

    private final TransparencyIndex index;

    ReplyLineApi(TransparencyIndex index) {
        this.index = index;
    }

    @GET
    @Operation(summary = "How often and how fast the business answers a subject's negative reviews")
    public Replies replies(@PathParam("slug") String slug) {
        index.subjectName(slug).orElseThrow(NotFoundException::new);
        ReplyLine line = index.replyLine(slug);
        return new Replies(slug, line.months(), line.negative(), line.answered(), line.percent(),
                line.medianSeconds() < 0 ? null : line.medianSeconds(), "/transparency?subject=" + slug);
    }
}
