package io.quarkiverse.lakebase.deployment;

import java.util.List;

import io.quarkiverse.lakebase.runtime.LakebaseCredentials;
import io.quarkiverse.lakebase.runtime.LakebaseCredentialsProvider;
import io.quarkiverse.lakebase.runtime.config.LakebaseConfigBuilder;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.StaticInitConfigBuilderBuildItem;

class LakebaseProcessor {

    static final String FEATURE = "lakebase";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem registerBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(LakebaseCredentials.class, LakebaseCredentialsProvider.class)
                .setUnremovable()
                .build();
    }

    @BuildStep
    void readDatabricksAppsEnvironment(BuildProducer<RunTimeConfigBuilderBuildItem> runtime,
            BuildProducer<StaticInitConfigBuilderBuildItem> staticInit) {
        runtime.produce(new RunTimeConfigBuilderBuildItem(LakebaseConfigBuilder.class));
        staticInit.produce(new StaticInitConfigBuilderBuildItem(LakebaseConfigBuilder.class));
    }

    /**
     * At DEBUG the SDK's HTTP client logs response bodies, and the credential response carries the token in clear.
     * Its category stays at INFO unless the user sets that very category.
     */
    @BuildStep
    RunTimeConfigurationDefaultBuildItem keepTokensOutOfSdkDebugLog() {
        return new RunTimeConfigurationDefaultBuildItem("quarkus.log.category.\"com.databricks.sdk.core.ApiClient\".level",
                "INFO");
    }

    @BuildStep
    List<RunTimeConfigurationDefaultBuildItem> defaultDatasourceFromLakebase() {
        return DatasourceDefaults.forDefaultDatasource().entrySet().stream()
                .map(entry -> new RunTimeConfigurationDefaultBuildItem(entry.getKey(), entry.getValue()))
                .toList();
    }
}
