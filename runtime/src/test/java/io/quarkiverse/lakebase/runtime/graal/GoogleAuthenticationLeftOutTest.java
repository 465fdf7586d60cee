package io.quarkiverse.lakebase.runtime.graal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.HeaderFactory;
import com.oracle.svm.core.annotate.TargetClass;

class GoogleAuthenticationLeftOutTest {

    private static final String PRIVATE_KEY_JSON = "{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----secret\"}";

    @AfterEach
    void clearBuilderProperty() {
        System.clearProperty(GoogleAuthenticationLeftOut.KEEP_PROPERTY);
    }

    @Test
    void aWorkspaceWithoutGoogleSettingsGoesOnToTheNextProvider() {
        DatabricksConfig config = new DatabricksConfig().setHost("https://example.cloud.databricks.com")
                .setClientId("app").setClientSecret("s3cret");

        assertThat(GoogleAuthenticationLeftOut.configureGoogleCredentials(config)).isNull();
        assertThat(GoogleAuthenticationLeftOut.configureGoogleId(config)).isNull();
    }

    @Test
    void googleCredentialsAskedForNameTheBuildPropertyWithoutShowingTheKey() {
        DatabricksConfig config = new DatabricksConfig().setHost("https://example.gcp.databricks.com")
                .setGoogleCredentials(PRIVATE_KEY_JSON);

        assertThatThrownBy(() -> GoogleAuthenticationLeftOut.configureGoogleCredentials(config))
                .isInstanceOf(DatabricksException.class)
                .hasMessageContaining("quarkus.lakebase.native.google-authentication=true")
                .hasMessageContaining("GOOGLE_CREDENTIALS")
                .hasMessageContaining("google-credentials")
                .message().doesNotContain("PRIVATE KEY").doesNotContain("secret");
    }

    @Test
    void aGoogleServiceAccountAskedForNamesTheBuildProperty() {
        DatabricksConfig config = new DatabricksConfig().setHost("https://example.gcp.databricks.com")
                .setGoogleServiceAccount("lakebase@project.iam.gserviceaccount.com");

        assertThatThrownBy(() -> GoogleAuthenticationLeftOut.configureGoogleId(config))
                .hasMessageContaining("quarkus.lakebase.native.google-authentication=true")
                .hasMessageContaining("DATABRICKS_GOOGLE_SERVICE_ACCOUNT");
    }

    @Test
    void theBuilderPropertyKeepsGoogleAuthentication() {
        assertThat(new GoogleAuthenticationLeftOut().getAsBoolean()).isTrue();

        System.setProperty(GoogleAuthenticationLeftOut.KEEP_PROPERTY, "true");

        assertThat(new GoogleAuthenticationLeftOut().getAsBoolean()).isFalse();
    }

    /** An SDK upgrade that renames a provider or its method breaks here rather than in a native build. */
    @Test
    void theSubstitutedProvidersAndTheirMethodExistInTheSdk() throws Exception {
        for (Class<?> substitution : new Class<?>[] { Target_GoogleCredentialsCredentialsProvider.class,
                Target_GoogleIdCredentialsProvider.class }) {
            String target = substitution.getAnnotation(TargetClass.class).className();
            Method configure = Class.forName(target).getMethod("configure", DatabricksConfig.class);

            assertThat(configure.getReturnType()).isEqualTo(HeaderFactory.class);
            assertThat(substitution.getMethod("configure", DatabricksConfig.class).getReturnType())
                    .isEqualTo(HeaderFactory.class);
        }
    }
}
