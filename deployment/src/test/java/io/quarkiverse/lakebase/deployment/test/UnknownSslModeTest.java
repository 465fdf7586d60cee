package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** An SSL mode the PostgreSQL driver does not know. */
class UnknownSslModeTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.ssl-mode", "strict")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.ssl-mode", "PGSSLMODE", "verify-full"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
