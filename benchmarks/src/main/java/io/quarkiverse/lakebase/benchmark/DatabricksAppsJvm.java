package io.quarkiverse.lakebase.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of the JVM that runs an app of the Databricks Apps folder: the {@code JAVA_OPTS} its {@code app.yaml}
 * gives the launcher, and the memory of the default app compute size (Medium: 2 vCPU, 6 GB). There the JVM reads the
 * container's memory limit and sizes its heap by it (an initial heap of 96 MB); on this machine it would size it by
 * the machine's memory instead, so {@code -XX:MaxRAM} stands in for the limit. Both applications get the same options:
 * a plain application deployed on the same compute size would run in the same container.
 */
final class DatabricksAppsJvm {

    static final String MEDIUM_COMPUTE_MEMORY = "-XX:MaxRAM=6g";

    private static final Pattern JAVA_OPTS = Pattern.compile("- name: 'JAVA_OPTS'\\s+value: '([^']*)'");

    private DatabricksAppsJvm() {
    }

    /**
     * @param appJar the demo's {@code quarkus-run.jar}, beside whose {@code quarkus-app} folder the build wrote the
     *        Databricks Apps folder
     * @return the {@code JAVA_OPTS} of its {@code app.yaml} (blank when it sets none), empty when the build wrote no
     *         Databricks Apps folder
     */
    static Optional<String> javaOpts(Path appJar) throws IOException {
        Path appYaml = appJar.toAbsolutePath().getParent().resolveSibling("databricks-app").resolve("app.yaml");
        if (!Files.isRegularFile(appYaml)) {
            return Optional.empty();
        }
        Matcher javaOpts = JAVA_OPTS.matcher(Files.readString(appYaml));
        return Optional.of(javaOpts.find() ? javaOpts.group(1) : "");
    }

    /** The JVM options of an app started with these {@code JAVA_OPTS} in a container of the Medium compute size. */
    static List<String> inMediumCompute(String javaOpts) {
        List<String> options = new ArrayList<>();
        if (!javaOpts.isBlank()) {
            options.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
        }
        options.add(MEDIUM_COMPUTE_MEMORY);
        return options;
    }
}
