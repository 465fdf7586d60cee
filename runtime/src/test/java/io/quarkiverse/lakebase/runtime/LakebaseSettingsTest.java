package io.quarkiverse.lakebase.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.runtime.config.DatabricksAppsEnvironmentInterceptor;
import io.quarkiverse.lakebase.runtime.config.LakebaseRuntimeConfig;
import io.quarkiverse.lakebase.runtime.config.PrioritizedInterceptor;
import io.quarkiverse.lakebase.runtime.config.PropertyNames;
import io.quarkus.datasource.common.runtime.DataSourceUtil;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Settings that would make an obscure driver error, or leak a secret, are refused or hidden with a clear message. */
class LakebaseSettingsTest {

    @Test
    void theNativePasswordNeverShowsInToString() {
        LakebaseSettings settings = new LakebaseSettings(Optional.empty(), "h", 5432, "db", Optional.of("role"),
                Optional.of("s3cr3t-native-password"));

        assertThat(settings.toString()).doesNotContain("s3cr3t-native-password").contains("nativePassword=***")
                .contains("host=h");
    }

    @Test
    void aHostWithAPortSaysWhereThePortGoes() {
        assertThatThrownBy(() -> check(Map.of("PGHOST", "ep-example.database.cloud.databricks.com:5433")))
                .isInstanceOf(LakebaseConfigurationException.class)
                .hasMessageContaining("quarkus.lakebase.host or the PGHOST environment variable")
                .hasMessageContaining("includes a port")
                .hasMessageContaining("quarkus.lakebase.port or the PGPORT environment variable");
    }

    @Test
    void aHostThatIsNoHostNameIsRefused() {
        assertThatThrownBy(() -> check(Map.of("quarkus.lakebase.host", "db.example.com/other?ssl=false")))
                .hasMessageContaining("Invalid Lakebase host 'db.example.com/other?ssl=false'");
    }

    @Test
    void ipAddressesAreHosts() {
        assertThat(check(Map.of("quarkus.lakebase.host", "10.0.0.7")).host()).isEqualTo("10.0.0.7");
        assertThat(check(Map.of("quarkus.lakebase.host", "[::1]")).host()).isEqualTo("[::1]");
    }

    @Test
    void aDatabaseNameThatWouldChangeTheUrlIsRefused() {
        assertThatThrownBy(() -> check(Map.of("quarkus.lakebase.database", "orders?sslmode=disable")))
                .hasMessageContaining("Invalid Lakebase database 'orders?sslmode=disable'")
                .hasMessageContaining("quarkus.lakebase.database or the PGDATABASE environment variable")
                .hasMessageContaining("quarkus.datasource.jdbc.url");
    }

    @Test
    void aNamedDatasourceNamesItsOwnProperties() {
        Map<String, String> named = new HashMap<>(Map.of(
                "quarkus.lakebase.\"reports\".endpoint", "projects/p/branches/b/endpoints/r",
                "quarkus.lakebase.\"reports\".host", "h:5433",
                "quarkus.lakebase.\"reports\".database", "reports"));
        SmallRyeConfig config = config(named);

        assertThatThrownBy(() -> LakebaseSettings.check(
                config.getConfigMapping(LakebaseRuntimeConfig.class).datasource("reports"), PropertyNames.of("reports")))
                .hasMessageContaining("quarkus.lakebase.\"reports\".host")
                .hasMessageContaining("quarkus.lakebase.\"reports\".port")
                .hasMessageNotContaining("PGHOST");
    }

    @Test
    void claimsNeedAPermissionSetAndTables() {
        assertThatThrownBy(() -> check(Map.of("quarkus.lakebase.token.claims.permission-set", "read-only")))
                .isInstanceOf(LakebaseConfigurationException.class)
                .hasMessageContaining("quarkus.lakebase.token.claims.permission-set")
                .hasMessageContaining("quarkus.lakebase.token.claims.tables");
        assertThatThrownBy(() -> check(Map.of("quarkus.lakebase.token.claims.tables", "main.sales.orders")))
                .hasMessageContaining("set both, or neither");
        check(Map.of("quarkus.lakebase.token.claims.permission-set", "read-only",
                "quarkus.lakebase.token.claims.tables", "main.sales.orders"));
    }

    @Test
    void aNegativeSessionLimitIsRefused() {
        assertThatThrownBy(() -> check(Map.of("quarkus.lakebase.statement-timeout", "-1S")))
                .isInstanceOf(LakebaseConfigurationException.class)
                .hasMessageContaining("Invalid quarkus.lakebase.statement-timeout");
    }

    private static LakebaseSettings check(Map<String, String> overrides) {
        Map<String, String> properties = new HashMap<>(Map.of(
                "quarkus.lakebase.endpoint", "projects/p/branches/b/endpoints/e",
                "quarkus.lakebase.host", "ep-example.database.cloud.databricks.com",
                "quarkus.lakebase.database", "databricks_postgres"));
        overrides.forEach((key, value) -> {
            if (key.startsWith("PG")) {
                properties.remove(DatabricksAppsEnvironmentInterceptor.FALLBACKS.entrySet().stream()
                        .filter(entry -> entry.getValue().equals(key)).findFirst().orElseThrow().getKey());
            }
            properties.put(key, value);
        });
        return LakebaseSettings.check(config(properties).getConfigMapping(LakebaseRuntimeConfig.class)
                .datasource(DataSourceUtil.DEFAULT_DATASOURCE_NAME),
                PropertyNames.of(DataSourceUtil.DEFAULT_DATASOURCE_NAME));
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withInterceptorFactories(PrioritizedInterceptor.lakebaseInterceptors(false))
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withConverter(Duration.class, 200, new DurationConverter())
                .withMapping(LakebaseRuntimeConfig.class)
                .build();
    }
}
