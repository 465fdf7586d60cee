package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Without an endpoint or a password there is nothing to mint tokens for. */
class MissingEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.endpoint", "LAKEBASE_ENDPOINT"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
