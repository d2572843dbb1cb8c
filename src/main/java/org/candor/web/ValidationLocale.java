package org.candor.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

import io.quarkus.arc.Arc;

/** Validation messages speak the visitor's language, the same one the page is rendered in. */
@ApplicationScoped
class ValidationLocale implements LocaleResolver {

    @Override
    public Locale resolve(LocaleResolverContext context) {
        if (Arc.container().requestContext().isActive()) {
            return Arc.container().instance(Ui.class).get().locale();
        }
        return context.getDefaultLocale();
    }
}
