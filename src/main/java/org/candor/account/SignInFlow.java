package org.candor.account;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.Cookie;

import org.candor.web.Flash;
import org.candor.web.LocalPath;

/**
 * What happens once a person has proved an identity (a provider's callback, or an e-mail link): one person, one
 * account. An identity with an account signs in to it. A new identity is linked to the account that asked for it
 * ({@link #LINK}: the signed-in person chose "link another sign-in"), or, when an account has verified the same e-mail
 * address, the person is offered to link the two by signing in with that account ({@link #PENDING}) or to make a
 * separate account; otherwise a new account is made. Accounts are never merged automatically.
 */
@ApplicationScoped
public class SignInFlow {

    /** The signed-in person asked to link the next sign-in to their account: "account id". */
    static final String LINK = "candor_link";
    /** A new identity waiting for the person's choice (link or separate), sealed. */
    static final String PENDING = "candor_pending";
    private static final long WAIT_SECONDS = 15 * 60;

    /** A new identity waiting; {@code confirm}: the person chose to link it by signing in with the existing account. */
    record Pending(SignIn who, String back, boolean confirm) {
    }

    private final AccountService accounts;
    private final CandorSession sessions;
    private final Flash flash;

    SignInFlow(AccountService accounts, CandorSession sessions, Flash flash) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.flash = flash;
    }

    /**
     * Ends a sign-in: {@code account} is the account of the identity (null when it has none), {@code session} the
     * session to start for an account, {@code linkCookie}/{@code pendingCookie} what the browser sent.
     */
    public Response complete(SignIn who, Account account, String back, SessionFactory session, String linkCookie,
            String pendingCookie) {
        long now = Instant.now().getEpochSecond();
        Long linking = sessions.unseal(LINK, linkCookie, now).map(Long::valueOf).orElse(null);
        Pending pending = pending(pendingCookie).filter(Pending::confirm).orElse(null);
        if (account != null) {
            if (pending != null && !pending.who().equals(who)) {
                // signed in with the existing account to confirm: the waiting identity joins it
                return linked(accounts.link(account.id, pending.who()), sessions.started(session.of(account.id)));
            }
            if (linking != null) {
                return linked(linking == account.id ? AccountService.Linked.ALREADY_THIS_ACCOUNT
                        : AccountService.Linked.BELONGS_TO_ANOTHER_ACCOUNT, List.of());
            }
            return signedIn(Response.seeOther(URI.create(LocalPath.orHome(back))), session.of(account.id))
                    .header(HttpHeaders.SET_COOKIE, sessions.sideCookie(LINK, "", 0).encode()).build();
        }
        if (linking != null) {
            return linked(accounts.link(linking, who), List.of());
        }
        if (accounts.sameVerifiedEmail(who).isPresent()) {
            return Response.seeOther(URI.create("/login/link"))
                    .header(HttpHeaders.SET_COOKIE, sessions.sideCookie(PENDING, seal(new Pending(who, back, false)),
                            WAIT_SECONDS).encode()).build();
        }
        return separate(who, back, session);
    }

    /**
     * Completes a sign-in by an address the person proved they receive mail at (an e-mailed link, or an invitation
     * sent to it): the account keyed by that address, or a link or an offer to link as for any new sign-in.
     */
    public Response byAddress(String address, String back, String linkCookie, String pendingCookie) {
        SignIn who = new SignIn(EmailSignInResource.PROVIDER, address, address.substring(0, address.indexOf('@')),
                address);
        long now = Instant.now().getEpochSecond();
        return complete(who, accounts.existing(who).orElse(null), back,
                id -> new CandorSession.Session(id, EmailSignInResource.PROVIDER, now, now, null, null), linkCookie,
                pendingCookie);
    }

    /** Makes a new account for this identity and signs in to it. */
    Response separate(SignIn who, String back, SessionFactory session) {
        Account created = accounts.create(who);
        return signedIn(Response.seeOther(URI.create(LocalPath.orHome(back))), session.of(created.id))
                .header(HttpHeaders.SET_COOKIE, sessions.sideCookie(PENDING, "", 0).encode()).build();
    }

    private Response.ResponseBuilder signedIn(Response.ResponseBuilder response, CandorSession.Session session) {
        return setting(response, sessions.started(session));
    }

    private static Response.ResponseBuilder setting(Response.ResponseBuilder response, List<Cookie> cookies) {
        for (Cookie c : cookies) {
            response.header(HttpHeaders.SET_COOKIE, c.encode());
        }
        return response;
    }

    /** The profile page, saying what linking came to; {@code signIn} starts a session (or, empty, the current one stays). */
    private Response linked(AccountService.Linked outcome, List<Cookie> signIn) {
        String key = switch (outcome) {
            case LINKED -> "flash_identity_linked";
            case ALREADY_THIS_ACCOUNT -> "flash_identity_already_linked";
            case BELONGS_TO_ANOTHER_ACCOUNT -> "flash_identity_elsewhere";
        };
        Response.ResponseBuilder response = Response.fromResponse(flash.redirect(URI.create("/me/profile"), key))
                .header(HttpHeaders.SET_COOKIE, sessions.sideCookie(LINK, "", 0).encode())
                .header(HttpHeaders.SET_COOKIE, sessions.sideCookie(PENDING, "", 0).encode());
        return setting(response, signIn).build();
    }

    /** The cookie that makes the next sign-in join this account. */
    Cookie linkNext(long accountId) {
        return sessions.sideCookie(LINK, sessions.seal(LINK, Long.toString(accountId),
                Instant.now().getEpochSecond() + WAIT_SECONDS), WAIT_SECONDS);
    }

    /** The waiting identity, now marked as to be linked by the next sign-in. */
    Cookie confirmNext(Pending pending) {
        return sessions.sideCookie(PENDING, seal(new Pending(pending.who(), pending.back(), true)), WAIT_SECONDS);
    }

    Optional<Pending> pending(String cookie) {
        return sessions.unseal(PENDING, cookie, Instant.now().getEpochSecond()).map(text -> text.split("\n", -1))
                .filter(f -> f.length == 6).map(f -> new Pending(new SignIn(dec(f[0]), dec(f[1]), dec(f[2]),
                        f[3].isEmpty() ? null : dec(f[3])), dec(f[4]), "1".equals(f[5])));
    }

    private String seal(Pending p) {
        String text = String.join("\n", enc(p.who().provider()), enc(p.who().subject()), enc(p.who().displayName()),
                p.who().email() == null ? "" : enc(p.who().email()), enc(LocalPath.orHome(p.back())),
                p.confirm() ? "1" : "0");
        return sessions.seal(PENDING, text, Instant.now().getEpochSecond() + WAIT_SECONDS);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Makes the session of an account (with the provider's sign-out details, where there are any). */
    @FunctionalInterface
    public interface SessionFactory {
        CandorSession.Session of(long accountId);
    }
}
