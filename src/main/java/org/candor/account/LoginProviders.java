package org.candor.account;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * The sign-in providers Candor knows, each a {@code quarkus-oidc} tenant of the same name, and which of them are
 * enabled: a provider is enabled when its tenant is enabled and has a client id.
 */
@ApplicationScoped
public class LoginProviders {

    /** A sign-in button. */
    public record Provider(String id, String label) {

        /** The environment variable that enables this provider. */
        public String clientIdVariable() {
            return "QUARKUS_OIDC_" + id.toUpperCase(java.util.Locale.ROOT) + "_CLIENT_ID";
        }
    }

    /** Every provider Candor can offer, in the order the sign-in page shows them. */
    static final List<String> KNOWN = List.of("google", "github", "microsoft", "facebook", "apple", "oidc");

    private final List<Provider> enabled;
    private final List<Provider> all;

    LoginProviders(Config config, AccountConfig accountConfig) {
        this.all = KNOWN.stream().map(id -> new Provider(id, label(id, accountConfig.login().oidcLabel()))).toList();
        this.enabled = KNOWN.stream()
                .filter(id -> config.getOptionalValue("quarkus.oidc." + id + ".tenant-enabled", Boolean.class).orElse(true))
                .filter(id -> config.getOptionalValue("quarkus.oidc." + id + ".client-id", String.class)
                        .filter(s -> !s.isBlank()).isPresent())
                .map(id -> new Provider(id, label(id, accountConfig.login().oidcLabel())))
                .toList();
    }

    public List<Provider> enabled() {
        return enabled;
    }

    /** Every provider Candor can offer, enabled or not. */
    public List<Provider> all() {
        return all;
    }

    public boolean isEnabled(String id) {
        return enabled.stream().anyMatch(p -> p.id().equals(id));
    }

    private static String label(String id, Optional<String> oidcLabel) {
        return switch (id) {
            case "google" -> "Google";
            case "github" -> "GitHub";
            case "microsoft" -> "Microsoft";
            case "facebook" -> "Facebook";
            case "apple" -> "Apple";
            default -> oidcLabel.filter(s -> !s.isBlank()).orElse("Company sign-in");
        };
    }
}
