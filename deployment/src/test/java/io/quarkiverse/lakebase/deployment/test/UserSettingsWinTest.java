package io.quarkiverse.lakebase.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The extension's datasource settings are defaults: what the user sets wins, the rest still applies. Runs against the
 * local Lakebase of Dev Services.
 */
class UserSettingsWinTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.datasource.jdbc.max-size", "3")
            .overrideConfigKey("quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", "user-choice");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void userValuesOverrideTheLakebaseDefaults() throws SQLException {
        AgroalConnectionPoolConfiguration pool = dataSource.getConfiguration().connectionPoolConfiguration();
        assertThat(pool.maxSize()).isEqualTo(3);
        assertThat(pool.acquisitionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(pool.reapTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(pool.maxLifetime()).isEqualTo(Duration.ofMinutes(45));

        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT current_setting('application_name')")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo("user-choice");
        }
    }
}
