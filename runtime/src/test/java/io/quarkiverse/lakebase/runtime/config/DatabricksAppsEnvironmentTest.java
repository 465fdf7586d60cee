package io.quarkiverse.lakebase.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class DatabricksAppsEnvironmentTest {

    private static final Map<String, String> DEFAULTS = Map.of(
            "quarkus.lakebase.port", "5432",
            "quarkus.http.port", "8080",
            "quarkus.http.host", "localhost",
            "url", "jdbc:postgresql://${quarkus.lakebase.host:}:${quarkus.lakebase.port:5432}/x");

    @Test
    void environmentFillsWhatIsNotConfigured() {
        SmallRyeConfig config = config(Map.of("PGHOST", "env-host", "PGPORT", "6543"), Map.of());

        assertThat(config.getRawValue("quarkus.lakebase.host")).isEqualTo("env-host");
        assertThat(config.getRawValue("quarkus.lakebase.port")).isEqualTo("6543");
        assertThat(config.getRawValue("url")).isEqualTo("jdbc:postgresql://env-host:6543/x");
    }

    @Test
    void configuredValuesWinOverTheEnvironment() {
        SmallRyeConfig config = config(Map.of("PGHOST", "env-host", "PGPORT", "6543"),
                Map.of("quarkus.lakebase.host", "configured-host", "quarkus.lakebase.port", "7654"));

        assertThat(config.getRawValue("url")).isEqualTo("jdbc:postgresql://configured-host:7654/x");
    }

    @Test
    void aProfileValueCountsAsConfigured() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(false))
                .withProfile("dev")
                .withSources(new PropertiesConfigSource(Map.of("PGHOST", "env-host"), "environment", 300))
                .withSources(new PropertiesConfigSource(Map.of("%dev.quarkus.lakebase.host", "dev-host"),
                        "application.properties", 250))
                .build();

        assertThat(config.getRawValue("quarkus.lakebase.host")).isEqualTo("dev-host");
    }

    @Test
    void builtInDefaultsApplyWithoutEnvironment() {
        SmallRyeConfig config = config(Map.of(), Map.of());

        assertThat(config.getRawValue("quarkus.lakebase.host")).isNull();
        assertThat(config.getRawValue("url")).isEqualTo("jdbc:postgresql://:5432/x");
    }

    @Test
    void theAppPortMakesTheServerListenThereOnAllInterfaces() {
        SmallRyeConfig config = config(Map.of("DATABRICKS_APP_PORT", "8000"), Map.of());

        assertThat(config.getRawValue("quarkus.http.port")).isEqualTo("8000");
        assertThat(config.getRawValue("quarkus.http.host")).isEqualTo("0.0.0.0");
    }

    @Test
    void aConfiguredHttpPortAndHostWinOverTheAppPort() {
        SmallRyeConfig config = config(Map.of("DATABRICKS_APP_PORT", "8000"),
                Map.of("quarkus.http.port", "9000", "quarkus.http.host", "127.0.0.1"));

        assertThat(config.getRawValue("quarkus.http.port")).isEqualTo("9000");
        assertThat(config.getRawValue("quarkus.http.host")).isEqualTo("127.0.0.1");
    }

    @Test
    void withoutTheAppPortTheServerKeepsItsDefaults() {
        SmallRyeConfig config = config(Map.of(), Map.of());

        assertThat(config.getRawValue("quarkus.http.port")).isEqualTo("8080");
        assertThat(config.getRawValue("quarkus.http.host")).isEqualTo("localhost");
    }

    private static SmallRyeConfig config(Map<String, String> environment, Map<String, String> application) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(false))
                .withDefaultValues(DEFAULTS)
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new PropertiesConfigSource(application, "application.properties", 250))
                .build();
    }
}
