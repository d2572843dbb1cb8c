package org.candor.devdb;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Supplies the datasource of the dev and test profiles from an embedded PostgreSQL when no database URL is configured.
 * <p>
 * Never active in the prod profile: production requires {@code QUARKUS_DATASOURCE_JDBC_URL} (see {@code CandorMain}).
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!dev && !test) {
            return List.of();
        }
        ConfigValue configured = context.getValue(URL);
        if (configured != null && configured.getValue() != null && !configured.getValue().isBlank()) {
            return List.of();
        }
        EmbeddedDatabase.Connection db = test ? EmbeddedDatabase.startThrowaway() : EmbeddedDatabase.startPersistent();
        return List.of(new PropertiesConfigSource(Map.of(
                URL, db.jdbcUrl(),
                "quarkus.datasource.username", db.user(),
                "quarkus.datasource.password", db.password()), "candor-embedded-postgres", 150));
    }
}
