package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/** {@code quarkus.lakebase.databricks-app.aot-cache=false}: no build script, so deployments write no AOT cache. */
class AotCacheDisabledTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.lakebase.databricks-app.aot-cache", "false");

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void writesNoPackageJson() {
        assertThat(AppFolder.of(results).resolve("launcher.py")).isRegularFile();
        assertThat(AppFolder.of(results).resolve("package.json")).doesNotExist();
    }
}
