package org.candor.review;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import org.candor.account.CurrentUser;
import org.candor.account.Role;
import org.candor.web.Flash;

/** Admins list the sites allowed to frame the widget ({@link EmbedResource}) and read its JSON. */
@Path("/admin/embed")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN_NAME)
public class EmbedAdminResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance origins(List<String> origins, String error, String typed);
    }

    private final EmbedOrigins origins;
    private final CurrentUser user;
    private final Flash flash;

    EmbedAdminResource(EmbedOrigins origins, CurrentUser user, Flash flash) {
        this.origins = origins;
        this.user = user;
        this.flash = flash;
    }

    @GET
    public TemplateInstance admin() {
        return Templates.origins(origins.all(), null, null);
    }

    @POST
    public Response add(@RestForm String origin) {
        String normalised = EmbedOrigins.normalise(origin);
        if (normalised == null) {
            return Response.status(400).entity(Templates.origins(origins.all(), "bad", origin)).build();
        }
        origins.add(user.accountId(), normalised);
        return flash.redirect(URI.create("/admin/embed"), "flash_origin_added");
    }

    @POST
    @Path("remove")
    public Response remove(@RestForm String origin) {
        origins.remove(user.accountId(), origin == null ? "" : origin);
        return flash.redirect(URI.create("/admin/embed"), "flash_origin_removed");
    }
}
