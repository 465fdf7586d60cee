package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application with no {@code quarkus.lakebase.*} configuration at all, only the variables Databricks Apps injects
 * (given here as config keys of the same names, which the fallback reads the same way): it connects with a minted
 * token as the service principal's role, and Dev Services stay off because {@code PGHOST} is set.
 */
@ExtendWith(LocalLakebaseExtension.class)
class DatabricksAppsEnvironmentTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(EmulatorRequests.class))
            .overrideConfigKey("LAKEBASE_ENDPOINT", "${lakebase.test.endpoint}")
            .overrideConfigKey("PGHOST", "127.0.0.1")
            .overrideConfigKey("PGPORT", "${lakebase.test.port}")
            .overrideConfigKey("PGDATABASE", "${lakebase.test.database}")
            .overrideConfigKey("PGSSLMODE", "disable")
            .overrideConfigKey("PGAPPNAME", "orders-app")
            // what DATABRICKS_HOST, DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET give the SDK on Databricks Apps
            .overrideConfigKey("quarkus.lakebase.databricks.host", "${lakebase.test.workspace-url}")
            .overrideConfigKey("quarkus.lakebase.databricks.client-id", "${lakebase.test.client-id}")
            .overrideConfigKey("quarkus.lakebase.databricks.client-secret", "${lakebase.test.client-secret}")
            .setLogRecordPredicate(record -> record.getLoggerName().startsWith("io.quarkiverse.lakebase"))
            .assertLogRecords(DatabricksAppsEnvironmentTest::sayWhichVariablesTookEffect);

    @Inject
    AgroalDataSource dataSource;

    /** In test (and dev) mode, one line each says which variables configure the application. */
    private static void sayWhichVariablesTookEffect(List<LogRecord> records) {
        List<String> messages = records.stream().map(DatabricksAppsEnvironmentTest::formatted).toList();
        assertThat(messages).filteredOn(message -> message.contains("Not starting the local Lakebase"))
                .singleElement().asString().contains("the PGHOST environment variable sets quarkus.lakebase.host");
        assertThat(messages).filteredOn(message -> message.contains("taken from environment variables"))
                .singleElement().asString().contains("PGHOST (quarkus.lakebase.host)", "PGPORT (quarkus.lakebase.port)",
                        "PGAPPNAME (quarkus.lakebase.application-name)");
    }

    private static String formatted(LogRecord record) {
        Object[] parameters = record.getParameters();
        return parameters == null ? String.valueOf(record.getMessage())
                : String.format(String.valueOf(record.getMessage()), parameters);
    }

    @Test
    void connectsAsTheServicePrincipalWithOneTokenForManyConnections() throws SQLException {
        List<Connection> open = new ArrayList<>();
        Set<Integer> backends = new HashSet<>();
        try {
            for (int i = 0; i < 5; i++) {
                Connection connection = dataSource.getConnection();
                open.add(connection);
                try (ResultSet row = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                    row.next();
                    backends.add(row.getInt(1));
                }
            }
            try (ResultSet row = open.get(4).createStatement()
                    .executeQuery("SELECT current_user, current_setting('application_name'), inet_server_port()")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(System.getProperty("lakebase.test.client-id"));
                assertThat(row.getString(2)).isEqualTo("orders-app");
                assertThat(row.getInt(3)).isEqualTo(Integer.getInteger("lakebase.test.port"));
            }
        } finally {
            for (Connection connection : open) {
                connection.close();
            }
        }
        assertThat(backends).as("five physical connections, five logins").hasSize(5);
        assertThat(EmulatorRequests.count(EmulatorRequests.CREDENTIALS)).isEqualTo(1);
    }
}
