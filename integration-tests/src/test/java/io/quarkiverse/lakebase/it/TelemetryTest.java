package io.quarkiverse.lakebase.it;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.jdbc.LakebaseDriver;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * With the real OpenTelemetry SDK and in-memory exporters: refreshes (one failed), statements and a refused login
 * produce the named spans and metrics with their attributes, and nothing exported contains a secret.
 * <p>
 * Uses the token cache and the driver directly: a refresh that fails during an outage, and a login the driver refuses,
 * are what the telemetry must report, and the public API makes neither happen on purpose.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class TelemetryTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    InMemoryMetricExporter metrics;

    @Inject
    LakebaseLogins credentials;

    @Test
    void refreshesStatementsAndRefusedLoginsAreMeasuredWithoutSecrets() throws Exception {
        TokenCache cache = credentials.tokenCache().orElseThrow();
        List<String> secrets = new ArrayList<>();
        secrets.add(config().getValue("quarkus.lakebase.databricks.client-secret", String.class));
        secrets.add(cache.refreshNow().toCompletableFuture().join().secret());
        WorkspaceEmulatorClient.fail(503, -1);
        try {
            // a background refresh already past the workspace may be in flight: the next mint meets the outage
            boolean failed = false;
            for (int attempt = 0; attempt < 3 && !failed; attempt++) {
                try {
                    cache.refreshNow().toCompletableFuture().join();
                } catch (CompletionException expected) {
                    failed = true;
                }
            }
            assertThat(failed).as("a refresh failed during the outage").isTrue();
        } finally {
            WorkspaceEmulatorClient.recover();
        }
        secrets.add(cache.token(Duration.ofSeconds(10)).secret());
        given().contentType(ContentType.JSON).body(new NewOrder("telemetry", "widget", 1))
                .when().post("/orders").then().statusCode(201);
        given().queryParam("userId", "telemetry").when().get("/orders").then().statusCode(200);
        assertThatThrownBy(() -> loginWithWrongPassword()).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo("28P01"));

        List<SpanData> refreshes = awaitSpans("lakebase.token.refresh", 2);
        assertThat(refreshes).anySatisfy(span -> {
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("http.503");
        });
        assertThat(refreshes).anySatisfy(span -> {
            assertThat(span.getStatus().getStatusCode()).isNotEqualTo(StatusCode.ERROR);
            assertThat(span.getAttributes().get(AttributeKey.stringKey("lakebase.endpoint")))
                    .isEqualTo(config().getValue("quarkus.lakebase.endpoint", String.class));
            assertThat(span.getAttributes().get(AttributeKey.stringKey("lakebase.token.expires_at"))).isNotBlank();
        });

        awaitMetrics(Set.of("lakebase.token.refresh.duration", "lakebase.token.refresh.failures",
                "lakebase.token.expiry", "lakebase.auth.failures", "lakebase.pool.errors",
                "lakebase.pool.connections.total", "lakebase.pool.connections.idle",
                "lakebase.pool.connections.waiting", "lakebase.query.duration", "lakebase.user.pools"));
        MetricData queries = latest("lakebase.query.duration");
        assertThat(queries.getUnit()).isEqualTo("s");
        assertThat(queries.getHistogramData().getPoints()).anySatisfy(point -> {
            assertThat(point.getAttributes().get(AttributeKey.stringKey("db.system"))).isEqualTo("postgresql");
            assertThat(point.getAttributes().get(AttributeKey.stringKey("db.operation.name"))).isEqualTo("INSERT");
        });
        assertThat(latest("lakebase.token.refresh.failures").getLongSumData().getPoints())
                .anySatisfy(point -> assertThat(point.getValue()).isPositive());
        assertThat(latest("lakebase.auth.failures").getLongSumData().getPoints())
                .anySatisfy(point -> assertThat(point.getValue()).isPositive());
        assertThat(latest("lakebase.token.expiry").getDoubleGaugeData().getPoints())
                .allSatisfy(point -> assertThat(point.getValue()).isBetween(0.0, 3.0));

        String exported = spans.getFinishedSpanItems().toString() + metrics.getFinishedMetricItems().toString();
        for (String secret : secrets) {
            assertThat(exported).doesNotContain(secret);
        }
    }

    private List<SpanData> awaitSpans(String name, int count) {
        return await(count + " " + name + " spans exported").atMost(DEADLINE)
                .until(() -> spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(name)).toList(),
                        found -> found.size() >= count);
    }

    private void awaitMetrics(Set<String> names) {
        await("metrics exported: " + names).atMost(DEADLINE).until(() -> metrics.getFinishedMetricItems().stream()
                .map(MetricData::getName).collect(Collectors.toSet()).containsAll(names));
    }

    private MetricData latest(String name) {
        List<MetricData> exported = metrics.getFinishedMetricItems().stream()
                .filter(metric -> metric.getName().equals(name)).toList();
        return exported.get(exported.size() - 1);
    }

    private static void loginWithWrongPassword() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", config().getValue("quarkus.lakebase.databricks.client-id", String.class));
        properties.setProperty("password", "not-the-token");
        new LakebaseDriver().connect("jdbc:postgresql://127.0.0.1:" + config().getValue("quarkus.lakebase.port",
                String.class) + "/" + config().getValue("quarkus.lakebase.database", String.class), properties);
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }
}
