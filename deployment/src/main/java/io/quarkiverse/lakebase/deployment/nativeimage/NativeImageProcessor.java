package io.quarkiverse.lakebase.deployment.nativeimage;

import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;

/**
 * What a native image needs for the Databricks SDK calls the extension makes. Registered only for native builds.
 */
class NativeImageProcessor {

    private static final String FEATURE = "lakebase";

    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    void registerSdkJsonModels(BuildProducer<ReflectiveClassBuildItem> reflection) {
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.jsonModels())
                .constructors().methods().fields()
                .reason("Databricks SDK request and response bodies bound by Jackson").build());
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.errorDetails())
                .constructors().methods().fields()
                .reason("Databricks SDK error details, read when the workspace refuses a call").build());
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.configuration())
                .methods().fields()
                .reason("Databricks SDK configuration attributes, read from the environment and ~/.databrickscfg")
                .build());
    }

    /** The workspace is reached over HTTPS. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    ExtensionSslNativeSupportBuildItem enableSsl() {
        return new ExtensionSslNativeSupportBuildItem(FEATURE);
    }
}
