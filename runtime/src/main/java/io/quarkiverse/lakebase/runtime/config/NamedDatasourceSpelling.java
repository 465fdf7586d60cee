package io.quarkiverse.lakebase.runtime.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Finds a named datasource's {@code quarkus.lakebase.reports.host} when {@code quarkus.lakebase."reports".host} is
 * asked for, and the other way round. Configuration mappings accept both spellings, but expressions look names up
 * exactly, and the datasource defaults that the extension derives are expressions.
 * <p>
 * Sits with {@link DatabricksAppsEnvironment} between the profile and the expression interceptors.
 */
@Priority(Priorities.LIBRARY + 250)
public class NamedDatasourceSpelling implements ConfigSourceInterceptor {

    private static final Pattern NAMED = Pattern.compile("quarkus\\.lakebase\\.(\"([^\".]+)\"|([^\".]+))\\.(.+)");

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue configured = context.proceed(name);
        if (configured != null && !DatabricksAppsEnvironment.isBuiltInDefault(configured)) {
            return configured;
        }
        Matcher named = NAMED.matcher(name);
        if (!named.matches()) {
            return configured;
        }
        String otherSpelling = named.group(2) != null
                ? "quarkus.lakebase." + named.group(2) + "." + named.group(4)
                : "quarkus.lakebase.\"" + named.group(3) + "\"." + named.group(4);
        ConfigValue other = context.proceed(otherSpelling);
        return other == null || DatabricksAppsEnvironment.isBuiltInDefault(other) ? configured : other.withName(name);
    }
}
