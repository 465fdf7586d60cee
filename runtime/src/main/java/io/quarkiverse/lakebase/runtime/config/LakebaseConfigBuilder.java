package io.quarkiverse.lakebase.runtime.config;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Adds the Databricks Apps environment fallbacks, both spellings of named datasources' keys, and the session limits to
 * the application's configuration.
 */
public class LakebaseConfigBuilder implements ConfigBuilder {

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(true));
    }
}
