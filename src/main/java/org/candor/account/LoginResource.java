package org.candor.account;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import org.candor.web.LocalPath;

/** Sign-in through a provider, and sign-out. Candor has no passwords: every sign-in goes to an identity provider. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(List<LoginProviders.Provider> providers, String back);

        static native TemplateInstance logout();

        static native TemplateInstance failed();
    }

    private final LoginProviders providers;
    private final CurrentUser user;
    private final OidcSession session;
    private final jakarta.enterprise.inject.Instance<OidcConfigurationMetadata> metadata;

    LoginResource(LoginProviders providers, CurrentUser user, OidcSession session,
            jakarta.enterprise.inject.Instance<OidcConfigurationMetadata> metadata) {
        this.providers = providers;
        this.user = user;
        this.session = session;
        this.metadata = metadata;
    }

    /** The sign-in page: one button per enabled provider. */
    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("back") String back) {
        return Templates.login(providers.enabled(), LocalPath.orHome(back));
    }

    /**
     * Reached once the provider has signed the person in ({@code /login/<provider>} requires authentication, see
     * {@link LoginSecurity}): back to the page they started from.
     */
    @GET
    @Path("login/{provider}")
    public Response signedIn(@PathParam("provider") String provider, @QueryParam("back") String back) {
        if (!providers.isEnabled(provider) || !user.signedIn()) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create(LocalPath.orHome(back))).build();
    }

    /** Where a sign-in that could not complete ends: the provider reported an error, or the callback was refused. */
    @GET
    @Path("login/failed")
    public Response failed() {
        return Response.status(Response.Status.UNAUTHORIZED).entity(Templates.failed()).build();
    }

    @GET
    @Path("logout")
    public TemplateInstance logoutPage() {
        return Templates.logout();
    }

    /**
     * Ends the Candor session, then, where the provider supports it, the provider's session too (RP-initiated
     * logout), coming back to the home page.
     */
    @POST
    @Path("logout")
    @Authenticated
    public Response logout(UriInfo uri) {
        String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        String endSession = metadata.isResolvable() ? metadata.get().getEndSessionUri() : null;
        session.logout().await().indefinitely();
        URI home = uri.getBaseUriBuilder().path("/").build();
        if (endSession == null || idToken == null) {
            return Response.seeOther(home).build();
        }
        return Response.seeOther(UriBuilder.fromUri(endSession)
                .queryParam("id_token_hint", idToken)
                .queryParam("post_logout_redirect_uri", home)
                .build()).build();
    }
}
