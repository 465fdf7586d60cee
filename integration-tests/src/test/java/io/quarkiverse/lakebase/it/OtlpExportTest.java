package io.quarkiverse.lakebase.it;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The route most deployments take to see the metrics: OTLP export to a collector. With only the standard
 * {@code quarkus.otel.exporter.otlp.*} settings, the token and pool metrics reach a receiver on 127.0.0.1.
 */
@QuarkusTest
@TestProfile(OtlpExportTest.ToACollector.class)
class OtlpExportTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void tokenAndPoolMetricsReachTheCollector() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            await("the metrics exported").atMost(Duration.ofSeconds(30))
                    .until(() -> OtlpReceiver.received("lakebase.token.expiry")
                            && OtlpReceiver.received("lakebase.token.refresh.duration")
                            && OtlpReceiver.received("lakebase.pool.connections.active")
                            && OtlpReceiver.received("lakebase.pool.connections.total"));
        }
    }

    public static class ToACollector implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // the tests' in-memory exporters out of the way: the application's own OTLP exporter is what is tested
            return Map.of("quarkus.arc.exclude-types", InMemoryTelemetry.class.getName(),
                    "quarkus.otel.metric.export.interval", "500ms");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OtlpReceiver.class));
        }
    }
}
