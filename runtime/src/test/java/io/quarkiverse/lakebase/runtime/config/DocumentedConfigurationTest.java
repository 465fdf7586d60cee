package io.quarkiverse.lakebase.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.runtime.LakebaseDatasourceNames;
import io.quarkiverse.lakebase.runtime.LakebaseSettings;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The configuration samples that the documentation includes ({@code src/test/resources/documented-configuration}): every
 * property exists, every value is accepted, and every datasource they configure passes the start-up check.
 */
class DocumentedConfigurationTest {

    /** Stand-ins for what the samples read from the environment. */
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "SERVICE_PRINCIPAL_CLIENT_ID", "client-id",
            "SERVICE_PRINCIPAL_CLIENT_SECRET", "client-secret",
            "LAKEBASE_PASSWORD", "password");

    /** What Databricks Apps injects. */
    private static final Map<String, String> DATABRICKS_APPS = Map.of(
            "LAKEBASE_ENDPOINT", "projects/p/branches/b/endpoints/e",
            "PGHOST", "ep-example.database.cloud.databricks.com",
            "PGPORT", "5432",
            "PGDATABASE", "databricks_postgres",
            "PGUSER", "client-id",
            "PGSSLMODE", "require",
            "PGAPPNAME", "orders",
            "DATABRICKS_APP_PORT", "8000",
            "REPORTS_ENDPOINT", "projects/p/branches/b/endpoints/reports");

    @Test
    void outsideDatabricksApps() throws IOException {
        SmallRyeConfig config = config("outside-databricks-apps.properties", "prod", Map.of());

        assertThat(checked(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME).host())
                .isEqualTo("ep-example.database.cloud.databricks.com");
        assertThat(datasource(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME).databricks().clientId()).hasValue("client-id");
    }

    @Test
    void databricksAppsNeedsNoLakebaseProperty() throws IOException {
        SmallRyeConfig config = config("databricks-apps.properties", "prod", DATABRICKS_APPS);

        LakebaseSettings settings = checked(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        assertThat(settings.endpoint()).hasValue("projects/p/branches/b/endpoints/e");
        assertThat(settings.username()).hasValue("client-id");
        assertThat(config.getRawValue("quarkus.http.port")).isEqualTo("8000");
        assertThat(checked(config, "reports").endpoint()).hasValue("projects/p/branches/b/endpoints/reports");
        DatabricksAppConfig app = config.getConfigMapping(LakebaseBuildTimeConfig.class).databricksApp();
        assertThat(app.name()).hasValue("orders");
        assertThat(app.javaOptions()).isEqualTo("-Xmx9g");
        assertThat(app.envFrom()).containsExactly(Map.entry("REPORTS_ENDPOINT", "reports-db"));
    }

    @Test
    void localDevelopmentAgainstARealLakebase() throws IOException {
        SmallRyeConfig config = config("local-development.properties", "dev", Map.of());

        checked(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        assertThat(datasource(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME).databricks().profile())
                .hasValue("my-workspace");
    }

    @Test
    void nativePassword() throws IOException {
        SmallRyeConfig config = config("native-password.properties", "dev", Map.of());

        LakebaseSettings settings = checked(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        assertThat(settings.usesTokens()).isFalse();
        assertThat(settings.endpoint()).isEmpty();
    }

    @Test
    void namedDatasources() throws IOException {
        SmallRyeConfig config = config("named-datasources.properties", "prod", Map.of());

        assertThat(LakebaseDatasourceNames.namedIn(config.getPropertyNames())).containsExactly("reports");
        assertThat(checked(config, "reports").host()).isEqualTo("ep-analytics.database.cloud.databricks.com");
        checked(config, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
    }

    @Test
    void tokenRefreshSampleShowsTheDefaults() throws IOException {
        SmallRyeConfig documented = config("token-refresh.properties", "prod", Map.of());
        SmallRyeConfig defaults = build("prod", Map.of("quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e",
                "quarkus.lakebase.host", "h", "quarkus.lakebase.database", "d"));

        checked(documented, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        LakebaseDatasourceConfig shown = datasource(documented, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        LakebaseDatasourceConfig actual = datasource(defaults, DataSourceUtil.DEFAULT_DATASOURCE_NAME);
        assertThat(List.of(shown.token().refreshMode(), shown.token().refreshBuffer(), shown.token().retryInitialDelay(),
                shown.token().retryMaxDelay(), shown.token().terminalRetryDelay(),
                shown.token().remintAfterRejectionInterval(), shown.token().acquireTimeout(),
                shown.token().failOnStartup(), shown.wakeUpTimeout(), shown.databricks().httpTimeout()))
                .isEqualTo(List.of(actual.token().refreshMode(), actual.token().refreshBuffer(),
                        actual.token().retryInitialDelay(), actual.token().retryMaxDelay(),
                        actual.token().terminalRetryDelay(), actual.token().remintAfterRejectionInterval(),
                        actual.token().acquireTimeout(), actual.token().failOnStartup(), actual.wakeUpTimeout(),
                        actual.databricks().httpTimeout()));
    }

    private static LakebaseSettings checked(SmallRyeConfig config, String datasource) {
        return LakebaseSettings.check(datasource(config, datasource), PropertyNames.of(datasource));
    }

    private static LakebaseDatasourceConfig datasource(SmallRyeConfig config, String datasource) {
        LakebaseDatasourceConfig settings = config.getConfigMapping(LakebaseRuntimeConfig.class).datasource(datasource);
        assertThat(settings).as("datasource %s", datasource).isNotNull();
        return settings;
    }

    private static SmallRyeConfig config(String sample, String profile, Map<String, String> platform)
            throws IOException {
        URL file = DocumentedConfigurationTest.class.getResource("/documented-configuration/" + sample);
        assertThat(file).as(sample).isNotNull();
        Map<String, String> environment = new java.util.HashMap<>(ENVIRONMENT);
        environment.putAll(platform);
        List<PropertiesConfigSource> sources = new ArrayList<>();
        sources.add(new PropertiesConfigSource(environment, "environment", 300));
        sources.add(new PropertiesConfigSource(file, 250));
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(false))
                .withProfile(profile)
                .withSources(sources.toArray(new PropertiesConfigSource[0]))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LakebaseRuntimeConfig.class)
                .withMapping(LakebaseBuildTimeConfig.class)
                .build();
    }

    private static SmallRyeConfig build(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(false))
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LakebaseRuntimeConfig.class)
                .build();
    }
}
