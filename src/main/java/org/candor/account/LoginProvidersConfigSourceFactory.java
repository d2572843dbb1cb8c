package org.candor.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Enables the OIDC tenant of each sign-in provider that has a client id, and disables the others, so a provider is
 * switched on by configuring it and nothing else. An explicit {@code quarkus.oidc.<provider>.tenant-enabled} wins.
 */
public class LoginProvidersConfigSourceFactory implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> enabled = new HashMap<>();
        for (String id : LoginProviders.KNOWN) {
            ConfigValue clientId;
            try {
                clientId = context.getValue("quarkus.oidc." + id + ".client-id");
            } catch (RuntimeException notYetResolvable) {
                continue; // e.g. an expression on a Dev Services value: leave the tenant's own default
            }
            boolean configured = clientId != null && clientId.getValue() != null && !clientId.getValue().isBlank();
            enabled.put("quarkus.oidc." + id + ".tenant-enabled", Boolean.toString(configured));
        }
        return List.of(new PropertiesConfigSource(enabled, "candor-login-providers", 50));
    }
}
