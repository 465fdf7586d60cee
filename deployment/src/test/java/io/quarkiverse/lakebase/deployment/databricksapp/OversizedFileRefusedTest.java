package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;

import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusProdModeTest;

/** With splitting off, a file over the upload limit fails the build with its name, its size and the limit. */
class OversizedFileRefusedTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withApplicationRoot(root -> root.addAsResource(
                    new ByteArrayAsset(AppFolder.incompressible(AppFolder.LARGE_RESOURCE_BYTES)), "large.bin"))
            .setApplicationName("oversized")
            .overrideConfigKey("quarkus.lakebase.databricks-app.split-large-files", "false")
            .assertBuildException(thrown -> {
                List<String> messages = new ArrayList<>();
                for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                    messages.add(String.valueOf(cause.getMessage()));
                }
                assertThat(messages).anySatisfy(message -> assertThat(message)
                        .containsPattern("quarkus-app/app/oversized[^ ]*\\.jar \\(1[0-9]{7} bytes\\)")
                        .contains("larger than 10485760 bytes")
                        .contains("quarkus.lakebase.databricks-app.split-large-files=true"));
            });

    @Test
    void buildFails() {
        fail("the build should have failed");
    }
}
