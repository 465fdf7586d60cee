package io.quarkiverse.lakebase.runtime.config;

import java.util.Map;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Lets each {@code quarkus.lakebase.*} connection property fall back to the environment variable that Databricks Apps
 * injects. A value the user configured anywhere wins; the variable wins over the property's built-in default.
 * <p>
 * Sits between the profile interceptor (3200) and the expression interceptor (3300): {@code %dev.quarkus.lakebase.host}
 * counts as configured, and
 * expressions that reference these properties, such as the derived datasource URL, see the fallback.
 */
@Priority(Priorities.LIBRARY + 250)
public class DatabricksAppsEnvironment implements ConfigSourceInterceptor {

    /** Properties and the environment variables they fall back to. */
    public static final Map<String, String> FALLBACKS = Map.of(
            "quarkus.lakebase.endpoint", "LAKEBASE_ENDPOINT",
            "quarkus.lakebase.host", "PGHOST",
            "quarkus.lakebase.port", "PGPORT",
            "quarkus.lakebase.database", "PGDATABASE",
            "quarkus.lakebase.username", "PGUSER",
            "quarkus.lakebase.ssl-mode", "PGSSLMODE",
            "quarkus.lakebase.application-name", "PGAPPNAME");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (configured != null && !isBuiltInDefault(configured)) {
            return configured;
        }
        String variable = FALLBACKS.get(name);
        if (variable == null) {
            return configured;
        }
        ConfigValue fromEnvironment = context.proceed(variable);
        if (fromEnvironment == null || fromEnvironment.getValue() == null || fromEnvironment.getValue().isBlank()) {
            return configured;
        }
        return fromEnvironment.withName(name);
    }

    /** Whether a value is a property's built-in default rather than one the user configured. */
    static boolean isBuiltInDefault(ConfigValue value) {
        // default values live in sources with negative ordinals; every user-facing source is positive
        return value.getConfigSourceOrdinal() < 0;
    }
}
