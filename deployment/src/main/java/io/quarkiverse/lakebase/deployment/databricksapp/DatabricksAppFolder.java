package io.quarkiverse.lakebase.deployment.databricksapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.quarkiverse.lakebase.runtime.config.DatabricksAppConfig;

/**
 * Writes the folder that Databricks Apps runs as it is: the fast-jar application, split where a file is over the upload
 * limit, with the files that install a Java runtime and start it.
 */
final class DatabricksAppFolder {

    static final String NAME = "databricks-app";
    static final String APPLICATION = "quarkus-app";
    /**
     * The archives Quarkus writes into {@code quarkus-app} when asked for AppCDS or an AOT cache at build time: written
     * by the build's JVM, which the target's runtime is not, so that runtime would refuse them. The deployment writes
     * its own cache (see {@code launcher.py}).
     */
    static final Set<String> JVM_ARCHIVES = Set.of("app-cds.jsa", "app.aot");

    private DatabricksAppFolder() {
    }

    /**
     * @param quarkusApp the fast-jar {@code quarkus-app} folder of the build
     * @param outputDirectory where the folder is written, replacing an earlier one
     */
    static Path write(Path quarkusApp, Path outputDirectory, DatabricksAppConfig config, String appName) {
        Path folder = outputDirectory.resolve(NAME);
        try {
            deleteRecursively(folder);
            copyApplication(quarkusApp, folder.resolve(APPLICATION));
            List<Path> oversized = UploadLimit.oversized(folder);
            if (!oversized.isEmpty()) {
                if (!config.splitLargeFiles()) {
                    throw new IllegalStateException(UploadLimit.refusal(folder, oversized));
                }
                SplitFiles.split(folder, oversized);
            }
            try (InputStream launcher = DatabricksAppFolder.class.getResourceAsStream("/databricks-app/launcher.py")) {
                Files.copy(launcher, folder.resolve(AppFiles.LAUNCHER));
            }
            Files.writeString(folder.resolve(AppFiles.APP_YAML), AppFiles.appYaml(config), StandardCharsets.UTF_8);
            Files.writeString(folder.resolve(AppFiles.REQUIREMENTS), AppFiles.requirements(config),
                    StandardCharsets.UTF_8);
            if (config.aotCache()) {
                Files.writeString(folder.resolve(AppFiles.PACKAGE_JSON), AppFiles.packageJson(appName),
                        StandardCharsets.UTF_8);
            }
            Files.writeString(folder.resolve(AppFiles.BUNDLE), AppFiles.bundle(appName, config, uploads(folder)),
                    StandardCharsets.UTF_8);
            return folder;
        } catch (IOException | RuntimeException e) {
            // half a folder must not be mistaken for one that deploys
            deleteQuietly(folder);
            throw e instanceof IOException io ? new UncheckedIOException("Could not write " + folder, io)
                    : (RuntimeException) e;
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            deleteRecursively(folder);
        } catch (IOException e) {
            // the build fails anyway, with the first error
        }
    }

    /** What a deployment uploads: every top-level entry, directories ending with {@code /}. */
    private static List<String> uploads(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(entry -> entry.getFileName() + (Files.isDirectory(entry) ? "/" : "")).sorted().toList();
        }
    }

    private static void copyApplication(Path source, Path target) throws IOException {
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths.filter(path -> !isJvmArchive(source, path))::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy);
                }
            }
        }
    }

    private static boolean isJvmArchive(Path quarkusApp, Path path) {
        return path.getParent() != null && path.getParent().equals(quarkusApp)
                && JVM_ARCHIVES.contains(path.getFileName().toString());
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
