package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * The workspace answers 404 for an endpoint it does not know: start-up fails at once with what to fix, not after
 * retries.
 */
class UnknownEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideRuntimeConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/missing")
            .assertException(StartupFailures.messageNames("HTTP 404", "projects/p/branches/b/endpoints/missing",
                    "quarkus.lakebase.endpoint", "LAKEBASE_ENDPOINT"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
