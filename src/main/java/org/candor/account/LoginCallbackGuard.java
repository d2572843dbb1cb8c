package org.candor.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a sign-in callback that does not belong to a sign-in this browser started: its {@code state} must match
 * the state cookie set when the visitor left for the provider. Such a callback (forged, replayed, or opened in
 * another browser) gets the friendly "sign-in did not complete" page with 401 instead of a new round trip.
 */
@ApplicationScoped
class LoginCallbackGuard {

    static final String FAILED_PATH = "/login/failed";
    /** Runs before authentication (priority 200), after nothing that matters. */
    private static final int PRIORITY = 250;

    void register(@Observes Filters filters, LoginProviders providers) {
        filters.register(context -> {
            String provider = callbackProvider(context, providers);
            if (provider != null && !hasMatchingState(context, provider)) {
                context.reroute(FAILED_PATH);
                return;
            }
            context.next();
        }, PRIORITY);
    }

    private static String callbackProvider(RoutingContext context, LoginProviders providers) {
        String path = context.normalizedPath();
        if (!path.startsWith("/login/") || context.request().getParam("state") == null) {
            return null;
        }
        String id = path.substring("/login/".length());
        return providers.isEnabled(id) ? id : null;
    }

    private static boolean hasMatchingState(RoutingContext context, String provider) {
        String expected = "q_auth_" + provider + "_" + context.request().getParam("state");
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
