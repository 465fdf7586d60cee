package io.quarkiverse.lakebase.runtime.config;

import java.util.Optional;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Finds a named datasource's {@code quarkus.lakebase.reports.host} when {@code quarkus.lakebase."reports".host} is
 * asked for, and the other way round. Configuration mappings accept both spellings, but expressions look names up
 * exactly, and the datasource defaults that the extension derives are expressions.
 * <p>
 * Sits with {@link DatabricksAppsEnvironmentInterceptor} between the profile and the expression interceptors.
 */
public class NamedDatasourceSpellingInterceptor implements ConfigSourceInterceptor {

    /** Registered with {@link PrioritizedInterceptor}. */
    static final int PRIORITY = Priorities.LIBRARY + 250;

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (configured != null && !DatabricksAppsEnvironmentInterceptor.isBuiltInDefault(configured)) {
            return configured;
        }
        Optional<String> otherSpelling = NamedDatasourceKey.parse(name).flatMap(NamedDatasourceKey::otherSpelling);
        if (otherSpelling.isEmpty()) {
            return configured;
        }
        ConfigValue other = context.proceed(otherSpelling.get());
        return other == null || DatabricksAppsEnvironmentInterceptor.isBuiltInDefault(other) ? configured
                : other.withName(name);
    }
}
