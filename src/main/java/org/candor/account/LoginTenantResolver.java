package org.candor.account;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.oidc.TenantResolver;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Picks the OIDC tenant of a request: {@code /login/<provider>} starts (and completes) a sign-in with that provider;
 * any other request belongs to the provider whose session cookie it carries.
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
        for (Cookie cookie : context.request().cookies()) {
            String name = cookie.getName();
            if (name.startsWith(SESSION_COOKIE_PREFIX)) {
                String id = name.substring(SESSION_COOKIE_PREFIX.length());
                int chunk = id.indexOf("_chunk_");
                id = chunk < 0 ? id : id.substring(0, chunk);
                if (providers.isEnabled(id)) {
                    return id;
                }
            }
        }
        return null;
    }
}
