package org.candor.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.security.HttpSecurity;

/**
 * {@code /login/<provider>} of every enabled provider requires authentication, so visiting it starts that provider's
 * authorization-code flow. Paths of providers that are not enabled stay open and answer 404.
 */
@ApplicationScoped
class LoginSecurity {

    void configure(@Observes HttpSecurity http, LoginProviders providers) {
        String[] paths = providers.enabled().stream().map(p -> "/login/" + p.id()).toArray(String[]::new);
        if (paths.length > 0) {
            // visiting (GET) starts the flow; any other method is simply not a route here (405), never a redirect
            http.get(paths).authenticated();
            http.path(paths).permit();
        }
    }
}
