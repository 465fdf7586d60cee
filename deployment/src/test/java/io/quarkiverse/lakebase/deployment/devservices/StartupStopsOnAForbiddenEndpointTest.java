package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.deployment.test.StartupFailures;
import io.quarkus.test.QuarkusUnitTest;

/** A terminal answer (403: no permission on the endpoint) fails start-up at once: retrying cannot mend it. */
@ExtendWith(StartupStopsOnAForbiddenEndpointTest.Forbidden.class)
class StartupStopsOnAForbiddenEndpointTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .assertException(StartupFailures.messageNames("HTTP 403", "lacks permission on the Lakebase endpoint")
                    .andThen(failure -> assertThat(EmulatorRequests.count(System.getProperty("lakebase.test.workspace-url"),
                            EmulatorRequests.CREDENTIALS)).as("one request, no retry").isEqualTo(1)));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }

    /** The local Lakebase, its workspace planning the fault before the application starts. */
    public static class Forbidden extends LocalLakebaseExtension {
        public Forbidden() {
            super("lakebase.test", List.of(
                    "{\"status\":403,\"times\":-1,\"body\":{\"error_code\":\"PERMISSION_DENIED\",\"message\":\"no access\"}}"));
        }
    }
}
