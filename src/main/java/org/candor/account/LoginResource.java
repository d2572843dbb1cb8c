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

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.Cookie;

import org.candor.web.Drafts;
import org.candor.web.LocalPath;
import org.candor.web.PublicAddress;

/**
 * Sign-in through a provider or by e-mail ({@link EmailSignInResource}), linking a new sign-in to an existing account,
 * and sign-out. Candor has no passwords.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(List<LoginProviders.Provider> providers, String back, boolean draftKept,
                EmailSignInResource.EmailForm email, String error, Long retryAfter);

        static native TemplateInstance linkOffer(SignIn who, String provider, List<LoginProviders.Provider> via);

        static native TemplateInstance logout();

        static native TemplateInstance failed();

        static native TemplateInstance unavailable(LoginProviders.Provider provider, List<LoginProviders.Provider> others);
    }

    private final LoginProviders providers;
    private final CurrentUser user;
    private final OidcSession session;
    private final jakarta.enterprise.inject.Instance<OidcConfigurationMetadata> metadata;

    private final CandorSession sessions;
    private final SignInFlow flow;
    private final AccountService accounts;
    private final Drafts drafts;
    private final PublicAddress address;

    LoginResource(LoginProviders providers, CurrentUser user, OidcSession session,
            jakarta.enterprise.inject.Instance<OidcConfigurationMetadata> metadata, CandorSession sessions,
            Drafts drafts, PublicAddress address, SignInFlow flow, AccountService accounts) {
        this.flow = flow;
        this.accounts = accounts;
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
        return Templates.login(providers.enabled(), LocalPath.orHome(back), drafts.waiting(),
                new EmailSignInResource.EmailForm(null, LocalPath.orHome(back)), null, null);
    }

    /**
     * Reached once the provider has signed the person in ({@code /login/<provider>} requires authentication, see
     * {@link LoginSecurity}): back to the page they started from.
     */
    @GET
    @Path("login/{provider}")
    public Response signedIn(@PathParam("provider") String provider, @QueryParam("back") String back,
            @CookieParam(SignInFlow.LINK) String link, @CookieParam(SignInFlow.PENDING) String pending) {
        SignIn newIdentity = user.newIdentity();
        if (!providers.isEnabled(provider) || (!user.signedIn() && newIdentity == null)) {
            throw new NotFoundException();
        }
        long now = Instant.now().getEpochSecond();
        String idToken = session.getIdToken() == null ? null : session.getIdToken().getRawToken();
        String endSession = metadata.isResolvable() ? metadata.get().getEndSessionUri() : null;
        // from here on the visitor is signed in by Candor's own session; the provider's tokens are not needed again
        session.logout().await().indefinitely();
        SignInFlow.SessionFactory started = id -> new CandorSession.Session(id, provider, now, now, idToken, endSession);
        return newIdentity != null ? flow.complete(newIdentity, null, back, started, link, pending)
                : flow.complete(null, accounts.byId(user.accountId()), back, started, link, pending);
    }

    /** A new sign-in whose verified e-mail address an account already has: link the two, or keep them apart. */
    @GET
    @Path("login/link")
    public Response linkOffer(@CookieParam(SignInFlow.PENDING) String pending) {
        SignInFlow.Pending waiting = flow.pending(pending).orElse(null);
        if (waiting == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        Account existing = accounts.sameVerifiedEmail(waiting.who()).orElse(null);
        if (existing == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        List<String> via = accounts.identities(existing.id).stream().map(AccountService.Identity::provider)
                .filter(p -> p.equals(EmailSignInResource.PROVIDER) || providers.isEnabled(p)).distinct().toList();
        return Response.ok(Templates.linkOffer(waiting.who(), label(waiting.who().provider()),
                via.stream().map(p -> new LoginProviders.Provider(p, label(p))).toList())).build();
    }

    /** "Link them": the person signs in with the existing account to prove it is theirs. */
    @POST
    @Path("login/link")
    public Response linkByProving(@RestForm String via, @CookieParam(SignInFlow.PENDING) String pending) {
        SignInFlow.Pending waiting = flow.pending(pending).orElse(null);
        if (waiting == null || via == null || !(providers.isEnabled(via) || via.equals(EmailSignInResource.PROVIDER))) {
            return Response.seeOther(URI.create("/login")).build();
        }
        String start = via.equals(EmailSignInResource.PROVIDER) ? "/login?back=%2Fme%2Fprofile#email"
                : "/login/" + via + "?back=%2Fme%2Fprofile";
        return Response.seeOther(URI.create(start))
                .header(HttpHeaders.SET_COOKIE, flow.confirmNext(waiting).encode()).build();
    }

    /** "Keep them apart": a separate account for the new sign-in. */
    @POST
    @Path("login/link/separate")
    public Response keepApart(@CookieParam(SignInFlow.PENDING) String pending) {
        SignInFlow.Pending waiting = flow.pending(pending).orElse(null);
        if (waiting == null) {
            return Response.seeOther(URI.create("/login")).build();
        }
        long now = Instant.now().getEpochSecond();
        return flow.separate(waiting.who(), waiting.back(),
                id -> new CandorSession.Session(id, waiting.who().provider(), now, now, null, null));
    }

    private String label(String provider) {
        return providers.all().stream().filter(p -> p.id().equals(provider)).map(LoginProviders.Provider::label)
                .findFirst().orElse(provider.equals(EmailSignInResource.PROVIDER) ? "e-mail" : provider);
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
    public Response logout(UriInfo uri, @CookieParam(CandorSession.COOKIE) String cookie,
            @CookieParam(CandorSession.SIGN_OUT) String signOut) {
        long now = Instant.now().getEpochSecond();
        CandorSession.Session ending = cookie == null ? null : sessions.read(cookie, now).orElse(null);
        String idToken = ending == null || ending.endSession() == null ? null
                : sessions.idToken(ending, signOut, now).orElse(null);
        URI home = URI.create(address.base(uri) + "/");
        URI next = idToken == null ? home
                : UriBuilder.fromUri(ending.endSession())
                        .queryParam("id_token_hint", idToken)
                        .queryParam("post_logout_redirect_uri", home)
                        .build();
        return Response.seeOther(next).header(HttpHeaders.SET_COOKIE, sessions.cleared().encode())
                .header(HttpHeaders.SET_COOKIE, sessions.signOutCleared().encode()).build();
    }
}
