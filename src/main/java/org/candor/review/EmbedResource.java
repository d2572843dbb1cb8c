package org.candor.review;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.subject.SubjectPage;
import org.candor.subject.SubjectService;
import org.candor.web.Flash;

/**
 * The widget a shop puts on its own site: {@code /embed/subjects/{slug}}, a small HTML page for an {@code <iframe>}
 * (rating, count, the latest three reviews with their official replies, a link back), framed only by the origins an
 * admin lists ({@code frame-ancestors}); and {@code /api/subjects/{slug}/widget}, the same as JSON for shops that render
 * it themselves (readable cross-origin by the same origins). No script at all.
 */
@Path("/")
public class EmbedResource {

    /** Reviews the widget shows. */
    static final int SHOWN = 3;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance widget(SubjectPage subject, List<ReviewWithComments> reviews, String link);

        static native TemplateInstance origins(List<String> origins, String error, String typed);
    }

    /** The widget as JSON. */
    public record WidgetJson(String subject, String name, String url, double average, int reviewCount,
            List<ReviewApi.ReviewJson> latest) {
    }

    private final SubjectService subjects;
    private final ReviewReads reviews;
    private final EmbedOrigins origins;
    private final CurrentVertxRequest current;
    private final CurrentUser user;
    private final Flash flash;
    private final String publicUrl;

    EmbedResource(SubjectService subjects, ReviewReads reviews, EmbedOrigins origins, CurrentVertxRequest current,
            CurrentUser user, Flash flash,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "candor.moderation.public-url") String publicUrl) {
        this.subjects = subjects;
        this.reviews = reviews;
        this.origins = origins;
        this.current = current;
        this.user = user;
        this.flash = flash;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @GET
    @Path("embed/subjects/{slug}")
    @Produces(MediaType.TEXT_HTML)
    public Response widget(@PathParam("slug") String slug) {
        SubjectPage subject = subjects.page(slug).orElseThrow(NotFoundException::new);
        List<String> allowed = origins.all();
        // this page alone may be framed, and only by the listed origins (every other page: never)
        current.getCurrent().response().headers().remove("X-Frame-Options");
        return Response.ok(Templates.widget(subject, latest(subject), publicUrl + "/subjects/" + slug))
                .header("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; "
                        + "base-uri 'none'; form-action 'none'; frame-ancestors "
                        + (allowed.isEmpty() ? "'none'" : String.join(" ", allowed)))
                .header("Cache-Control", "public, max-age=300")
                .header("Vary", "Accept-Language").build();
    }

    @GET
    @Path("api/subjects/{slug}/widget")
    @Produces(MediaType.APPLICATION_JSON)
    public Response json(@PathParam("slug") String slug, @HeaderParam("Origin") String origin) {
        SubjectPage subject = subjects.page(slug).orElseThrow(NotFoundException::new);
        WidgetJson body = new WidgetJson(slug, subject.summary().name(), publicUrl + "/subjects/" + slug,
                Math.round(subject.summary().average() * 10) / 10.0, subject.summary().reviewCount(),
                latest(subject).stream().map(ReviewApi.ReviewJson::of).toList());
        Response.ResponseBuilder response = Response.ok(body).header("Cache-Control", "public, max-age=300")
                .header("Vary", "Origin");
        String normalised = EmbedOrigins.normalise(origin);
        if (normalised != null && origins.all().contains(normalised)) {
            response.header("Access-Control-Allow-Origin", normalised);
        }
        return response.build();
    }

    @GET
    @Path("admin/embed")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_NAME)
    public TemplateInstance admin() {
        return Templates.origins(origins.all(), null, null);
    }

    @POST
    @Path("admin/embed")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response add(@RestForm String origin) {
        String normalised = EmbedOrigins.normalise(origin);
        if (normalised == null) {
            return Response.status(400).entity(Templates.origins(origins.all(), "bad", origin)).build();
        }
        origins.add(user.accountId(), normalised);
        return flash.redirect(URI.create("/admin/embed"), "flash_origin_added");
    }

    @POST
    @Path("admin/embed/remove")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed(Role.ADMIN_NAME)
    public Response remove(@RestForm String origin) {
        origins.remove(user.accountId(), origin == null ? "" : origin);
        return flash.redirect(URI.create("/admin/embed"), "flash_origin_removed");
    }

    private List<ReviewWithComments> latest(SubjectPage subject) {
        List<ReviewWithComments> page = reviews.page(subject.id(), ReviewSort.NEWEST, null, Viewer.ANONYMOUS).reviews();
        return page.subList(0, Math.min(SHOWN, page.size()));
    }
}
