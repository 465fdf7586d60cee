package io.quarkiverse.lakebase.deployment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkiverse.lakebase.runtime.LakebaseDatasourceNames;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Makes each datasource named in {@code quarkus.lakebase."name".*} a PostgreSQL datasource opened through
 * {@link LakebaseDriver}, at the lowest priority. These are build-time datasource properties, read before any build
 * step runs, so they come from a configuration source that looks at the other sources' property names.
 */
final class NamedDatasourceKinds implements ConfigSourceFactory {

    /** Below every user-facing source, above the built-in defaults. */
    private static final int ORDINAL = 1;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> defaults = new HashMap<>();
        for (String name : LakebaseDatasourceNames.namedIn(context::iterateNames)) {
            PropertyNames properties = PropertyNames.of(name);
            defaults.put(properties.datasourceProperty("db-kind"), "postgresql");
            defaults.put(properties.datasourceProperty("jdbc.driver"), LakebaseDriver.class.getName());
            defaults.put(properties.datasourceProperty("devservices.enabled"), "false");
            defaults.put(properties.datasourceProperty("jdbc.metrics.enabled"), "true");
        }
        return List.of(new PropertiesConfigSource(defaults, "Lakebase named datasources", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }
}
