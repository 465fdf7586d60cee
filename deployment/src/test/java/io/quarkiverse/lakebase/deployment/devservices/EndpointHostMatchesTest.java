package io.quarkiverse.lakebase.deployment.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The configured host is the endpoint's: start-up asks the workspace once and goes on. */
@ExtendWith(LocalLakebaseExtension.class)
class EndpointHostMatchesTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application();

    @Test
    void startsAfterAskingForTheEndpointsHostsOnce() {
        assertThat(EmulatorRequests.count(WorkspaceEmulator.ENDPOINT_PATH)).isEqualTo(1);
    }
}
