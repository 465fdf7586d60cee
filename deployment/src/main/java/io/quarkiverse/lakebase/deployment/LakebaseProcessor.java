package io.quarkiverse.lakebase.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.inject.Default;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.jandex.ClassType;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.NoSignedInUserException;
import io.quarkiverse.lakebase.runtime.LakebaseCredentialsProvider;
import io.quarkiverse.lakebase.runtime.LakebaseDatasourceNames;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebaseRecorder;
import io.quarkiverse.lakebase.runtime.config.LakebaseBuildTimeConfig;
import io.quarkiverse.lakebase.runtime.config.LakebaseConfigBuilder;
import io.quarkiverse.lakebase.runtime.config.LakebaseDefaults;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.health.LakebaseHealthCheck;
import io.quarkiverse.lakebase.runtime.pool.StaggeredRetirement;
import io.quarkiverse.lakebase.runtime.telemetry.LakebaseMeters;
import io.quarkiverse.lakebase.runtime.telemetry.LakebaseTelemetry;
import io.quarkiverse.lakebase.runtime.telemetry.QueryDurationRecorder;
import io.quarkiverse.lakebase.runtime.user.CurrentUserDataSource;
import io.quarkiverse.lakebase.runtime.user.HttpForwardedAccessToken;
import io.quarkiverse.lakebase.runtime.user.NoSignedInUserExceptionMapper;
import io.quarkiverse.lakebase.runtime.user.UserPools;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanContainerBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.bootstrap.classloading.QuarkusClassLoader;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.builditem.StaticInitConfigBuilderBuildItem;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.resteasy.reactive.spi.ExceptionMapperBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;

/**
 * The build steps of the Lakebase extension: its beans, the datasource settings derived from
 * {@code quarkus.lakebase.*} for each Lakebase datasource (as defaults the user's settings override), the
 * configuration interceptors that read the Databricks Apps environment, the readiness check, telemetry when
 * OpenTelemetry is present, and the first mint, begun early. Dev Services, the Dev UI, native registrations and the
 * Databricks Apps folder have processors of their own.
 */
class LakebaseProcessor {

