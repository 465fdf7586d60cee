package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.deployment.test.StartupFailures;
import io.quarkus.test.QuarkusProdModeTest;

/** JAVA_OPTS comes from quarkus.lakebase.databricks-app.java-options: setting it as a variable too fails the build. */
class ReservedVariableRefusedTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.lakebase.databricks-app.env.\"JAVA_OPTS\"", "-Xmx1g")
            .assertBuildException(StartupFailures.messageNames(
                    "Invalid quarkus.lakebase.databricks-app.env.\"JAVA_OPTS\"",
                    "is set from quarkus.lakebase.databricks-app.java-options"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
