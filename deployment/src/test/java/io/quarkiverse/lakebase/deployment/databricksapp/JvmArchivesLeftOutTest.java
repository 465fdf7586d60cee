package io.quarkiverse.lakebase.deployment.databricksapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.lakebase.runtime.config.DatabricksAppConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseBuildTimeConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * An application built with {@code quarkus.package.jar.appcds.enabled} has an archive of the build's JVM in
 * {@code quarkus-app}: the folder leaves it out, since the runtime on Databricks Apps would refuse it, and at 50 MB it
 * would only be split, uploaded and joined for nothing.
 */
class JvmArchivesLeftOutTest {

    @TempDir
    Path build;

    @Test
    void theFolderHoldsTheApplicationWithoutTheBuildJvmsArchives() throws Exception {
        Path quarkusApp = Files.createDirectories(build.resolve("quarkus-app"));
        Files.writeString(quarkusApp.resolve("quarkus-run.jar"), "runner");
        Files.createDirectories(quarkusApp.resolve("lib/main"));
        Files.writeString(quarkusApp.resolve("lib/main/library.jar"), "library");
        Files.writeString(quarkusApp.resolve("app-cds.jsa"), "an AppCDS archive of the build's JVM");
        Files.writeString(quarkusApp.resolve("app.aot"), "an AOT cache of the build's JVM");
        DatabricksAppConfig config = new SmallRyeConfigBuilder()
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LakebaseBuildTimeConfig.class).build()
                .getConfigMapping(LakebaseBuildTimeConfig.class).databricksApp();

        Path folder = DatabricksAppFolder.write(quarkusApp, build, config, "orders");

        assertThat(AppFolder.files(folder.resolve(DatabricksAppFolder.APPLICATION)))
                .containsExactly("lib/main/library.jar", "quarkus-run.jar");
    }
}
