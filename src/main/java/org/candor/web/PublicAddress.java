package org.candor.web;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address visitors use, for every absolute link Candor makes (feeds, sign-out, e-mails): {@code CANDOR_PUBLIC_URL},
 * required in production; in dev and test, the address the request came to.
 */
@ApplicationScoped
public class PublicAddress {

    private final Optional<String> configured;

    PublicAddress(@ConfigProperty(name = "CANDOR_PUBLIC_URL") Optional<String> configured) {
        this.configured = configured.map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    /** The public base address, without a trailing slash. */
    public String base(UriInfo uri) {
        return configured.orElseGet(() -> {
            String base = uri.getBaseUri().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        });
    }
}
