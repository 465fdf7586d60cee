package io.quarkiverse.lakebase.deployment.databricksapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Databricks Apps refuses a deployment in which any file is larger than 10 MB.
 */
final class UploadLimit {

    /** 10 MB as Databricks Apps counts it. */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    private UploadLimit() {
    }

    /** The files of the folder over the limit, by path. */
    static List<Path> oversized(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> size(file) > MAX_FILE_BYTES).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the folder cannot be deployed: each file over the limit with its size, and what to do. */
    static String refusal(Path folder, List<Path> oversized) {
        String files = oversized.stream()
                .map(file -> folder.relativize(file) + " (" + size(file) + " bytes)")
                .collect(Collectors.joining(", "));
        return "Databricks Apps refuses files larger than " + MAX_FILE_BYTES + " bytes, and " + folder + " holds "
                + oversized.size() + ": " + files + ". Set quarkus.lakebase.databricks-app.split-large-files=true (the"
                + " default) to have them split and joined again by the launcher, or remove the dependencies they come"
                + " from, or set quarkus.lakebase.databricks-app.enabled=false";
    }

    static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
