package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A workspace that answers the first credential request with 503 delays start-up by one retry; it does not stop it. */
@ExtendWith(StartupThroughAnUnavailableWorkspaceTest.OneUnavailable.class)
class StartupThroughAnUnavailableWorkspaceTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application();

    @Inject
    DataSource dataSource;

    @Test
    void startsAndServes() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(System.getProperty("lakebase.test.client-id"));
        }
        assertThat(EmulatorRequests.count(EmulatorRequests.CREDENTIALS)).as("the 503, then the token").isEqualTo(2);
    }

    /** The local Lakebase, its workspace planning the fault before the application starts. */
    public static class OneUnavailable extends LocalLakebaseExtension {
        public OneUnavailable() {
            super("lakebase.test", List.of("{\"status\":503,\"times\":1}"));
        }
    }
}
