package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A negative jitter of connection lifetimes. */
class NegativeJitterTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.pool.max-lifetime-jitter", "-1M")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.pool.max-lifetime-jitter",
                    "must not be negative"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
