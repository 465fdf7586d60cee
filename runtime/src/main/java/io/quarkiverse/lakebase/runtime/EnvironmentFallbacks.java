package io.quarkiverse.lakebase.runtime;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.lakebase.runtime.config.DatabricksAppsEnvironmentInterceptor;
import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.SmallRyeConfig;

/**
 * Says which Databricks Apps environment variables configure the application, in dev and test mode: there a
 * {@code PGHOST} or {@code PGUSER} left in a developer's shell silently changes which database is used and as whom.
 */
final class EnvironmentFallbacks {

    private EnvironmentFallbacks() {
    }

    static void logInDevelopment() {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            return;
        }
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        Map<String, String> used = new TreeMap<>();
        for (String property : DatabricksAppsEnvironmentInterceptor.FALLBACKS.keySet()) {
            DatabricksAppsEnvironmentInterceptor.variableOf(config.getConfigValue(property))
                    .ifPresent(variable -> used.put(variable, property));
        }
        if (!used.isEmpty()) {
            LakebaseLog.LOG.warnf("Lakebase settings taken from environment variables of Databricks Apps: %s. Unset them"
                    + " to use the local Lakebase or application.properties",
                    used.entrySet().stream()
                            .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                            .collect(Collectors.joining(", ")));
        }
    }
}
