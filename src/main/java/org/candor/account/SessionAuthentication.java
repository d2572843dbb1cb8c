package org.candor.account;

import java.security.Principal;
import java.time.Instant;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

import org.candor.web.SecurityHeaders;

/**
 * Authenticates requests by Candor's own session cookie ({@link CandorSession}). The providers' OpenID Connect flow
 * (a lower priority mechanism) only runs on {@code /login/<provider>}, where a sign-in starts and completes; every other
 * request is signed in by this cookie or not at all. A cookie that is no longer valid (expired, idle too long, signed
 * with another secret) is cleared, and the request is anonymous.
 */
@ApplicationScoped
class SessionAuthentication implements HttpAuthenticationMechanism {

    /** The session a request carried, for {@link SessionIdentities}. */
    static final class Request extends BaseAuthenticationRequest {
        final CandorSession.Session session;

        Request(CandorSession.Session session) {
            this.session = session;
        }
    }

    /** The request attribute under which the valid session of the request is kept. */
    static final String SESSION = CandorSession.class.getName();

    private final CandorSession sessions;

    SessionAuthentication(CandorSession sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        if (context.normalizedPath().startsWith("/login/")) {
            return Uni.createFrom().nullItem();
        }
        Cookie cookie = context.request().getCookie(CandorSession.COOKIE);
        if (cookie == null) {
            return Uni.createFrom().nullItem();
        }
        long now = Instant.now().getEpochSecond();
        CandorSession.Session session = sessions.read(cookie.getValue(), now).orElse(null);
        if (session == null) {
            context.response().addCookie(sessions.cleared());
            return Uni.createFrom().nullItem();
        }
        context.put(SESSION, session);
        if (session.endSession() != null) {
            // the sign-out form ends at the provider: the page's CSP allows exactly that origin (web/SecurityHeaders)
            context.put(SecurityHeaders.FORM_ACTION_ORIGIN, origin(session.endSession()));
        }
        if (CandorSession.due(session, now)) {
            sessions.renewed(cookie.getValue(), session.seenAt(now)).forEach(context.response()::addCookie);
        }
        return identities.authenticate(new Request(session));
    }

    static String origin(String uri) {
        try {
            java.net.URI u = java.net.URI.create(uri);
            return u.getScheme() + "://" + u.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(Request.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 1000;
    }

    /** The account behind a session, as our database (or what this instance remembers of it) knows it now. */
    @ApplicationScoped
    static class SessionIdentities implements IdentityProvider<Request> {

        private final AccountService accounts;
        private final KnownAccounts known;

        SessionIdentities(AccountService accounts, KnownAccounts known) {
            this.accounts = accounts;
            this.known = known;
        }

        @Override
        public Class<Request> getRequestType() {
            return Request.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(Request request, AuthenticationRequestContext context) {
            CandorSession.Session session = request.session;
            KnownAccounts.Known account = known.find(session.accountId());
            if (account != null) {
                return Uni.createFrom().item(identity(session, account));
            }
            return context.runBlocking(() -> {
                long readAt = known.now();
                Account found = accounts.current(session.accountId()).orElse(null);
                if (found == null) {
                    return null;
                }
                return identity(session, known.remember(found, readAt));
            });
        }

        private static SecurityIdentity identity(CandorSession.Session session, KnownAccounts.Known account) {
            Principal principal = () -> "account:" + account.id();
            return AccountAugmentor.asAccount(QuarkusSecurityIdentity.builder().setPrincipal(principal)
                    .addAttribute("tenant-id", session.provider()), account.id(), account.displayName(), account.role());
        }
    }
}
