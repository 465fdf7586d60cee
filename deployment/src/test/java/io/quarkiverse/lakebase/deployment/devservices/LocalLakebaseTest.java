package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.databricks.sdk.WorkspaceClient;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.service.postgres.DatabaseCredential;
import com.databricks.sdk.service.postgres.GenerateDatabaseCredentialRequest;

/**
 * The local Lakebase against the real Databricks SDK and the real PostgreSQL driver: the minted token is the role's
 * password, and PostgreSQL refuses it once it is replaced or expired.
 */
class LocalLakebaseTest {

    private static LocalLakebase lakebase;
    private static WorkspaceClient workspace;

    @BeforeAll
    static void start() {
        lakebase = TestLakebase.start(Duration.ofHours(1));
        workspace = new WorkspaceClient(new DatabricksConfig().setHost(lakebase.workspaceUrl())
                .setAuthType("oauth-m2m").setClientId(lakebase.clientId()).setClientSecret(lakebase.clientSecret()));
    }

    @AfterAll
    static void stop() {
        lakebase.close();
    }

    @Test
    void mintedTokenIsThePasswordOfTheServicePrincipalsRole() throws SQLException {
        DatabaseCredential credential = mint(null);

        try (Connection connection = login(lakebase.clientId(), credential.getToken());
                ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(lakebase.clientId());
        }
        assertThat(workspace.currentUser().me(new com.databricks.sdk.service.iam.MeRequest()).getUserName())
                .isEqualTo(lakebase.clientId());
    }

    @Test
    void replacedTokenIsRefused() {
        DatabaseCredential first = mint(null);
        mint(null);

        assertThatThrownBy(() -> login(lakebase.clientId(), first.getToken()))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    @Test
    void expiredTokenIsRefused() {
        DatabaseCredential expired = mint(com.google.protobuf.Duration.newBuilder().setSeconds(-1).build());
        assertThat(Instant.ofEpochSecond(expired.getExpireTime().getSeconds())).isBefore(Instant.now());

        assertThatThrownBy(() -> login(lakebase.clientId(), expired.getToken()))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }

    private static DatabaseCredential mint(com.google.protobuf.Duration ttl) {
        GenerateDatabaseCredentialRequest request = new GenerateDatabaseCredentialRequest()
                .setEndpoint(WorkspaceEmulator.ENDPOINT);
        if (ttl != null) {
            request.setTtl(ttl);
        }
        return workspace.postgres().generateDatabaseCredential(request);
    }

    private static Connection login(String user, String password) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + lakebase.postgresPort()
                + "/databricks_postgres", properties);
    }
}
