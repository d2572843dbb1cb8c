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
        if (Arc.container().requestContext().isActive()) {
            instance.setLocale(Arc.container().instance(Ui.class).get().locale());
        }
    }
}
