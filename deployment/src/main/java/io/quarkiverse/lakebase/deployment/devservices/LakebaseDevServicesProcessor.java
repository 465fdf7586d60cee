package io.quarkiverse.lakebase.deployment.devservices;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.lakebase.runtime.config.DatabricksAppsEnvironmentInterceptor;
import io.quarkiverse.lakebase.runtime.config.LakebaseBuildTimeConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.smallrye.config.SmallRyeConfig;

/**
 * Starts the local Lakebase in dev and test mode when no Lakebase host is configured.
 */
@BuildSteps(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
class LakebaseDevServicesProcessor {

    private static final Logger LOG = Logger.getLogger(LakebaseDevServicesProcessor.class);

    @BuildStep
    DevServicesResultBuildItem startLocalLakebase(LakebaseBuildTimeConfig config) {
        if (!isWanted(config)) {
            return null;
        }
        return DevServicesResultBuildItem.<LocalLakebase> owned()
                .feature(LakebaseDefaults.FEATURE)
                .serviceConfig(config.devservices())
                .startable(() -> new LocalLakebase(config.devservices()))
                .config(Map.of(
                        "quarkus.lakebase.host", LocalPostgres.HOST,
                        "quarkus.lakebase.database", config.devservices().database(),
                        "quarkus.lakebase.endpoint", WorkspaceEmulator.ENDPOINT,
                        "quarkus.lakebase.ssl-mode", "disable",
                        "quarkus.lakebase.databricks.auth-type", "oauth-m2m"))
                .configProvider(Map.<String, Function<LocalLakebase, String>> of(
                        "quarkus.lakebase.port", local -> String.valueOf(local.postgresPort()),
                        "quarkus.lakebase.databricks.host", LocalLakebase::workspaceUrl,
                        "quarkus.lakebase.databricks.client-id", LocalLakebase::clientId,
                        "quarkus.lakebase.databricks.client-secret", LocalLakebase::clientSecret))
                .build();
    }

    /** Whether the local Lakebase is to run: on, and no Lakebase or database configured instead. */
    private static boolean isWanted(LakebaseBuildTimeConfig config) {
        if (!config.devservices().enabled()) {
            LOG.debug("Not starting the local Lakebase: quarkus.lakebase.devservices.enabled is false");
            return false;
        }
        Optional<String> hostVariable = DatabricksAppsEnvironmentInterceptor.variableOf(ConfigProvider.getConfig()
                .unwrap(SmallRyeConfig.class).getConfigValue("quarkus.lakebase.host"));
        if (hostVariable.isPresent()) {
            // a variable left in a developer's shell must not switch the local Lakebase off silently
            LOG.infof("Not starting the local Lakebase: the %s environment variable sets quarkus.lakebase.host; unset it"
                    + " to use the local Lakebase", hostVariable.get());
            return false;
        }
        if (isConfigured("quarkus.lakebase.host") || isConfigured("quarkus.datasource.jdbc.url")) {
            LOG.debug("Not starting the local Lakebase: a Lakebase host or datasource URL is configured");
            return false;
        }
        return true;
    }

    private static boolean isConfigured(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, String.class).filter(v -> !v.isBlank())
                .isPresent();
    }
}
