package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A native password without a role to log in as. */
class MissingUsernameTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.password", "native-password")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.username", "PGUSER"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
