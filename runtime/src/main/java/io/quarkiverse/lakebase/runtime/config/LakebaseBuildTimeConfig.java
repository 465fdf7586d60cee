package io.quarkiverse.lakebase.runtime.config;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * Build-time settings of the Lakebase extension.
 */
@ConfigMapping(prefix = "quarkus.lakebase")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface LakebaseBuildTimeConfig {

    /**
     * The local Lakebase that Dev Services start in dev and test mode.
     */
    DevServicesConfig devservices();

    /**
     * The folder that deploys the application to Databricks Apps.
     */
    DatabricksAppConfig databricksApp();

    /**
     * The read-only SQL tool for AI agents that use LangChain4j.
     */
    AgentToolBuildTimeConfig agentTool();

    /**
     * Whether the {@code Lakebase} readiness check is added when {@code quarkus-smallrye-health} is present.
     */
    @WithName("health.enabled")
    @WithDefault("true")
    boolean healthEnabled();

    /**
     * Whether a native image keeps the Databricks SDK's Google authentication (auth types {@code google-credentials}
     * and {@code google-id}, for workspaces on Google Cloud). Left out by default, with the Google auth library it needs:
     * a native application that is configured for it fails with a message that names this property. Has no effect on
     * the JVM.
     */
    @WithName("native.google-authentication")
    @WithDefault("false")
    boolean nativeGoogleAuthentication();
}
