package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Lakebase issues tokens of 300 to 3600 seconds only. */
class TtlOutOfRangeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.token.ttl", "60S")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.token.ttl", "300 to 3600 seconds"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
