package org.candor.subject;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Subjects and their rating summaries as JSON, read-only. */
@Path("/api/subjects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects")
public class SubjectApi {

    /** A subject; {@code stars} counts published reviews with 1..5 stars (index 0 is one star). */
    public record SubjectJson(String slug, String name, String description, SubjectKind kind, String imageUrl,
            int reviewCount, double averageRating, List<Integer> stars) {
    }

    private final SubjectService subjects;

    SubjectApi(SubjectService subjects) {
        this.subjects = subjects;
    }

    @GET
    @Operation(summary = "Every subject with its rating summary")
    public List<SubjectJson> list() {
        return subjects.list().stream().map(s -> json(s, null)).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "One subject with its rating distribution")
    public SubjectJson one(@PathParam("slug") String slug) {
        SubjectPage page = subjects.page(slug).orElseThrow(NotFoundException::new);
        return json(page.summary(), page.stars());
    }

    private static SubjectJson json(SubjectSummary s, List<Integer> stars) {
        return new SubjectJson(s.slug(), s.name(), s.description(), s.kind(), s.imageUrl(), s.reviewCount(),
                Math.round(s.average() * 100) / 100.0, stars);
    }
}
