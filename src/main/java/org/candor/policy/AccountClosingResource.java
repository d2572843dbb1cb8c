package org.candor.policy;

import java.net.URI;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import org.candor.account.CandorSession;
import org.candor.account.CurrentUser;
import org.candor.web.Flash;

/** A customer closes their account, keeping their posts as "a former customer" or erasing them (GDPR Art. 17). */
@Path("/me/close")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class AccountClosingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance close(String posts, String error, boolean staff);
    }

    private final ErasureService erasure;
    private final CurrentUser user;
    private final CandorSession sessions;
    private final Flash flash;

    AccountClosingResource(ErasureService erasure, CurrentUser user, CandorSession sessions, Flash flash) {
        this.erasure = erasure;
        this.user = user;
        this.sessions = sessions;
        this.flash = flash;
    }

    @GET
    public TemplateInstance show() {
        return Templates.close(null, null, user.role() != org.candor.account.Role.CUSTOMER);
    }

    @POST
    public Response close(@RestForm String posts, @RestForm String confirm) {
        ErasureService.PostsOnClosing choice = org.candor.Enums.named(ErasureService.PostsOnClosing.class, posts);
        if (choice == null || !"yes".equals(confirm)) {
            return Response.status(400).entity(Templates.close(posts, choice == null ? "close_error_choose" : "close_error_confirm",
                    user.role() != org.candor.account.Role.CUSTOMER)).build();
        }
        try {
            erasure.closeAccount(user.accountId(), choice);
        } catch (PolicyChanges.InvalidException e) {
            return Response.status(409).entity(Templates.close(posts, "close_error_staff", true)).build();
        }
        return Response.fromResponse(flash.redirect(URI.create("/"), "flash_account_closed"))
                .header(HttpHeaders.SET_COOKIE, sessions.cleared().encode()).build();
    }
}
