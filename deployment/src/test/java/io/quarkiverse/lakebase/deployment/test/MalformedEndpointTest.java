package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An endpoint that is not a projects/.../branches/.../endpoints/... path. */
class MalformedEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "my-endpoint")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .assertException(StartupFailures.messageNames("my-endpoint", "quarkus.lakebase.endpoint", "LAKEBASE_ENDPOINT"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
