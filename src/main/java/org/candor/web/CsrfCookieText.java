package org.candor.web;

import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.csrf.reactive.runtime.RestCsrfConfig;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * The CSRF cookie's header as the CSRF filter sets it again on every page, with the same-site attribute Quarkus adds
 * to it ({@code quarkus.http.same-site-cookie}), for a page answered ahead of that filter ({@link KeptSignedInPages}):
 * encoded by Vert.x once a second (its {@code Expires} date is the costly part), each request's token put in its place.
 */
final class CsrfCookieText {

    /** Stands for the token in the header kept for the second (a token is URL-safe Base64). */
    private static final String TOKEN = "~token~";

    private final RestCsrfConfig csrf;
    private final Optional<CookieSameSite> sameSite;
    private volatile Second kept;

    CsrfCookieText(RestCsrfConfig csrf) {
        this.csrf = csrf;
        this.sameSite = ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.same-site-cookie.\"" + csrf.cookieName() + "\".value", String.class)
                .map(v -> CookieSameSite.valueOf(v.toUpperCase(Locale.ROOT)));
    }

    /** The header that sets the cookie to {@code token}, on a plain or a TLS request. */
    String header(String token, boolean ssl) {
        long second = System.currentTimeMillis() / 1000;
        Second text = kept;
        if (text == null || text.second() != second) {
            text = new Second(second, encoded(false), encoded(true));
            kept = text;
        }
        return (ssl ? text.secure() : text.plain()).replace(TOKEN, token);
    }

    /** The cookie's header with {@link #TOKEN} for its value. */
    private String encoded(boolean ssl) {
        Cookie cookie = Cookie.cookie(csrf.cookieName(), TOKEN)
                .setHttpOnly(csrf.cookieHttpOnly())
                .setSecure(csrf.cookieForceSecure() || ssl)
                .setMaxAge(csrf.cookieMaxAge().toSeconds())
                .setPath(csrf.cookiePath());
        csrf.cookieDomain().ifPresent(cookie::setDomain);
        sameSite.ifPresent(cookie::setSameSite);
        return cookie.encode();
    }

    /** The header in one second, for plain and TLS requests. */
    private record Second(long second, String plain, String secure) {
    }
}
