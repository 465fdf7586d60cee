package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** No host, no connection. */
class MissingHostTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.host", "PGHOST"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
