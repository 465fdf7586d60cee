package io.quarkiverse.lakebase.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code fail-on-startup=false}, an application whose token cannot be minted still starts, and its log says it is
 * not ready rather than ready; a connection then fails with an SQLException that gives the reason, not with an
 * acquisition time-out.
 */
class LenientStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideRuntimeConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/missing")
            .overrideConfigKey("quarkus.lakebase.token.fail-on-startup", "false")
            .setLogRecordPredicate(record -> record.getLoggerName().equals("io.quarkiverse.lakebase"))
            .assertLogRecords(records -> {
                List<String> messages = records.stream().map(record -> record.getParameters() == null
                        ? String.valueOf(record.getMessage())
                        : String.format(String.valueOf(record.getMessage()), record.getParameters())).toList();
                assertThat(messages).noneMatch(message -> message.contains("ready for"));
                assertThat(messages).anySatisfy(message -> assertThat(message)
                        .contains("Lakebase default datasource is not ready", "quarkus.lakebase.token.fail-on-startup=false"));
            });

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
