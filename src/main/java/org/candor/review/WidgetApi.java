package org.candor.review;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import org.candor.subject.SubjectPage;
import org.candor.subject.SubjectService;

/**
 * The widget as JSON ({@code /api/subjects/{slug}/widget}) for shops that render it themselves: rating, count, the
 * latest three reviews with their official replies; readable cross-origin by the origins an admin lists.
 */
@Path("/api/subjects/{slug}/widget")
public class WidgetApi {

    private final SubjectService subjects;
    private final ReviewReads reviews;
    private final EmbedOrigins origins;
    private final String publicUrl;

    WidgetApi(SubjectService subjects, ReviewReads reviews, EmbedOrigins origins,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.public-url") String publicUrl) {
        this.subjects = subjects;
        this.reviews = reviews;
        this.origins = origins;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A subject's rating and latest three reviews, for a shop's own widget")
    public Response json(@PathParam("slug") String slug, @HeaderParam("Origin") String origin) {
        SubjectPage subject = subjects.page(slug).orElseThrow(NotFoundException::new);
        EmbedResource.WidgetJson body = new EmbedResource.WidgetJson(slug, subject.summary().name(),
                publicUrl + "/subjects/" + slug, Math.round(subject.summary().average() * 10) / 10.0,
                subject.summary().reviewCount(), reviews.latest(subject.id(), EmbedResource.SHOWN).stream().map(ReviewApi.ReviewJson::of).toList());
        Response.ResponseBuilder response = Response.ok(body).header("Cache-Control", "public, max-age=300")
                .header("Vary", "Origin");
        String normalised = EmbedOrigins.normalise(origin);
        if (normalised != null && origins.all().contains(normalised)) {
            response.header("Access-Control-Allow-Origin", normalised);
        }
        return response.build();
    }
}
