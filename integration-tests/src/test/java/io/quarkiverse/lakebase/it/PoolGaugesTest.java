package io.quarkiverse.lakebase.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The pool gauges count: with every connection of the pool held, total and active are the pool's size, and a caller
 * that waits for a connection is counted as waiting. Each value carries the datasource's name, {@code <default>} here.
 */
@QuarkusTest
@TestProfile(ShortLivedTokens.class)
class PoolGaugesTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InMemoryMetricExporter metrics;

    @Test
    void gaugesCountHeldAndWaitingConnections() throws Exception {
        int size = dataSource.getConfiguration().connectionPoolConfiguration().maxSize();
        List<Connection> held = new ArrayList<>();
        CompletableFuture<Void> waiter = null;
        try {
            for (int i = 0; i < size; i++) {
                held.add(dataSource.getConnection());
            }
            waiter = CompletableFuture.runAsync(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.isValid(1);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            await().atMost(DEADLINE).untilAsserted(() -> {
                assertThat(latest("lakebase.pool.connections.active")).isEqualTo(size);
                assertThat(latest("lakebase.pool.connections.total")).isEqualTo(size);
                assertThat(latest("lakebase.pool.connections.waiting")).isPositive();
            });
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        waiter.get();
        await().atMost(DEADLINE).untilAsserted(() -> {
            assertThat(latest("lakebase.pool.connections.active")).isZero();
            assertThat(latest("lakebase.pool.connections.waiting")).isZero();
        });
    }

    /** The default datasource's value of the gauge in the latest export, its only one. */
    private long latest(String name) {
        List<MetricData> exported = metrics.getFinishedMetricItems().stream()
                .filter(metric -> metric.getName().equals(name)).toList();
        assertThat(exported).as(name + " exported").isNotEmpty();
        List<LongPointData> points = List.copyOf(exported.get(exported.size() - 1).getLongGaugeData().getPoints());
        assertThat(points).as(name + ": one series, the default datasource's").singleElement()
                .extracting(point -> point.getAttributes().get(AttributeKey.stringKey("lakebase.datasource")))
                .isEqualTo("<default>");
        return points.get(0).getValue();
    }
}
