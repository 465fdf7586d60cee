package io.quarkiverse.lakebase.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An OTLP/HTTP receiver on 127.0.0.1, standing in for an OpenTelemetry collector: it keeps the metric export requests
 * it receives, as a collector would before forwarding them to Prometheus or a vendor.
 */
public class OtlpReceiver implements QuarkusTestResourceLifecycleManager {

    /** The bodies of the metric exports received, protobuf-encoded. */
    static final List<byte[]> METRIC_EXPORTS = new CopyOnWriteArrayList<>();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (exchange.getRequestURI().getPath().endsWith("/v1/metrics")) {
                    METRIC_EXPORTS.add(body);
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "quarkus.otel.exporter.otlp.endpoint", endpoint,
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.compression", "none");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Whether an export received so far names the metric; protobuf keeps names as plain UTF-8. */
    static boolean received(String metric) {
        byte[] name = metric.getBytes(StandardCharsets.UTF_8);
        return METRIC_EXPORTS.stream().anyMatch(body -> indexOf(body, name) >= 0);
    }

    private static int indexOf(byte[] body, byte[] part) {
        outer: for (int i = 0; i <= body.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (body[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
