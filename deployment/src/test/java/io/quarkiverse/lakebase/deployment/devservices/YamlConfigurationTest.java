package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseConnectionConfig;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;

/**
 * {@code quarkus.lakebase.*} as nested keys of {@code application.yaml} (with {@code quarkus-config-yaml}): the
 * datasource logs in with a token minted by the workspace the YAML names, for the requested lifetime, Dev Services stay
 * off, and a Databricks Apps variable still fills in what the YAML leaves out, but not what it sets.
 */
@ExtendWith(LocalLakebaseExtension.class)
class YamlConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(EmulatorRequests.class)
                    .addAsResource("yaml-configuration/application.yaml", "application.yaml"))
            // what Databricks Apps injects, given as config keys of the same names (the fallback reads them the same way)
            .overrideRuntimeConfigKey("PGAPPNAME", "orders-app")
            .overrideRuntimeConfigKey("PGDATABASE", "not-the-yaml-database");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Lakebase lakebase;

    @Inject
    LakebaseLogins credentials;

    @Test
    void connectsWithATokenFromTheWorkspaceTheYamlNames() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT current_user, current_database(),"
                        + " current_setting('application_name'), inet_server_port()")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(System.getProperty("lakebase.test.client-id"));
            assertThat(row.getString(2)).isEqualTo(System.getProperty("lakebase.test.database"));
            assertThat(row.getString(3)).as("from PGAPPNAME").isEqualTo("orders-app");
            assertThat(row.getInt(4)).isEqualTo(Integer.getInteger("lakebase.test.port"));
        }
        assertThat(EmulatorRequests.count(EmulatorRequests.CREDENTIALS)).as("tokens minted by the YAML's workspace")
                .isEqualTo(1);
        DatabaseToken token = credentials.tokenCache().orElseThrow().token(Duration.ofSeconds(10));
        assertThat(token.lifetime()).as("token.ttl: 10M").isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
    }

    @Test
    void settingsComeFromTheYaml() {
        LakebaseConnectionConfig connection = lakebase.connectionConfig();
        assertThat(connection.host()).isEqualTo("127.0.0.1");
        assertThat(connection.port()).isEqualTo(Integer.getInteger("lakebase.test.port"));
        assertThat(connection.database()).isEqualTo(System.getProperty("lakebase.test.database"));
        assertThat(connection.sslMode()).isEqualTo("disable");

        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        for (String name : new String[] { "quarkus.lakebase.endpoint", "quarkus.lakebase.host", "quarkus.lakebase.port",
                "quarkus.lakebase.database", "quarkus.lakebase.token.ttl", "quarkus.lakebase.token.refresh-buffer",
                "quarkus.lakebase.databricks.client-id" }) {
            assertThat(config.getConfigValue(name).getSourceName()).as(name).contains("application.yaml");
        }
        ConfigValue applicationName = config.getConfigValue("quarkus.lakebase.application-name");
        assertThat(applicationName.getValue()).isEqualTo("orders-app");
        assertThat(applicationName.getSourceName()).doesNotContain("application.yaml");
    }
}
