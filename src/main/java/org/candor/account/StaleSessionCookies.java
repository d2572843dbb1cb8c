package org.candor.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;

/**
 * Clears what an earlier session left behind: a provider's session cookie ({@code q_session_<provider>}) is only
 * needed on {@code /login/<provider>} while a sign-in completes, and the {@code candor_seen} cookie of earlier
 * releases is no longer read. A browser that still sends them elsewhere gets them removed, so they can neither be
 * mistaken for a session nor stand in the way of the next sign-in.
 */
@ApplicationScoped
class StaleSessionCookies {

    private static final String LEGACY_SEEN = "candor_seen";
    /** Runs before authentication (priority 200). */
    private static final int PRIORITY = 240;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!context.normalizedPath().startsWith("/login/")) {
                for (Cookie c : context.request().cookies()) {
                    if (c.getName().startsWith(LoginTenantResolver.SESSION_COOKIE_PREFIX)
                            || c.getName().equals(LEGACY_SEEN)) {
                        context.response().addCookie(Cookie.cookie(c.getName(), "").setPath("/").setMaxAge(0)
                                .setHttpOnly(true).setSameSite(CookieSameSite.LAX));
                    }
                }
            }
            context.next();
        }, PRIORITY);
    }
}
