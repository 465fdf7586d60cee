package io.quarkiverse.lakebase.runtime.databricks;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.PatCredentialsProvider;

import io.quarkiverse.lakebase.runtime.config.WorkspaceConfig;

/**
 * Builds the extension's workspace services from the explicit settings; the SDK's unified authentication resolves the
 * rest, with only the provider of the one authentication the settings leave possible ({@link KnownAuthentication}).
 * Construction calls the workspace, so it runs once, off the request path.
 */
public final class WorkspaceApisFactory {

    private WorkspaceApisFactory() {
    }

    public static WorkspaceApis create(WorkspaceConfig workspace) {
        DatabricksConfig config = new DatabricksConfig();
        workspace.host().ifPresent(config::setHost);
        workspace.authType().ifPresent(config::setAuthType);
        workspace.profile().ifPresent(config::setProfile);
        workspace.clientId().ifPresent(config::setClientId);
        workspace.clientSecret().ifPresent(config::setClientSecret);
        KnownAuthentication.of(workspace, System::getenv).ifPresent(config::setCredentialsProvider);
        return build(config, workspace);
    }

    /**
     * A client that calls the application's workspace as a signed-in user, with the user's access token as bearer
     * (the SDK's {@code pat} authentication): never with the application's own credentials.
     */
    public static WorkspaceApis forAccessToken(WorkspaceConfig workspace, String accessToken) {
        DatabricksConfig config = new DatabricksConfig().setAuthType(KnownAuthentication.PAT).setToken(accessToken)
                .setCredentialsProvider(new PatCredentialsProvider());
        workspace.host().ifPresent(config::setHost);
        workspace.profile().ifPresent(config::setProfile);
        return build(config, workspace);
    }

    private static WorkspaceApis build(DatabricksConfig config, WorkspaceConfig workspace) {
        int timeoutSeconds = (int) Math.max(1, workspace.httpTimeout().toSeconds());
        config.setHttpTimeoutSeconds(timeoutSeconds);
        config.setHttpClient(new RetryAfterHttpClient(config, timeoutSeconds));
        // the token cache owns retries, with backoff that keeps serving the valid token meanwhile
        config.setDisableRetries(true);
        return WorkspaceApis.of(config);
    }
}
