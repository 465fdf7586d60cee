package io.quarkiverse.lakebase.runtime.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Lets each {@code quarkus.lakebase.*} connection property fall back to the environment variable that Databricks Apps
 * injects. A value the user configured anywhere wins; the variable wins over the property's built-in default.
 * <p>
 * The HTTP server follows the platform's contract the same way: with {@code DATABRICKS_APP_PORT} set, it listens on that
 * port on all interfaces unless {@code quarkus.http.port} or {@code quarkus.http.host} is configured.
 * <p>
 * Sits between the profile interceptor (3200) and the expression interceptor (3300): {@code %dev.quarkus.lakebase.host}
 * counts as configured, and
 * expressions that reference these properties, such as the derived datasource URL, see the fallback.
 */
public class DatabricksAppsEnvironmentInterceptor implements ConfigSourceInterceptor {

    /** Registered with {@link PrioritizedInterceptor}. */
    static final int PRIORITY = Priorities.LIBRARY + 250;

    static final String HTTP_PORT = "quarkus.http.port";
    static final String HTTP_HOST = "quarkus.http.host";
    static final String APP_PORT_VARIABLE = "DATABRICKS_APP_PORT";
    private static final String SOURCE_PREFIX = "Databricks Apps environment variable ";
    /** The Databricks Apps proxy reaches the app from outside its container. */
    static final String ALL_INTERFACES = "0.0.0.0";

    /** Properties and the environment variables they fall back to. */
    public static final Map<String, String> FALLBACKS = Map.of(
            "quarkus.lakebase.endpoint", "LAKEBASE_ENDPOINT",
            "quarkus.lakebase.host", "PGHOST",
            "quarkus.lakebase.port", "PGPORT",
            "quarkus.lakebase.database", "PGDATABASE",
            "quarkus.lakebase.username", "PGUSER",
            "quarkus.lakebase.ssl-mode", "PGSSLMODE",
            "quarkus.lakebase.application-name", "PGAPPNAME",
            HTTP_PORT, APP_PORT_VARIABLE);

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (configured != null && !isBuiltInDefault(configured)) {
            return configured;
        }
        if (HTTP_HOST.equals(name)) {
            ConfigValue appPort = environment(context, APP_PORT_VARIABLE);
            return appPort == null ? configured
                    : appPort.withName(name).withValue(ALL_INTERFACES).withConfigSourceName(sourceName(APP_PORT_VARIABLE));
        }
        String variable = FALLBACKS.get(name);
        if (variable == null) {
            return configured;
        }
        ConfigValue fromEnvironment = environment(context, variable);
        return fromEnvironment == null ? configured
                : fromEnvironment.withName(name).withConfigSourceName(sourceName(variable));
    }

    /** Where a value taken from a variable says it comes from; {@link #variableOf} reads it back. */
    static String sourceName(String variable) {
        return SOURCE_PREFIX + variable;
    }

    /** The Databricks Apps variable a value was taken from, when it was. */
    public static Optional<String> variableOf(ConfigValue value) {
        String source = value == null ? null : value.getConfigSourceName();
        return source != null && source.startsWith(SOURCE_PREFIX)
                ? Optional.of(source.substring(SOURCE_PREFIX.length()))
                : Optional.empty();
    }

    private static ConfigValue environment(ConfigSourceInterceptorContext context, String variable) {
        ConfigValue value = context.proceed(variable);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value;
    }

    /** Whether a value is a property's built-in default rather than one the user configured. */
    static boolean isBuiltInDefault(ConfigValue value) {
        // default values live in sources with negative ordinals; every user-facing source is positive
        return value.getConfigSourceOrdinal() < 0;
    }
}
