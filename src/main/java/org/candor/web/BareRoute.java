package org.candor.web;

import java.io.IOException;
import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

/**
 * For benchmarks only ({@code candor.bench.bare-route=true}; off by default, and then nothing is registered): the
 * stylesheet's bytes from memory at {@code /bench/bare}, answered by a plain Vert.x route ahead of everything Candor and
 * Quarkus put on a request (security, headers, static files). bench/run compares the real stylesheet with it: what the
 * rest costs a request.
 */
@ApplicationScoped
class BareRoute {

    void register(@Observes Router router, @ConfigProperty(name = "candor.bench.bare-route", defaultValue = "false")
            boolean enabled) throws IOException {
        if (!enabled) {
            return;
        }
        Buffer css;
        try (InputStream in = BareRoute.class.getResourceAsStream("/META-INF/resources/css/candor.css")) {
            css = Buffer.buffer(in.readAllBytes());
        }
        router.get("/bench/bare").order(Integer.MIN_VALUE).handler(context -> context.response()
                .putHeader("Content-Type", "text/css;charset=UTF-8").end(css));
    }
}
