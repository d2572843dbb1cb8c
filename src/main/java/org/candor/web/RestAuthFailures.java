package org.candor.web;

import java.lang.reflect.Constructor;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Hands authentication failures to Quarkus REST the way Quarkus REST itself does, without the route table it rebuilds
 * for every request. With Micrometer present, Quarkus REST (3.31, 3.33) replaces the default authentication-failure
 * handler of each request with its own, and first works out the request's path template for the metrics of a failure
 * that might come before the resource is matched: it builds a new {@code RequestMapper} from every resource class to
 * do so. That was half of what a cached page allocated (35 KB a request) and a tenth of its CPU, on every request,
 * signed in or not (docs/benchmarks.md, #19). This filter, right after authentication (the same priority, registered
 * later), puts Quarkus REST's own handler in place first, so REST finds its handler already there and skips the
 * mapping. Authentication is not proactive here and no path permission is configured, so a failure only ever arises
 * inside a matched resource, whose template REST sets itself ({@code WebBasicsTest} checks the metric's template).
 * Should a later Quarkus drop that handler class, nothing is registered and Quarkus behaves as it does without this.
 */
@ApplicationScoped
class RestAuthFailures {

    private static final Logger LOG = Logger.getLogger(RestAuthFailures.class);
    /** Authentication's priority: registered after it, so it runs right after it and before Quarkus REST's (199). */
    private static final int PRIORITY = 200;
    private static final String REST_HANDLER =
            "io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder$FailingDefaultAuthFailureHandler";

    void register(@Observes Filters filters) {
        BiConsumer<RoutingContext, Throwable> rest = restHandler();
        if (rest == null) {
            return;
        }
        filters.register(context -> {
            Object handler = context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
            if (handler instanceof HttpSecurityRecorder.DefaultAuthFailureHandler) {
                context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, rest);
            }
            context.next();
        }, PRIORITY);
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<RoutingContext, Throwable> restHandler() {
        try {
            Constructor<?> made = Class.forName(REST_HANDLER).getDeclaredConstructor();
            made.setAccessible(true);
            return (BiConsumer<RoutingContext, Throwable>) made.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf("Quarkus REST's authentication-failure handler is not where it was (%s): every request pays for "
                    + "its path-template mapping again", e);
            return null;
        }
    }
}
