package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.pool.StaggeredRetirement;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.lakebase."name".*} binds a named datasource to an endpoint: the default datasource and
 * {@code mirror} log in to the first local Lakebase as the same identity and share one mint; {@code reports} logs in
 * to a second one with a token of its own. Nothing but the {@code quarkus.lakebase} properties is configured.
 */
@ExtendWith({ LocalLakebaseExtension.class, SecondLocalLakebase.class })
class NamedDatasourcesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.connect(LocalLakebaseApplication.connect(
            LocalLakebaseApplication.application(), "quarkus.lakebase.mirror.", "lakebase.test"),
            "quarkus.lakebase.\"reports\".", "lakebase.second");

    @Inject
    AgroalDataSource defaultDataSource;

    @Inject
    @DataSource("mirror")
    AgroalDataSource mirror;

    @Inject
    @DataSource("reports")
    AgroalDataSource reports;

    @Inject
    LakebaseLogins credentials;

    @Test
    void eachDatasourceLogsInToItsOwnEndpoint() throws SQLException {
        assertThat(serverPort(defaultDataSource)).isEqualTo(Integer.getInteger("lakebase.test.port"));
        assertThat(serverPort(mirror)).isEqualTo(Integer.getInteger("lakebase.test.port"));
        assertThat(serverPort(reports)).isEqualTo(Integer.getInteger("lakebase.second.port"));
        assertThat(currentUser(reports)).isEqualTo(System.getProperty("lakebase.second.client-id"));
        assertThat(credentials.datasources()).containsExactly("<default>", "mirror", "reports");
    }

    @Test
    void sameEndpointAndIdentityShareOneMintAndOtherEndpointsHaveTheirOwn() throws SQLException {
        serverPort(defaultDataSource);
        serverPort(mirror);
        serverPort(reports);

        assertThat(EmulatorRequests.count(System.getProperty("lakebase.test.workspace-url"),
                EmulatorRequests.CREDENTIALS)).as("mints for the default and mirror datasources").isEqualTo(1);
        assertThat(EmulatorRequests.count(System.getProperty("lakebase.second.workspace-url"),
                EmulatorRequests.CREDENTIALS)).as("mints for the reports datasource").isEqualTo(1);
        assertThat(credentials.login("mirror").currentPassword())
                .isEqualTo(credentials.login().currentPassword())
                .isNotEqualTo(credentials.login("reports").currentPassword());
        assertThat(credentials.endpointTokens()).hasSize(2);
    }

    @Test
    void everyDatasourceIsReportedReady() {
        for (String datasource : credentials.datasources()) {
            assertThat(credentials.status(datasource).healthy()).as(datasource).isTrue();
        }
        assertThat(credentials.status("reports").details()).containsEntry("port",
                Integer.getInteger("lakebase.second.port"));
    }

    @Test
    void everyPoolStaggersTheLifetimesOfItsConnections() {
        for (AgroalDataSource dataSource : new AgroalDataSource[] { defaultDataSource, mirror, reports }) {
            assertThat(dataSource.getPoolInterceptors()).hasAtLeastOneElementOfType(StaggeredRetirement.class);
        }
    }

    private static int serverPort(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT inet_server_port()")) {
            row.next();
            return row.getInt(1);
        }
    }

    private static String currentUser(AgroalDataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }
}
