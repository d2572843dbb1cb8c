package org.candor.account;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

import org.candor.web.Drafts;
import org.candor.web.LocalPath;

/**
 * E-mail sign-in beside the providers: the visitor types an address, gets a one-time link, and opens it in the same
 * browser. The account is keyed by the verified address (provider {@value #PROVIDER}). Whether the address has an
 * account changes nothing in the answer.
 */
@Path("/login/email")
@Produces(MediaType.TEXT_HTML)
public class EmailSignInResource {

    /** The provider name of identities proved by e-mail; the subject is the address in lower case. */
    public static final String PROVIDER = "email";
    /** The asking browser's random value (the link is bound to its hash). */
    static final String BROWSER = "candor_email_browser";

    /** The e-mail sign-in form. */
    public record EmailForm(@RestForm String email, @RestForm String back) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance emailSent(String address, long minutes);

        static native TemplateInstance emailRefused(EmailLinks.Refusal refusal);
    }

    private final EmailLinks links;
    private final AccountService accounts;
    private final SignInFlow flow;
    private final CandorSession sessions;
    private final LoginProviders providers;
    private final Drafts drafts;
    private final HttpServerRequest request;
    private final AccountConfig config;
    private final AccMsg msg;

    EmailSignInResource(EmailLinks links, AccountService accounts, SignInFlow flow, CandorSession sessions,
            LoginProviders providers, Drafts drafts, HttpServerRequest request, AccountConfig config, AccMsg msg) {
        this.links = links;
        this.accounts = accounts;
        this.flow = flow;
        this.sessions = sessions;
        this.providers = providers;
        this.drafts = drafts;
        this.request = request;
        this.config = config;
        this.msg = msg;
    }

    /** Sends a link to the address typed; the same answer for every address. */
    @POST
    public Response ask(@BeanParam EmailForm form, @CookieParam(BROWSER) String browser) {
        String back = LocalPath.orHome(form.back());
        String address = EmailLinks.normalise(form.email());
        if (address == null) {
            return again(form, 400, msg.email_invalid(), null);
        }
        String secret = browser != null && browser.matches("[A-Za-z0-9_-]{43}") ? browser : links.browserSecret();
        try {
            links.send(address, back, secret, request.remoteAddress().hostAddress());
        } catch (EmailLinks.TooOften e) {
            return Response.fromResponse(again(form, 429, msg.email_too_often(minutes(e.retryAfterSeconds())),
                    e.retryAfterSeconds())).header("Retry-After", e.retryAfterSeconds()).build();
        }
        long lifetime = config.login().email().linkLifetime().toSeconds();
        return Response.seeOther(URI.create("/login/email/sent"))
                .header(HttpHeaders.SET_COOKIE, sessions.sideCookie(BROWSER, secret, lifetime).encode())
                .header(HttpHeaders.SET_COOKIE, sessions.sideCookie("candor_email_asked", address, lifetime).encode())
                .build();
    }

    @GET
    @Path("sent")
    public TemplateInstance sent(@CookieParam("candor_email_asked") String address) {
        return Templates.emailSent(EmailLinks.normalise(address), config.login().email().linkLifetime().toMinutes());
    }

    /** The link from the e-mail: signs in (or links, or offers to link, {@link SignInFlow}) once, in the asking browser. */
    @GET
    @Path("{token}")
    public Response use(@PathParam("token") String token, @CookieParam(BROWSER) String browser,
            @CookieParam(SignInFlow.LINK) String link, @CookieParam(SignInFlow.PENDING) String pending) {
        EmailLinks.Use used = links.use(token, browser);
        if (used.refusal() != null) {
            int status = used.refusal() == EmailLinks.Refusal.UNKNOWN ? 404
                    : used.refusal() == EmailLinks.Refusal.OTHER_BROWSER ? 403 : 410;
            return Response.status(status).entity(Templates.emailRefused(used.refusal())).build();
        }
        return flow.byAddress(used.address(), used.back(), link, pending);
    }

    private Response again(EmailForm form, int status, String error, Long retryAfter) {
        List<LoginProviders.Provider> enabled = providers.enabled();
        return Response.status(status).entity(LoginResource.Templates.login(enabled, LocalPath.orHome(form.back()),
                drafts.waiting(), form, error, retryAfter)).build();
    }

    private static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }
}
