package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.LakebaseWorkspace;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The application's own {@code @LakebaseWorkspace WorkspaceClient} mints the tokens: the extension's settings would be
 * refused by the workspace (a wrong client secret), and the application's client is the one that is called.
 */
@ExtendWith(LocalLakebaseExtension.class)
class ApplicationWorkspaceClientTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .withApplicationRoot(jar -> jar.addClasses(ApplicationsWorkspace.class,
                    EmulatorRequests.class, LocalLakebaseApplication.class))
            .overrideConfigKey("quarkus.lakebase.databricks.client-secret", "not-the-secret");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theApplicationsClientMintsTheTokens() throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var row = statement.executeQuery("SELECT current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(System.getProperty("lakebase.test.client-id"));
        }
        assertThat(ApplicationsWorkspace.CALLS.get()).as("calls through the application's client").isPositive();
        assertThat(EmulatorRequests.count("/oidc/v1/token")).as("no OAuth exchange with the wrong secret")
                .isEqualTo(ApplicationsWorkspace.OAUTH_CALLS.get());
    }

    @Singleton
    public static class ApplicationsWorkspace {

        static final AtomicInteger CALLS = new AtomicInteger();
        static final AtomicInteger OAUTH_CALLS = new AtomicInteger();

        @Produces
        @Singleton
        @LakebaseWorkspace
        WorkspaceClient workspace() {
            DatabricksConfig config = new DatabricksConfig()
                    .setHost(System.getProperty("lakebase.test.workspace-url"))
                    .setAuthType("oauth-m2m")
                    .setClientId(System.getProperty("lakebase.test.client-id"))
                    .setClientSecret(System.getProperty("lakebase.test.client-secret"));
            HttpClient http = new CommonsHttpClient.Builder().withDatabricksConfig(config).withTimeoutSeconds(10).build();
            config.setHttpClient(new HttpClient() {
                @Override
                public Response execute(Request request) throws IOException {
                    CALLS.incrementAndGet();
                    if (request.getUrl().endsWith("/oidc/v1/token")) {
                        OAUTH_CALLS.incrementAndGet();
                    }
                    return http.execute(request);
                }
            });
            return new WorkspaceClient(config);
        }
    }
}
