package org.candor.account;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Declares every sign-in provider once: each is a {@code quarkus-oidc} tenant named after it, and what all of them share
 * (the callback at {@code /login/<provider>}, Candor's error page, encrypted state in production, the local sign-in
 * server standing in for every provider in dev and test) is written here instead of six times in
 * {@code application.properties}; only what differs per provider is listed below. A tenant is enabled when it has a
 * client id. Anything set in {@code application.properties} or the environment wins (this source has a low ordinal).
 */
public class LoginProvidersConfigSourceFactory implements ConfigSourceFactory {

    /** Providers that are OAuth2 rather than OpenID Connect: no ID token, the person comes from user info. */
    private static final Set<String> OAUTH2 = Set.of("github", "facebook");
    /** Providers that Quarkus knows well ({@code quarkus.oidc.<tenant>.provider}). */
    private static final Set<String> WELL_KNOWN = Set.of("google", "github", "microsoft", "facebook", "apple");
    /** Providers that support PKCE and a nonce in production. */
    private static final Set<String> PKCE = Set.of("google", "microsoft", "oidc");
    private static final Set<String> NONCE = Set.of("google", "microsoft", "apple", "oidc");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean prod = !context.getProfiles().contains("dev") && !context.getProfiles().contains("test");
        Map<String, String> tenants = new HashMap<>();
        for (String id : LoginProviders.KNOWN) {
            String t = "quarkus.oidc." + id + ".";
            tenants.put(t + "application-type", "web-app");
            tenants.put(t + "authentication.redirect-path", (prod ? "${CANDOR_PUBLIC_URL}" : "") + "/login/" + id);
            tenants.put(t + "authentication.restore-path-after-redirect", "true");
            tenants.put(t + "authentication.error-path", "/login/failed");
            // the provider's session is only needed until Candor's own session is issued (CandorSession)
            tenants.put(t + "authentication.session-age-extension", "PT10M");
            tenants.put(t + "token.refresh-expired", "true");
            if (prod) {
                tenants.put(t + "authentication.cookie-force-secure", "true");
                tenants.put(t + "token-state-manager.encryption-secret", "${CANDOR_SESSION_SECRET:}");
                tenants.put(t + "authentication.state-secret", "${CANDOR_SESSION_SECRET:}");
                if (WELL_KNOWN.contains(id)) {
                    tenants.put(t + "provider", id);
                }
                if (PKCE.contains(id)) {
                    tenants.put(t + "authentication.pkce-required", "true");
                }
                if (NONCE.contains(id)) {
                    tenants.put(t + "authentication.nonce-required", "true");
                }
            } else {
                // the container-free Dev Services for OIDC stands in for every provider
                tenants.put(t + "auth-server-url", "${quarkus.oidc.auth-server-url}");
                tenants.put(t + "client-id", "${quarkus.oidc.client-id}");
                tenants.put(t + "credentials.secret", "${quarkus.oidc.credentials.secret}");
                tenants.put(t + "authentication.scopes", "email,profile");
                if (OAUTH2.contains(id)) {
                    tenants.put(t + "authentication.id-token-required", "false");
                    tenants.put(t + "authentication.user-info-required", "true");
                }
            }
            ConfigValue clientId;
            try {
                clientId = context.getValue(t + "client-id");
            } catch (RuntimeException notYetResolvable) {
                continue; // e.g. an expression on a Dev Services value: leave the tenant's own default
            }
            boolean configured = (clientId != null && clientId.getValue() != null && !clientId.getValue().isBlank())
                    || !prod;
            tenants.put(t + "tenant-enabled", Boolean.toString(configured));
        }
        return List.of(new PropertiesConfigSource(tenants, "candor-login-providers", 50));
    }
}
