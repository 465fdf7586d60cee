package io.quarkiverse.lakebase.runtime.databricks;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.databricks.sdk.core.CredentialsProvider;
import com.databricks.sdk.core.PatCredentialsProvider;

import io.quarkiverse.lakebase.runtime.config.WorkspaceConfig;

/**
 * The one authentication the settings leave possible, so that only its provider is built (for a service principal, the
 * extension's {@link ServicePrincipalCredentialsProvider}): the SDK's default chain
 * otherwise creates and tries every provider it knows (Azure, Google, GitHub OIDC, the CLI, metadata services),
 * loading their classes and logging each one it skips. Databricks Apps always gives a service principal's
 * {@code DATABRICKS_CLIENT_ID} and {@code DATABRICKS_CLIENT_SECRET}, and nothing else.
 * <p>
 * Whenever the choice is not certain (a profile, several kinds of credentials, an authentication type it does not
 * name here), the SDK's unified authentication decides, as without this class.
 */
final class KnownAuthentication {

    static final String OAUTH_M2M = "oauth-m2m";
    static final String PAT = "pat";

    /** Variables that name credentials of other kinds, or a profile: the SDK's chain has to arbitrate. */
    private static final List<String> OTHER_CREDENTIALS = List.of("DATABRICKS_CONFIG_PROFILE", "DATABRICKS_USERNAME",
            "DATABRICKS_PASSWORD", "ARM_CLIENT_ID", "ARM_CLIENT_SECRET", "ARM_TENANT_ID", "DATABRICKS_AZURE_RESOURCE_ID",
            "DATABRICKS_GOOGLE_SERVICE_ACCOUNT", "GOOGLE_CREDENTIALS", "DATABRICKS_METADATA_SERVICE_URL",
            "DATABRICKS_CLUSTER_ID");

    private KnownAuthentication() {
    }

    /**
     * @param environment the process environment, by variable name
     * @return the provider of the only authentication possible; empty to let the SDK's chain decide
     */
    static Optional<CredentialsProvider> of(WorkspaceConfig workspace, Function<String, String> environment) {
        if (workspace.profile().isPresent() || OTHER_CREDENTIALS.stream().anyMatch(name -> isSet(environment, name))) {
            return Optional.empty();
        }
        Optional<String> authType = workspace.authType().or(() -> variable(environment, "DATABRICKS_AUTH_TYPE"));
        if (authType.isPresent()) {
            return switch (authType.get()) {
                case OAUTH_M2M -> Optional.of(new ServicePrincipalCredentialsProvider());
                case PAT -> Optional.of(new PatCredentialsProvider());
                default -> Optional.empty();
            };
        }
        boolean clientCredentials = (workspace.clientId().isPresent() || isSet(environment, "DATABRICKS_CLIENT_ID"))
                && (workspace.clientSecret().isPresent() || isSet(environment, "DATABRICKS_CLIENT_SECRET"));
        boolean token = isSet(environment, "DATABRICKS_TOKEN");
        if (clientCredentials == token) {
            // none, or two kinds: the SDK's chain finds another or reports the conflict in its own words
            return Optional.empty();
        }
        return Optional.of(clientCredentials ? new ServicePrincipalCredentialsProvider()
                : new PatCredentialsProvider());
    }

    private static boolean isSet(Function<String, String> environment, String name) {
        return variable(environment, name).isPresent();
    }

    private static Optional<String> variable(Function<String, String> environment, String name) {
        return Optional.ofNullable(environment.apply(name)).filter(value -> !value.isBlank());
    }
}
