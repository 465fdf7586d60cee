package io.quarkiverse.lakebase.runtime.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.databricks.sdk.core.CredentialsProvider;

import io.quarkiverse.lakebase.runtime.config.WorkspaceConfig;

/**
 * Only the authentication the settings leave possible is built; whenever more than one is possible, the SDK's chain
 * decides as it would without the extension.
 */
class KnownAuthenticationTest {

    @Test
    void databricksAppsServicePrincipalIsOAuthMachineToMachine() {
        assertThat(authType(settings(), Map.of("DATABRICKS_HOST", "https://w", "DATABRICKS_CLIENT_ID", "id",
                "DATABRICKS_CLIENT_SECRET", "secret"))).contains("oauth-m2m");
    }

    @Test
    void aTokenAloneIsAPersonalAccessToken() {
        assertThat(authType(settings(), Map.of("DATABRICKS_TOKEN", "dapi123"))).contains("pat");
    }

    @Test
    void theConfiguredAuthTypeIsBuilt() {
        assertThat(authType(settings().withAuthType("oauth-m2m"), Map.of())).contains("oauth-m2m");
        assertThat(authType(settings().withClientCredentials(), Map.of())).contains("oauth-m2m");
    }

    @Test
    void theChainDecidesWhenTheChoiceIsNotCertain() {
        assertThat(authType(settings(), Map.of())).as("nothing configured").isEmpty();
        assertThat(authType(settings(), Map.of("DATABRICKS_TOKEN", "t", "DATABRICKS_CLIENT_ID", "id",
                "DATABRICKS_CLIENT_SECRET", "s"))).as("two kinds").isEmpty();
        assertThat(authType(settings(), Map.of("DATABRICKS_CONFIG_PROFILE", "dev", "DATABRICKS_TOKEN", "t")))
                .as("a profile").isEmpty();
        assertThat(authType(settings(), Map.of("ARM_CLIENT_ID", "a", "DATABRICKS_CLIENT_ID", "id",
                "DATABRICKS_CLIENT_SECRET", "s"))).as("Azure credentials too").isEmpty();
        assertThat(authType(settings().withAuthType("databricks-cli"), Map.of())).as("another auth type").isEmpty();
    }

    private static Optional<String> authType(Settings settings, Map<String, String> environment) {
        return KnownAuthentication.of(settings, environment::get).map(CredentialsProvider::authType);
    }

    private static Settings settings() {
        return new Settings(Optional.empty(), Optional.empty(), Optional.empty());
    }

    private record Settings(Optional<String> authType, Optional<String> clientId, Optional<String> clientSecret)
            implements
                WorkspaceConfig {

        Settings withAuthType(String type) {
            return new Settings(Optional.of(type), clientId, clientSecret);
        }

        Settings withClientCredentials() {
            return new Settings(authType, Optional.of("id"), Optional.of("secret"));
        }

        @Override
        public Optional<String> host() {
            return Optional.empty();
        }

        @Override
        public Optional<String> profile() {
            return Optional.empty();
        }

        @Override
        public Duration httpTimeout() {
            return Duration.ofSeconds(10);
        }
    }
}
