package io.quarkiverse.lakebase.deployment.test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code fail-on-startup=false}, an application whose token cannot be minted still starts; a connection then
 * fails with an SQLException that gives the reason, not with an acquisition time-out.
 */
class LenientStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideRuntimeConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/missing")
            .overrideConfigKey("quarkus.lakebase.token.fail-on-startup", "false");

    @Inject
    DataSource dataSource;

    @Test
    void connectionsFailWithTheReason() {
        assertThatThrownBy(() -> dataSource.getConnection().close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("HTTP 404")
                .hasMessageContaining("LAKEBASE_ENDPOINT");
    }
}
