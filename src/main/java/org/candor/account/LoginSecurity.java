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
            http.path(paths).authenticated();
        }
    }
}
