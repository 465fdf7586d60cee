package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Explicit settings of the Databricks workspace client. Each one overrides what the SDK's unified authentication
 * would otherwise resolve.
 */
@ConfigGroup
public interface WorkspaceConfig {

    /**
     * URL of the Databricks workspace, for example {@code https://my-workspace.cloud.databricks.com}. Falls back to
     * {@code DATABRICKS_HOST}.
     */
    Optional<String> host();

    /**
     * The SDK authentication type to use, for example {@code oauth-m2m} or {@code pat}. Needed only when several
     * credentials are visible to the SDK.
     */
    Optional<String> authType();

    /**
     * The profile of {@code ~/.databrickscfg} to read.
     */
    Optional<String> profile();

    /**
     * OAuth client id of a service principal. Falls back to {@code DATABRICKS_CLIENT_ID}.
     */
    Optional<String> clientId();

    /**
     * OAuth client secret of a service principal. Falls back to {@code DATABRICKS_CLIENT_SECRET}.
     */
    Optional<String> clientSecret();

    /**
     * Timeout of each HTTP call to the workspace.
     */
    @WithDefault("10S")
    Duration httpTimeout();
}
