package io.quarkiverse.lakebase.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A wrong port of a named datasource names that datasource's property, not the default one's. */
class NamedDatasourcePortTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.\"reports\".endpoint", "projects/p/branches/b/endpoints/r")
            .overrideConfigKey("quarkus.lakebase.\"reports\".host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.\"reports\".database", "reports")
            .overrideConfigKey("quarkus.lakebase.\"reports\".port", "fifty-four-thirty-two")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.\"reports\".port", "fifty-four-thirty-two",
                    "not a port").andThen(thrown -> {
                        List<String> messages = new ArrayList<>();
                        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                            messages.add(String.valueOf(cause.getMessage()));
                        }
                        assertThat(messages).noneMatch(message -> message.contains("set quarkus.lakebase.port"));
                    }));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
