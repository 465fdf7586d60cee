package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A port from the environment that is not a number. */
class NonNumericPortTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("PGPORT", "five-four-three-two")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.port", "PGPORT", "five-four-three-two"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
