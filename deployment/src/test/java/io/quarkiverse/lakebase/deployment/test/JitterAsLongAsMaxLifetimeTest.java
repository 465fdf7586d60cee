package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A jitter that would let a connection live no time at all. */
class JitterAsLongAsMaxLifetimeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.password", "native-password")
            .overrideConfigKey("quarkus.lakebase.username", "role")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.datasource.jdbc.max-lifetime", "10M")
            .overrideConfigKey("quarkus.lakebase.pool.max-lifetime-jitter", "10M")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.pool.max-lifetime-jitter",
                    "must be shorter than quarkus.datasource.jdbc.max-lifetime"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
