package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.deployment.test.StartupFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A host that is not one of the endpoint's (copied from another branch) stops start-up with both values and what to
 * set, instead of logins refused forever.
 */
@ExtendWith(HostOfAnotherEndpointStopsStartupTest.ListsAnotherHost.class)
class HostOfAnotherEndpointStopsStartupTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .assertException(StartupFailures.messageNames("The Lakebase host '127.0.0.1' is not a host of endpoint '"
                    + WorkspaceEmulator.ENDPOINT + "'", EndpointHostFaults.OTHER_HOST,
                    "set quarkus.lakebase.host or the PGHOST environment variable",
                    "quarkus.lakebase.endpoint or the LAKEBASE_ENDPOINT environment variable",
                    "quarkus.lakebase.host-check=lenient"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }

    public static class ListsAnotherHost extends LocalLakebaseExtension {
        public ListsAnotherHost() {
            super("lakebase.test", List.of(EndpointHostFaults.listsAnotherHost(0)));
        }
    }
}
