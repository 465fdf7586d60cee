package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** No database, no connection. */
class MissingDatabaseTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("PGHOST", "127.0.0.1")
            .assertException(StartupFailures.messageNames("quarkus.lakebase.database", "PGDATABASE"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
