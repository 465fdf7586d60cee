package io.quarkiverse.lakebase.deployment.nativeimage;

import io.quarkiverse.lakebase.runtime.config.LakebaseBuildTimeConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.graal.GoogleAuthenticationLeftOut;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.ExtensionSslNativeSupportBuildItem;
import io.quarkus.deployment.builditem.IndexDependencyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageProxyDefinitionBuildItem;
import io.quarkus.deployment.builditem.nativeimage.NativeImageSystemPropertyBuildItem;
import io.quarkus.deployment.builditem.nativeimage.ReflectiveClassBuildItem;
import io.quarkus.deployment.pkg.steps.NativeOrNativeSourcesBuild;

/**
 * What a native image needs for the Databricks SDK calls the extension makes. Registered only for native builds.
 */
class NativeImageProcessor {

    /** The SDK is indexed for its error-details package ({@link DatabricksSdkReflection#errorDetails}). */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    IndexDependencyBuildItem indexDatabricksSdk() {
        return new IndexDependencyBuildItem("com.databricks", "databricks-sdk-java");
    }

    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    void registerSdkJsonModels(CombinedIndexBuildItem index, BuildProducer<ReflectiveClassBuildItem> reflection) {
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.jsonModels())
                .constructors().methods().fields()
                .reason("Databricks SDK request and response bodies bound by Jackson").build());
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.errorDetails(index.getIndex()))
                .constructors().methods().fields()
                .reason("Databricks SDK error details, read when the workspace refuses a call").build());
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.endpointModels(index.getIndex()))
                .constructors().methods().fields()
                .reason("Databricks SDK endpoint resource, read to check the configured host").build());
        reflection.produce(ReflectiveClassBuildItem.builder(DatabricksSdkReflection.configuration())
                .methods().fields()
                .reason("Databricks SDK configuration attributes, read from the environment and ~/.databrickscfg")
                .build());
    }

    /** A signed-in user's pool counts the connections it lent with a proxy of {@link java.sql.Connection}. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    NativeImageProxyDefinitionBuildItem registerLentConnectionProxy() {
        return new NativeImageProxyDefinitionBuildItem(java.sql.Connection.class.getName());
    }

    /** The workspace is reached over HTTPS. */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    ExtensionSslNativeSupportBuildItem enableSsl() {
        return new ExtensionSslNativeSupportBuildItem(LakebaseDefaults.FEATURE);
    }

    /** The SDK's Google authentication stays in the image only when asked for ({@link GoogleAuthenticationLeftOut}). */
    @BuildStep(onlyIf = NativeOrNativeSourcesBuild.class)
    void keepGoogleAuthenticationWhenAsked(LakebaseBuildTimeConfig config,
            BuildProducer<NativeImageSystemPropertyBuildItem> builderProperties) {
        if (config.nativeGoogleAuthentication()) {
            builderProperties
                    .produce(new NativeImageSystemPropertyBuildItem(GoogleAuthenticationLeftOut.KEEP_PROPERTY, "true"));
        }
    }
}
