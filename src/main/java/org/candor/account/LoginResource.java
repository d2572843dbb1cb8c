package org.candor.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;

import org.candor.web.Drafts;
import org.candor.web.LocalPath;
import org.candor.web.PublicAddress;

/** Sign-in through a provider, and sign-out. Candor has no passwords: every sign-in goes to an identity provider. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(List<LoginProviders.Provider> providers, String back, boolean draftKept);

        static native TemplateInstance logout();

        static native TemplateInstance failed();

        static native TemplateInstance unavailable(LoginProviders.Provider provider, List<LoginProviders.Provider> others);
    }

    private final LoginProviders providers;
    private final CurrentUser user;
    private final OidcSession session;
    private final jakarta.enterprise.inject.Instance<OidcConfigurationMetadata> metadata;

    private final CandorSession sessions;
    private final Drafts drafts;
    private final PublicAddress address;

    LoginResource(LoginProviders providers, CurrentUser user, OidcSession session,
            jakarta.enterprise.inject.Instance<OidcConfigurationMetadata> metadata, CandorSession sessions,
            Drafts drafts, PublicAddress address) {
        this.drafts = drafts;
        this.address = address;
        this.sessions = sessions;
        this.providers = providers;
        this.user = user;
        this.session = session;
        this.metadata = metadata;
    }

    /** The sign-in page: one button per enabled provider. */
    @GET
    @Path("login")
    public TemplateInstance login(@QueryParam("back") String back) {
        return Templates.login(providers.enabled(), LocalPath.orHome(back), drafts.waiting());
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
        long now = Instant.now().getEpochSecond();
        String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        String endSession = metadata.isResolvable() ? metadata.get().getEndSessionUri() : null;
        Cookie signedIn = sessions.cookie(new CandorSession.Session(user.accountId(), provider, now, now, idToken,
                endSession));
        // from here on the visitor is signed in by Candor's own session; the provider's tokens are not needed again
        session.logout().await().indefinitely();
        return Response.seeOther(URI.create(LocalPath.orHome(back)))
                .header(HttpHeaders.SET_COOKIE, signedIn.encode()).build();
    }

    /** Where a sign-in that could not complete ends: the provider reported an error, or the callback was refused. */
    @GET
    @Path("login/failed")
    public Response failed() {
        return Response.status(Response.Status.UNAUTHORIZED).entity(Templates.failed()).build();
    }

    /** A provider did not answer when a sign-in started or completed ({@link ProviderOutage}). */
    @GET
    @Path("login/unavailable/{provider}")
    public Response unavailable(@PathParam("provider") String provider) {
        LoginProviders.Provider which = providers.enabled().stream().filter(p -> p.id().equals(provider)).findFirst()
                .orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", 30)
                .entity(Templates.unavailable(which, providers.enabled().stream().filter(p -> p != which).toList()))
                .build();
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
    public Response logout(UriInfo uri, @CookieParam(CandorSession.COOKIE) String cookie) {
        CandorSession.Session ending = cookie == null ? null
                : sessions.read(cookie, Instant.now().getEpochSecond()).orElse(null);
        URI home = URI.create(address.base(uri) + "/");
        URI next = ending == null || ending.endSession() == null || ending.idToken() == null ? home
                : UriBuilder.fromUri(ending.endSession())
                        .queryParam("id_token_hint", ending.idToken())
                        .queryParam("post_logout_redirect_uri", home)
                        .build();
        return Response.seeOther(next).header(HttpHeaders.SET_COOKIE, sessions.cleared().encode()).build();
    }
}
