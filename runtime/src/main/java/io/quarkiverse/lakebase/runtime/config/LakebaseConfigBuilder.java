package io.quarkiverse.lakebase.runtime.config;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Adds the Databricks Apps environment fallbacks, and both spellings of named datasources' keys, to the application's
 * configuration.
 */
public class LakebaseConfigBuilder implements ConfigBuilder {

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withInterceptors(new DatabricksAppsEnvironmentInterceptor(), new NamedDatasourceSpellingInterceptor());
    }
}
