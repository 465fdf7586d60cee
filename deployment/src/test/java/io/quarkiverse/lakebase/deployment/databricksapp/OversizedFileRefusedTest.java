package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.junit.jupiter.api.Assertions.fail;

import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.deployment.test.StartupFailures;
import io.quarkus.test.QuarkusProdModeTest;

/** With splitting off, a file over the upload limit fails the build with its name, its size and the limit. */
class OversizedFileRefusedTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withApplicationRoot(root -> root.addAsResource(
                    new ByteArrayAsset(AppFolder.incompressible(AppFolder.LARGE_RESOURCE_BYTES)), "large.bin"))
            .setApplicationName("oversized")
            .overrideConfigKey("quarkus.lakebase.databricks-app.split-large-files", "false")
            .assertBuildException(StartupFailures.messageNames("quarkus-app/app/oversized", " bytes)",
                    "larger than 10485760 bytes", "quarkus.lakebase.databricks-app.split-large-files=true"));

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
