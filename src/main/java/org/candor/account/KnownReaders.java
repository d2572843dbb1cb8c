package org.candor.account;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import org.candor.web.SignedInReaders;

/**
 * Who a request's session cookie signs in, when that is known from memory and nothing needs writing: for pages answered
 * ahead of Quarkus' security chain ({@link org.candor.web.KeptSignedInPages}). Whenever the full authentication
 * ({@link SessionAuthentication}) would do more than read, the answer is null and the request takes that way: a cookie
 * it would clear (not ours, expired, idle too long), a last-seen due to be written again (it renews the cookie), an
 * account not remembered or changed since it was read (it reads the database).
 */
@ApplicationScoped
public class KnownReaders implements SignedInReaders {

    private final CandorSession sessions;
    private final KnownAccounts known;

    KnownReaders(CandorSession sessions, KnownAccounts known) {
        this.sessions = sessions;
        this.known = known;
    }

    /** The reader this request's session cookie signs in, or null (see above). */
    @Override
    public Reader find(HttpServerRequest request) {
        long now = Instant.now().getEpochSecond();
        CandorSession.Session session = session(request, now);
        KnownAccounts.Known account = session == null || CandorSession.due(session, now) ? null
                : known.find(session.accountId());
        if (account == null) {
            return null;
        }
        return new Reader(account.id(), account.displayName(), account.role() != Role.CUSTOMER,
                session.endSession() == null ? null : SessionAuthentication.origin(session.endSession()));
    }

    @Override
    public Unknown why(HttpServerRequest request) {
        long now = Instant.now().getEpochSecond();
        CandorSession.Session session = session(request, now);
        return session == null ? Unknown.SESSION : CandorSession.due(session, now) ? Unknown.DUE : Unknown.ACCOUNT;
    }

    private CandorSession.Session session(HttpServerRequest request, long now) {
        Cookie cookie = request.getCookie(CandorSession.COOKIE);
        return cookie == null ? null : sessions.read(cookie.getValue(), now).orElse(null);
    }
}
