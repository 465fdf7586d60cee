package io.quarkiverse.lakebase.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code databricks bundle deploy} uploads from the demo's folder once someone ran its build script there: a local
 * {@code npm run build} writes an AOT cache of about 50 MB into {@code quarkus-app/}, a cache of the local JVM, which the
 * platform's runtime would not read and whose size would make it refuse the deployment.
 */
class BundleUploadTest {

    private static final Path FOLDER = Path.of(System.getProperty("databricks-app.folder", "missing"));

    @TempDir
    Path workspace;

    @Test
    void aCacheWrittenByALocalBuildIsLeftOutAndEverythingTheAppNeedsIsUploaded() throws Exception {
        Path local = workspace.resolve("databricks-app");
        copy(FOLDER, local);
        try (RandomAccessFile cache = new RandomAccessFile(local.resolve("quarkus-app/app.aot").toFile(), "rw")) {
            cache.setLength(AppsRuntime.MAX_UPLOADED_FILE_BYTES * 5);
        }
        Path uploaded = workspace.resolve("uploaded");

        AppsRuntime.upload(local, uploaded);

        assertThat(uploaded.resolve("quarkus-app/app.aot")).doesNotExist();
        // databricks.yml describes the deployment to the CLI; the app does not read it
        assertThat(files(uploaded)).containsExactlyElementsOf(
                files(FOLDER).stream().filter(file -> !file.equals("databricks.yml")).toList());
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(file -> folder.relativize(file).toString()).sorted().toList();
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }
}
