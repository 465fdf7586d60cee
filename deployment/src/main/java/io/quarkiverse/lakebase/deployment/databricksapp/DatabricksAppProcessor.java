package io.quarkiverse.lakebase.deployment.databricksapp;

import java.nio.file.Path;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.quarkiverse.lakebase.runtime.AotTrainingRecorder;
import io.quarkiverse.lakebase.runtime.config.DatabricksAppConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseBuildTimeConfig;
import io.quarkus.arc.deployment.PreBeanContainerBuildItem;
import io.quarkus.deployment.IsProduction;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.ApplicationInfoBuildItem;
import io.quarkus.deployment.pkg.PackageConfig.JarConfig.JarType;
import io.quarkus.deployment.pkg.builditem.ArtifactResultBuildItem;
import io.quarkus.deployment.pkg.builditem.JarBuildItem;
import io.quarkus.deployment.pkg.builditem.JvmStartupOptimizerArchiveRequestedBuildItem;
import io.quarkus.deployment.pkg.builditem.OutputTargetBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;

/**
 * Writes {@code target/databricks-app/} next to the fast-jar application of a package build: the folder a user uploads
 * to Databricks Apps, which has Python but no Java, and refuses files over 10 MB.
 */
class DatabricksAppProcessor {

    private static final Logger LOG = Logger.getLogger(DatabricksAppProcessor.class);

    /**
     * Produces no artifact: asking for the producer is what makes Quarkus run the step in a package build, as its own
     * writers of generated files do. The JAR stays the build's artifact.
     */
    @BuildStep(onlyIf = IsProduction.class, onlyIfNot = NativeOrNativeSourcesBuild.class)
    void writeDatabricksAppFolder(LakebaseBuildTimeConfig config, JarBuildItem jar, OutputTargetBuildItem target,
            ApplicationInfoBuildItem application, BuildProducer<ArtifactResultBuildItem> runInPackageBuilds) {
        DatabricksAppConfig app = config.databricksApp();
        if (!app.enabled()) {
            return;
        }
        if (jar.getType() != JarType.FAST_JAR) {
            LOG.infof("No Databricks Apps folder for the %s package type, only for fast-jar (an uber-jar is over the"
                    + " 10 MB upload limit); set quarkus.lakebase.databricks-app.enabled=false to silence this line",
                    jar.getType());
            return;
        }
        String appName = AppName.of(app.name(), application.getName());
        AppFiles.checkVariables(app);
        Path folder = DatabricksAppFolder.write(jar.getPath().getParent(), target.getOutputDirectory(), app, appName);
        LOG.infof("Databricks Apps folder of app '%s' written to %s: deploy it with databricks bundle deploy from there",
                appName, folder);
    }

    /**
     * Ends the deployment's training run ({@code -Dquarkus.appcds.generate=true}, see {@code launcher.py}) after static
     * initialisation, before anything reaches a database or the workspace: the point where Quarkus' own archive
     * generation ends its run, which it does by itself when configured. Without that property the step does nothing.
     */
    @BuildStep(onlyIf = IsProduction.class, onlyIfNot = NativeOrNativeSourcesBuild.class)
    @Record(ExecutionTime.STATIC_INIT)
    void endTrainingRunsAfterStaticInit(LakebaseBuildTimeConfig config, PreBeanContainerBuildItem beanContainer,
            Optional<JvmStartupOptimizerArchiveRequestedBuildItem> quarkusArchive, AotTrainingRecorder recorder) {
        DatabricksAppConfig app = config.databricksApp();
        if (app.enabled() && app.aotCache() && quarkusArchive.isEmpty()) {
            recorder.endTrainingRun();
        }
    }
}
