package org.candor.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends sessions left unused for {@code candor.session.idle-timeout}. Every signed-in request refreshes a
 * {@code candor_seen} cookie (at most once a minute); a request whose session has been idle too long is sent back to
 * the same address with its session cookies cleared, so it arrives signed out.
 */
@ApplicationScoped
class IdleSessions {

    static final String SEEN_COOKIE = "candor_seen";
    private static final int PRIORITY = 240;
    private static final long REFRESH_SECONDS = 60;

    void register(@Observes Filters filters, AccountConfig config) {
        Duration idle = config.session().idleTimeout();
        filters.register(context -> {
            List<Cookie> sessions = sessionCookies(context);
            if (!sessions.isEmpty()) {
                long now = Instant.now().getEpochSecond();
                long seen = seen(context);
                if (seen > 0 && now - seen > idle.toSeconds()) {
                    signOut(context, sessions);
                    return;
                }
                if (now - seen > REFRESH_SECONDS) {
                    context.response().addCookie(Cookie.cookie(SEEN_COOKIE, Long.toString(now)).setPath("/")
                            .setHttpOnly(true).setSameSite(CookieSameSite.LAX).setMaxAge(idle.toSeconds() + 3600));
                }
            }
            context.next();
        }, PRIORITY);
    }

    private static List<Cookie> sessionCookies(RoutingContext context) {
        return context.request().cookies().stream()
                .filter(c -> c.getName().startsWith(LoginTenantResolver.SESSION_COOKIE_PREFIX))
                .toList();
    }

    private static long seen(RoutingContext context) {
        Cookie seen = context.request().getCookie(SEEN_COOKIE);
        if (seen == null) {
            return 0;
        }
        try {
            return Long.parseLong(seen.getValue());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void signOut(RoutingContext context, List<Cookie> sessions) {
        var response = context.response();
        for (Cookie c : sessions) {
            response.headers().add(HttpHeaders.SET_COOKIE, c.getName() + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        }
        response.headers().add(HttpHeaders.SET_COOKIE, SEEN_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        boolean safe = "GET".equals(context.request().method().name()) || "HEAD".equals(context.request().method().name());
        String location = safe ? context.request().uri() : "/login";
        response.setStatusCode(safe ? 302 : 303).putHeader(HttpHeaders.LOCATION, location).end();
    }
}
