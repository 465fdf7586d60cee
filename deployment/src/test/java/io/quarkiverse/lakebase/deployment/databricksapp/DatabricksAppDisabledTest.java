package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/** {@code quarkus.lakebase.databricks-app.enabled=false} builds the application alone. */
class DatabricksAppDisabledTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withEmptyApplication()
            .overrideConfigKey("quarkus.lakebase.databricks-app.enabled", "false");

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void writesNoFolder() {
        assertThat(results.getBuildDir().resolve("quarkus-app/quarkus-run.jar")).isRegularFile();
        assertThat(AppFolder.of(results)).doesNotExist();
    }
}
