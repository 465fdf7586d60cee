package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code statement-timeout} and {@code idle-in-transaction-session-timeout} hold on every connection of their
 * datasource, and only there: PostgreSQL cancels a longer statement and ends a transaction left idle. The user's own
 * {@code options} are kept.
 */
@ExtendWith(LocalLakebaseExtension.class)
class SessionLimitsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.connect(LocalLakebaseApplication.connect(
            LocalLakebaseApplication.application(), "quarkus.lakebase.reports.", "lakebase.test"),
            "quarkus.lakebase.\"plain\".", "lakebase.test")
            .overrideConfigKey("quarkus.lakebase.statement-timeout", "1S")
            .overrideConfigKey("quarkus.lakebase.idle-in-transaction-session-timeout", "1S")
            .overrideConfigKey("quarkus.datasource.jdbc.additional-jdbc-properties.options", "-c lock_timeout=3000")
            .overrideConfigKey("quarkus.lakebase.reports.statement-timeout", "2500MS");

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @DataSource("reports")
    AgroalDataSource reports;

    @Inject
    @DataSource("plain")
    AgroalDataSource plain;

    @Test
    void eachDatasourceHasItsOwnLimitsAndTheUsersOptionsStay() throws SQLException {
        assertThat(show(dataSource, "statement_timeout")).isEqualTo("1s");
        assertThat(show(dataSource, "idle_in_transaction_session_timeout")).isEqualTo("1s");
        assertThat(show(dataSource, "lock_timeout")).as("the user's own options").isEqualTo("3s");
        assertThat(show(reports, "statement_timeout")).isEqualTo("2500ms");
        assertThat(show(reports, "idle_in_transaction_session_timeout")).isEqualTo("0");
        assertThat(show(plain, "statement_timeout")).as("no limit configured: the server's").isEqualTo("0");
    }

    @Test
    void aStatementLongerThanTheLimitIsCancelled() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(5)")).isInstanceOfSatisfying(SQLException.class,
                    cancelled -> assertThat(cancelled.getSQLState()).isEqualTo("57014"));
        }
    }

    @Test
    void aTransactionLeftIdleIsEndedByTheServer() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            int pid;
            try (Statement statement = connection.createStatement();
                    ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
                row.next();
                pid = row.getInt(1);
            }
            await("the server ends the idle transaction's session").atMost(Duration.ofSeconds(15))
                    .until(() -> !sessionExists(pid));
            assertThatThrownBy(() -> connection.createStatement().execute("SELECT 1"))
                    .isInstanceOf(SQLException.class);
        }
    }

    private boolean sessionExists(int pid) throws SQLException {
        try (Connection connection = plain.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid)) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    private static String show(AgroalDataSource dataSource, String setting) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SHOW " + setting)) {
            row.next();
            return row.getString(1);
        }
    }
}
