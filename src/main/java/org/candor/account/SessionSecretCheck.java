package org.candor.account;

import java.util.Optional;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;

/**
 * In production, sessions are encrypted with {@code CANDOR_SESSION_SECRET}, shared by every instance. Refuses to run
 * with sign-in enabled and no such secret, rather than inventing one per instance (which signs everyone out whenever
 * they land on another instance).
 */
@IfBuildProfile("prod")
class SessionSecretCheck {

    private static final Logger LOG = Logger.getLogger(SessionSecretCheck.class);

    void check(@Observes StartupEvent start, LoginProviders providers,
            @ConfigProperty(name = "CANDOR_SESSION_SECRET") Optional<String> secret) {
        if (!providers.enabled().isEmpty() && secret.map(String::length).orElse(0) < 32) {
            LOG.error("Candor: sign-in providers are enabled but CANDOR_SESSION_SECRET is missing or shorter than 32 "
                    + "characters. Set it to the same random value on every instance (e.g. openssl rand -base64 48).");
            Quarkus.asyncExit(2);
        }
    }
}