    /** Present when the application has quarkus-micrometer-opentelemetry. */
    private static final String MICROMETER_OPENTELEMETRY_BRIDGE = "io.quarkus.micrometer.opentelemetry.runtime.MicrometerOtelBridgeRecorder";

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(LakebaseDefaults.FEATURE);
    }

    @BuildStep
    AdditionalBeanBuildItem registerBeans() {
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(LakebaseLogins.class, LakebaseCredentialsProvider.class)
                .setUnremovable()
                .build();
    }

    /**
     * Connections on behalf of the signed-in user: the registry of users' pools and the {@code @OnBehalfOfUser
     * DataSource} always; the forwarded token is read from requests when the application has Quarkus' HTTP layer, and
     * a request without a signed-in user is answered 401 when it has {@code quarkus-rest}.
     */
    @BuildStep
    void registerUserPools(Capabilities capabilities, BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<ExceptionMapperBuildItem> exceptionMappers) {
        AdditionalBeanBuildItem.Builder userPools = AdditionalBeanBuildItem.builder()
                .addBeanClasses(UserPools.class, CurrentUserDataSource.class).setUnremovable();
        if (capabilities.isPresent(Capability.VERTX_HTTP)) {
            userPools.addBeanClass(HttpForwardedAccessToken.class);
        }
        beans.produce(userPools.build());
        if (capabilities.isPresent(Capability.REST)) {
            exceptionMappers.produce(new ExceptionMapperBuildItem(NoSignedInUserExceptionMapper.class.getName(),
                    NoSignedInUserException.class.getName(), null, false));
        }
    }

    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void mintFirstTokenEarly(LakebaseRecorder recorder, BeanContainerBuildItem beans) {
        recorder.mintFirstTokenEarly();
    }

    @BuildStep
    AdditionalBeanBuildItem registerTelemetry(Capabilities capabilities) {
        if (!capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)
                && !capabilities.isPresent(Capability.OPENTELEMETRY_METRICS)) {
            return null;
        }
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(LakebaseTelemetry.class, QueryDurationRecorder.class)
                .setUnremovable()
                .build();
    }

    /**
     * The same meters in Micrometer's registry, for {@code /q/metrics}; not with Micrometer's OpenTelemetry bridge,
     * which would carry them twice.
     */
    @BuildStep
    AdditionalBeanBuildItem registerMicrometerMeters(Optional<MetricsCapabilityBuildItem> metrics) {
        if (metrics.isEmpty() || !metrics.get().metricsSupported(MetricsFactory.MICROMETER)
                || QuarkusClassLoader.isClassPresentAtRuntime(MICROMETER_OPENTELEMETRY_BRIDGE)) {
            return null;
        }
        return AdditionalBeanBuildItem.unremovableOf(LakebaseMeters.class);
    }

    @BuildStep
    HealthBuildItem addReadinessCheck(LakebaseBuildTimeConfig config) {
        return new HealthBuildItem(LakebaseHealthCheck.class.getName(), config.healthEnabled());
    }

    @BuildStep
    void readDatabricksAppsEnvironment(BuildProducer<RunTimeConfigBuilderBuildItem> runtime,
            BuildProducer<StaticInitConfigBuilderBuildItem> staticInit) {
        runtime.produce(new RunTimeConfigBuilderBuildItem(LakebaseConfigBuilder.class));
        staticInit.produce(new StaticInitConfigBuilderBuildItem(LakebaseConfigBuilder.class));
    }

    /**
     * Below INFO, these categories log what the Databricks SDK sends and receives: request headers (Basic client
     * credentials, bearer tokens) and bodies (the credential response carries the database token in clear), through the
     * JDK's HTTP client that the extension gives the SDK, or the SDK's Apache client. They stay at INFO, whatever the
     * root or a parent category is set to, unless the user sets that very category.
     */
    static final List<String> CATEGORIES_THAT_LOG_SECRETS = List.of("com.databricks.sdk.core.ApiClient",
            "sun.net.www.protocol.http.HttpURLConnection", "org.apache.http.wire", "org.apache.http.headers");

    @BuildStep
    List<RunTimeConfigurationDefaultBuildItem> keepSecretsOutOfDebugLogs() {
        return CATEGORIES_THAT_LOG_SECRETS.stream()
                .map(category -> new RunTimeConfigurationDefaultBuildItem("quarkus.log.category.\"" + category + "\".level",
                        "INFO"))
                .toList();
    }

    /**
     * At INFO, the SDK narrates the authentication types it skips on every client it builds ("Ignoring pat auth,
     * because oauth-m2m is preferred"): noise in a healthy log. A user who sets this category sees it again.
     */
    static final String SDK_AUTHENTICATION_NARRATION = "com.databricks.sdk.core.DefaultCredentialsProvider";

    @BuildStep
    RunTimeConfigurationDefaultBuildItem quietSdkAuthenticationNarration() {
        return new RunTimeConfigurationDefaultBuildItem("quarkus.log.category.\"" + SDK_AUTHENTICATION_NARRATION
                + "\".level", "WARN");
    }

    @BuildStep
    LakebaseDatasourcesBuildItem findLakebaseDatasources() {
        List<String> names = new ArrayList<>();
        names.add(DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        names.addAll(LakebaseDatasourceNames.namedIn(ConfigProvider.getConfig().getPropertyNames()));
        return new LakebaseDatasourcesBuildItem(names);
    }

    @BuildStep
    List<RunTimeConfigurationDefaultBuildItem> datasourcesFromLakebase(LakebaseDatasourcesBuildItem datasources) {
        return datasources.names().stream()
                .flatMap(name -> DatasourceDefaults.forDatasource(name).entrySet().stream())
                .map(entry -> new RunTimeConfigurationDefaultBuildItem(entry.getKey(), entry.getValue()))
                .toList();
    }

    @BuildStep
    List<RunTimeConfigurationDefaultBuildItem> reactiveClientsFromLakebase(Capabilities capabilities,
            LakebaseDatasourcesBuildItem datasources) {
        if (!capabilities.isPresent(Capability.REACTIVE_PG_CLIENT)) {
            return List.of();
        }
        return datasources.names().stream()
                .flatMap(name -> DatasourceDefaults.forReactiveClient(name).entrySet().stream())
                .map(entry -> new RunTimeConfigurationDefaultBuildItem(entry.getKey(), entry.getValue()))
                .toList();
    }

    /**
     * A {@link Lakebase} bean for each Lakebase datasource, qualified as Quarkus qualifies the datasource itself:
     * {@code @Default} for the default one, {@code @DataSource("name")} for a named one.
     */
    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    void registerLakebaseBeans(LakebaseRecorder recorder, LakebaseDatasourcesBuildItem datasources,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        for (String name : datasources.names()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem.configure(Lakebase.class)
                    .scope(Singleton.class)
                    .identifier("lakebase-" + name)
                    .unremovable()
                    .addInjectionPoint(ClassType.create(LakebaseLogins.class))
                    .addInjectionPoint(ClassType.create(LakebaseRuntimeConfig.class))
                    .createWith(recorder.lakebase(name));
            beans.produce(qualifiedFor(bean, name).done());
        }
    }

    /** Each Lakebase datasource's pool gets the interceptor, qualified as Quarkus selects a datasource's interceptors. */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void staggerConnectionLifetimes(LakebaseRecorder recorder, LakebaseDatasourcesBuildItem datasources,
            BuildProducer<SyntheticBeanBuildItem> beans) {
        // this step's runtime beans make it run before the pools start: early enough to set TLS up meanwhile
        recorder.warmUpTls(datasources.names());
        for (String name : datasources.names()) {
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean = SyntheticBeanBuildItem
                    .configure(StaggeredRetirement.class)
                    .types(AgroalPoolInterceptor.class)
                    .scope(Singleton.class)
                    .identifier("lakebase-staggered-retirement-" + name)
                    .setRuntimeInit()
                    .unremovable()
                    .supplier(recorder.staggeredRetirement(name));
            beans.produce(qualifiedFor(bean, name).done());
        }
    }

    /** Qualifies a datasource's bean as Quarkus qualifies the datasource's own beans. */
    private static SyntheticBeanBuildItem.ExtendedBeanConfigurator qualifiedFor(
            SyntheticBeanBuildItem.ExtendedBeanConfigurator bean, String datasource) {
        if (DataSourceUtil.isDefault(datasource)) {
            return bean.addQualifier(Default.class);
        }
        return bean.addQualifier().annotation(DataSource.class).addValue("value", datasource).done();
    }

    @BuildStep
    @Record(ExecutionTime.STATIC_INIT)
    SyntheticBeanBuildItem registerDatasourceNames(LakebaseRecorder recorder, LakebaseDatasourcesBuildItem datasources) {
        return SyntheticBeanBuildItem.configure(LakebaseDatasourceNames.class)
                .scope(Singleton.class)
                .unremovable()
                .supplier(recorder.datasourceNames(datasources.names()))
                .done();
    }
}
