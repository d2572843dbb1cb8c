package org.candor.review;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import org.candor.subject.SubjectPage;
import org.candor.subject.SubjectService;

/**
 * The widget a shop puts on its own site: {@code /embed/subjects/{slug}}, a small HTML page for an {@code <iframe>}
 * (rating, count, the latest three reviews with their official replies, a link back), framed only by the origins an
 * admin lists ({@code frame-ancestors}); and {@code /api/subjects/{slug}/widget}, the same as JSON for shops that render
 * it themselves (readable cross-origin by the same origins). No script at all.
 */
@Path("/embed/subjects/{slug}")
public class EmbedResource {

    /** Reviews the widget shows. */
    static final int SHOWN = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(SubjectPage subject, List<ReviewWithComments> reviews, String link);
    }

    /** The widget as JSON. */
    public record WidgetJson(String subject, String name, String url, double average, int reviewCount,
            List<ReviewApi.ReviewJson> latest) {
    }

    private final SubjectService subjects;
    private final ReviewReads reviews;
    private final EmbedOrigins origins;
    private final CurrentVertxRequest current;
    private final String publicUrl;

    EmbedResource(SubjectService subjects, ReviewReads reviews, EmbedOrigins origins, CurrentVertxRequest current,

            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.public-url") String publicUrl) {
        this.subjects = subjects;
        this.reviews = reviews;
        this.origins = origins;
        this.current = current;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response widget(@PathParam("slug") String slug) {
        // (the page for a shop's iframe; WidgetApi gives the same as JSON, EmbedAdminResource lists the origins)
        SubjectPage subject = subjects.page(slug).orElseThrow(NotFoundException::new);
        List<String> allowed = origins.all();
        // this page alone may be framed, and only by the listed origins (every other page: never)
        current.getCurrent().response().headers().remove("X-Frame-Options");
        return Response.ok(Templates.widget(subject, reviews.latest(subject.id(), SHOWN), publicUrl + "/subjects/" + slug))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors "
                        + (allowed.isEmpty() ? "'none'" : String.join(" ", allowed)))
                .header("Cache-Control", "public, max-age=300")
                .header("Vary", "Accept-Language").build();
    }
}
