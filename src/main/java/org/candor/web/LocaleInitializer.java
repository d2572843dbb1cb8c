package org.candor.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.arc.Arc;
import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * Renders every template created during an HTTP request in the visitor's language (see {@link Ui#locale()}). It runs
 * for every template instance, each message of a bundle included (hundreds per queue page), so it holds the request
 * beans' client proxies rather than looking them up each time.
 */
@ApplicationScoped
class LocaleInitializer {

    private final CurrentVertxRequest request;
    private final Ui ui;

    LocaleInitializer(CurrentVertxRequest request, Ui ui) {
        this.request = request;
        this.ui = ui;
    }

    void register(@Observes EngineBuilder builder) {
        builder.addTemplateInstanceInitializer(this::applyVisitorLocale);
    }

    private void applyVisitorLocale(TemplateInstance instance) {
        // only in an HTTP request: a request context without one (a scheduled job, a test) renders in the default
        if (Arc.container().requestContext().isActive() && request.getCurrent() != null) {
            instance.setLocale(ui.locale());
        }
    }
}
