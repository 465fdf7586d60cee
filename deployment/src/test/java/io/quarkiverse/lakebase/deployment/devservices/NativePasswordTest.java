package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkus.test.QuarkusUnitTest;

/** With {@code quarkus.lakebase.password}, the role logs in with that password and the workspace is never called. */
@ExtendWith(LocalLakebaseExtension.class)
class NativePasswordTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClass(EmulatorRequests.class))
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.port", "${lakebase.test.port}")
            .overrideConfigKey("quarkus.lakebase.database", "${lakebase.test.database}")
            .overrideConfigKey("quarkus.lakebase.ssl-mode", "disable")
            .overrideConfigKey("quarkus.lakebase.username", "${lakebase.test.client-id}")
            .overrideConfigKey("quarkus.lakebase.password", "${lakebase.test.native-password}")
            .overrideConfigKey("quarkus.lakebase.databricks.host", "${lakebase.test.workspace-url}");

    @Inject
    DataSource dataSource;

    @Inject
    LakebaseLogins credentials;

    @Test
    void logsInWithThePasswordAndMintsNothing() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet row = connection.createStatement().executeQuery("SELECT current_user")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(System.getProperty("lakebase.test.client-id"));
        }
        assertThat(credentials.tokenCache()).isEmpty();
        assertThat(EmulatorRequests.count(null)).isZero();
    }
}
