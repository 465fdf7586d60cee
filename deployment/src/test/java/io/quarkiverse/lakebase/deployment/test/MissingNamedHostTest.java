package io.quarkiverse.lakebase.deployment.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A named datasource without a host: the message names that datasource's property, not the default one's. */
class MissingNamedHostTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = StartupFailures.withoutDevServices()
            .overrideConfigKey("quarkus.lakebase.password", "not-a-token")
            .overrideConfigKey("quarkus.lakebase.username", "app")
            .overrideConfigKey("quarkus.lakebase.host", "127.0.0.1")
            .overrideConfigKey("quarkus.lakebase.database", "db")
            .overrideConfigKey("quarkus.lakebase.\"reports\".endpoint", "projects/p/branches/b/endpoints/e")
            .overrideConfigKey("quarkus.lakebase.\"reports\".database", "db")
            .assertException(StartupFailures.messageNames("No Lakebase host configured",
                    "quarkus.lakebase.\"reports\".host"));

    @Test
    void startUpFails() {
        fail("start-up should have failed");
    }
}
