package io.quarkiverse.lakebase.deployment.devservices;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.deployment.test.StartupFailures;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A pool acquisition time-out shorter than the wake-up time-out contradicts it: a caller would give up while the
 * connection still waits for the database. Start-up says so, naming both properties.
 */
@ExtendWith(LocalLakebaseExtension.class)
class AcquisitionTimeoutShorterThanWakeUpTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = LocalLakebaseApplication.application()
            .overrideConfigKey("quarkus.lakebase.token.acquire-timeout", "5S")
            .overrideConfigKey("quarkus.datasource.jdbc.acquisition-timeout", "8S")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.wake-up-timeout (15 s) is longer than"
                    + " quarkus.datasource.jdbc.acquisition-timeout (8 s)",
                    "raise quarkus.datasource.jdbc.acquisition-timeout"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
