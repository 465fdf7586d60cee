package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.quarkiverse.lakebase.Lakebase;
import io.quarkiverse.lakebase.LakebaseConnectionConfig;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.devui.LakebaseJsonRpcService;
import io.quarkus.agroal.DataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A named Lakebase datasource gets what the default one gets: its own {@code Lakebase} bean, qualified with
 * {@code @DataSource("reports")}; pool gauges with its name; a section of the Dev UI card; an entry of the readiness
 * check.
 */
@QuarkusTest
@TestProfile(ReportsDatasource.class)
class NamedDatasourceTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final AttributeKey<String> DATASOURCE = AttributeKey.stringKey("lakebase.datasource");
    private static final String DEFAULT = "<default>";

    // tag::inject-named[]
    @Inject
    @DataSource("reports")
    Lakebase reports;
    // end::inject-named[]

    @Inject
    Lakebase lakebase;

    @Inject
    @DataSource("reports")
    AgroalDataSource reportsPool;

    @Inject
    AgroalDataSource defaultPool;

    @Inject
    LakebaseLogins credentials;

    @Inject
    InMemoryMetricExporter metrics;

    @Test
    void theQualifiedBeanActsOnTheNamedDatasource() throws Exception {
        assertThat(reports.datasource()).isEqualTo("reports");
        assertThat(lakebase.datasource()).isEqualTo(DEFAULT);
        assertThat(reports.dataSource()).isSameAs(reportsPool).isNotSameAs(lakebase.dataSource());
        assertThat(reports.query("SELECT current_database() AS db").rows().get(0).get("db", String.class))
                .isEqualTo(config("quarkus.lakebase.database"));

        LakebaseConnectionConfig connection = reports.connectionConfig();
        assertThat(connection.host()).isEqualTo(config("quarkus.lakebase.host"));
        assertThat(connection.port()).isEqualTo(Integer.parseInt(config("quarkus.lakebase.port")));
        assertThat(connection.database()).isEqualTo(config("quarkus.lakebase.database"));
        assertThat(connection.username()).isEqualTo(config("quarkus.lakebase.databricks.client-id"));

        assertThat(reports.status().healthy()).isTrue();
        assertThat(reports.status().details()).containsEntry("endpoint", config("quarkus.lakebase.endpoint"));
    }

    @Test
    void onlyTheDefaultDatasourceActsOnBehalfOfUsers() {
        assertThatThrownBy(() -> reports.asUser("any-token")).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("reports").hasMessageContaining("default datasource");
    }

    @Test
    void poolGaugesHaveOneSeriesPerDatasource() throws Exception {
        try (Connection held = reportsPool.getConnection()) {
            await().atMost(DEADLINE).untilAsserted(() -> {
                assertThat(latest("lakebase.pool.connections.active", "reports")).contains(1L);
                assertThat(latest("lakebase.pool.connections.total", "reports")).hasValueSatisfying(
                        total -> assertThat(total).isPositive());
                assertThat(latest("lakebase.pool.connections.active", DEFAULT)).contains(0L);
            });
        }
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(latest("lakebase.pool.connections.active", "reports")).contains(0L);
            assertThat(latest("lakebase.pool.connections.idle", "reports")).hasValueSatisfying(
                    idle -> assertThat(idle).isPositive());
            assertThat(latest("lakebase.pool.connections.waiting", "reports")).contains(0L);
        });
    }

    @Test
    void theDevUiCardHasASectionPerDatasourceAndFlushesOnlyTheChosenPool() throws Exception {
        LakebaseJsonRpcService service = new LakebaseJsonRpcService(credentials);
        defaultPool.getConnection().close();
        reportsPool.getConnection().close();

        List<Map<String, Object>> status = service.getStatus();
        assertThat(status).extracting(view -> view.get("datasource")).containsExactly(DEFAULT, "reports");
        assertThat(status.get(1)).containsEntry("healthy", true)
                .containsEntry("endpoint", config("quarkus.lakebase.endpoint"))
                .containsKeys("tokenExpiresAt", "refreshCount", "poolActive", "poolIdle", "poolWaiting");
        assertThat(status.toString()).doesNotContain(credentials.login("reports").currentPassword(),
                config("quarkus.lakebase.databricks.client-secret"));

        service.flushPool("reports");
        // Agroal flushes on its housekeeping thread
        await().atMost(DEADLINE).until(() -> reportsPool.getMetrics().availableCount() == 0);
        assertThat(defaultPool.getMetrics().availableCount()).as("the default pool's idle connection").isPositive();
        assertThatThrownBy(() -> service.flushPool("nowhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReadinessCheckReportsTheNamedDatasource() {
        JsonPath ready = given().when().get("/q/health/ready").then().statusCode(200).extract().jsonPath();
        String lakebaseCheck = "checks.find { it.name == 'Lakebase' }";
        assertThat(ready.getString(lakebaseCheck + ".status")).isEqualTo("UP");
        assertThat(ready.getString(lakebaseCheck + ".data.'reports.endpoint'"))
                .isEqualTo(config("quarkus.lakebase.endpoint"));
        assertThat(ready.getLong(lakebaseCheck + ".data.'reports.tokenSecondsLeft'")).isPositive();
    }

    /** The datasource's value of the gauge in the latest export that has it. */
    private Optional<Long> latest(String name, String datasource) {
        List<MetricData> exported = metrics.getFinishedMetricItems().stream()
                .filter(metric -> metric.getName().equals(name)).toList();
        assertThat(exported).as(name + " exported").isNotEmpty();
        return exported.get(exported.size() - 1).getLongGaugeData().getPoints().stream()
                .filter(point -> datasource.equals(point.getAttributes().get(DATASOURCE)))
                .map(LongPointData::getValue).findFirst();
    }

    private static String config(String property) {
        return ConfigProvider.getConfig().getValue(property, String.class);
    }
}
