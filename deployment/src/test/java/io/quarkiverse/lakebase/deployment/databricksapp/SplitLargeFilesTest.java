package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.StreamSupport;

import org.jboss.shrinkwrap.api.asset.ByteArrayAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.ProdBuildResults;
import io.quarkus.test.ProdModeTestResults;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * A file over the 10 MB upload limit (here the application JAR, as Hibernate ORM's JAR would be) is split into parts
 * under the limit, and {@code split-files.json} tells the launcher how to join them back into the same bytes.
 */
class SplitLargeFilesTest {

    @RegisterExtension
    static final QuarkusProdModeTest BUILD = new QuarkusProdModeTest()
            .withApplicationRoot(root -> root.addAsResource(
                    new ByteArrayAsset(AppFolder.incompressible(AppFolder.LARGE_RESOURCE_BYTES)), "large.bin"))
            .setApplicationName("large");

    @ProdBuildResults
    ProdModeTestResults results;

    @Test
    void noUploadedFileIsOverTheLimitAndThePartsJoinIntoTheOriginal() throws Exception {
        Path folder = AppFolder.of(results);
        JsonNode splits = new ObjectMapper().readTree(folder.resolve("split-files.json").toFile()).get("files");

        assertThat(AppFolder.files(folder)).allSatisfy(
                file -> assertThat(Files.size(folder.resolve(file))).isLessThanOrEqualTo(10L * 1024 * 1024));
        // the test's classpath brings large libraries too; the application JAR is the one this test made large
        JsonNode split = StreamSupport.stream(splits.spliterator(), false)
                .filter(entry -> entry.get("path").asText().startsWith("quarkus-app/app/large")).findFirst()
                .orElseThrow();
        assertThat(folder.resolve(split.get("path").asText())).doesNotExist();
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (JsonNode part : split.get("parts")) {
            joined.write(Files.readAllBytes(folder.resolve(part.asText())));
        }
        Path original = results.getBuildDir().resolve(split.get("path").asText());
        assertThat(joined.toByteArray()).isEqualTo(Files.readAllBytes(original));
        assertThat(split.get("size").asLong()).isEqualTo(Files.size(original));
        assertThat(split.get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(joined.toByteArray())));
    }
}
