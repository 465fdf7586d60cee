package io.quarkiverse.lakebase.deployment.devservices;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.deployment.test.StartupFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A workspace that answers 503 throughout: start-up keeps retrying for the acquire time-out, then fails with the last
 * reason and the property that gives more time.
 */
@ExtendWith(StartupGivesUpOnAWorkspaceDownThroughoutTest.UnavailableThroughout.class)
class StartupGivesUpOnAWorkspaceDownThroughoutTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .overrideConfigKey("quarkus.lakebase.token.acquire-timeout", "3S")
            .assertException(StartupFailures.messageNames("No Lakebase database token could be minted within 3 s",
                    "HTTP 503", "raise quarkus.lakebase.token.acquire-timeout"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }

    /** The local Lakebase, its workspace planning the fault before the application starts. */
    public static class UnavailableThroughout extends LocalLakebaseExtension {
        public UnavailableThroughout() {
            super("lakebase.test", List.of("{\"status\":503,\"times\":-1}"));
        }
    }
}
