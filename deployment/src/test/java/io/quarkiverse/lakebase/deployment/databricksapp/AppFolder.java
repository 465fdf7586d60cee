package io.quarkiverse.lakebase.deployment.databricksapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.test.ProdModeTestResults;

/** Reads the Databricks Apps folder that a production build wrote. */
final class AppFolder {

    /** More than Databricks Apps accepts in one file, and incompressible, so the application JAR is as large. */
    static final int LARGE_RESOURCE_BYTES = 11 * 1024 * 1024;

    private AppFolder() {
    }

    static Path of(ProdModeTestResults results) {
        return results.getBuildDir().resolve(DatabricksAppFolder.NAME);
    }

    static JsonNode yaml(Path file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
    }

    /** Every file, relative to the folder, with {@code /} separators. */
    static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static byte[] incompressible(int size) {
        byte[] bytes = new byte[size];
        new Random(42).nextBytes(bytes);
        return bytes;
    }
}
