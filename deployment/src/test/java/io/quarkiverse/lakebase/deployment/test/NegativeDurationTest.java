package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A negative refresh buffer. */
class NegativeDurationTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.token.refresh-buffer", "-2M")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.token.refresh-buffer", "must be positive"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
