package org.candor.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the OIDC tenant of a request: {@code /login/<provider>} starts (and completes) a sign-in with that provider.
 * No other request involves a provider: once signed in, a visitor is known by Candor's own session
 * ({@link SessionAuthentication}), so a provider's leftover cookie elsewhere is never read (and is cleared).
 */
@ApplicationScoped
class LoginTenantResolver implements TenantResolver {

    static final String SESSION_COOKIE_PREFIX = "q_session_";
    private static final String LOGIN_PREFIX = "/login/";

    private final LoginProviders providers;

    LoginTenantResolver(LoginProviders providers) {
        this.providers = providers;
    }

    @Override
    public String resolve(RoutingContext context) {
        String path = context.normalizedPath();
        if (path.startsWith(LOGIN_PREFIX)) {
            String id = path.substring(LOGIN_PREFIX.length());
            int slash = id.indexOf('/');
            id = slash < 0 ? id : id.substring(0, slash);
            if (providers.isEnabled(id)) {
                return id;
            }
        }
        return null;
    }
}
