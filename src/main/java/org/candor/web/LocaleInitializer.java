package org.candor.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;

/** Renders every template created during an HTTP request in the visitor's language (see {@link Ui#locale()}). */
@ApplicationScoped
class LocaleInitializer {

    void register(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(LocaleInitializer::applyVisitorLocale);
    }

    private static void applyVisitorLocale(TemplateInstance instance) {
        // only in an HTTP request: a request context without one (a scheduled job, a test) renders in the default
        if (Arc.container().requestContext().isActive()
                && Arc.container().instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class).get()
                        .getCurrent() != null) {
            instance.setLocale(Arc.container().instance(Ui.class).get().locale());
        }
    }
}
