package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;

import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceApis;
import io.quarkiverse.lakebase.runtime.databricks.WorkspaceUsername;
import io.quarkus.datasource.common.runtime.DataSourceUtil;

/** The role of a service principal is its client id; a user's is the {@code userName} the workspace reports. */
class WorkspaceUsernameTest {

    private static final PropertyNames DEFAULT = PropertyNames.of(DataSourceUtil.DEFAULT_DATASOURCE_NAME);

    private static final String ME = "/api/2.0/preview/scim/v2/Me";

    private static LocalLakebase lakebase;

    @BeforeAll
    static void start() {
        lakebase = TestLakebase.start(Duration.ofHours(1));
    }

    @AfterAll
    static void stop() {
        lakebase.close();
    }

    @Test
    void servicePrincipalUsesItsClientIdWithoutAskingTheWorkspace() {
        WorkspaceClient client = new WorkspaceClient(new DatabricksConfig().setHost(lakebase.workspaceUrl())
                .setAuthType("oauth-m2m").setClientId(lakebase.clientId()).setClientSecret(lakebase.clientSecret()));

        assertThat(WorkspaceUsername.resolve(WorkspaceApis.of(client), DEFAULT)).isEqualTo(lakebase.clientId());
        assertThat(lakebase.workspace().requestCounts()).doesNotContainKey(ME);
    }

    @Test
    void personalAccessTokenUserIsLookedUpInTheWorkspace() {
        WorkspaceClient client = new WorkspaceClient(new DatabricksConfig().setHost(lakebase.workspaceUrl())
                .setAuthType("pat").setToken(lakebase.workspace().personalAccessToken()));

        assertThat(WorkspaceUsername.resolve(WorkspaceApis.of(client), DEFAULT)).isEqualTo(lakebase.postgres().role());
        assertThat(lakebase.workspace().requestCounts()).containsEntry(ME, 1);
    }
}
