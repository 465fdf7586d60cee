package io.quarkiverse.lakebase.runtime.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

class UrlConnectionHttpClientTest {

    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final CountDownLatch stalledAnswer = new CountDownLatch(1);
    private HttpServer server;
    private String base;
    private UrlConnectionHttpClient client;

    @BeforeEach
    void startWorkspace() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", this::echo);
        server.createContext("/unauthorized", exchange -> answer(exchange, 401,
                Map.of("WWW-Authenticate", "Bearer", "Content-Type", "application/json"),
                "{\"error_code\":\"UNAUTHENTICATED\",\"message\":\"invalid token\"}"));
        server.createContext("/throttled", exchange -> answer(exchange, 429, Map.of("Retry-After", "7"), ""));
        server.createContext("/moved", exchange -> answer(exchange, 302, Map.of("Location", base + "/echo"), ""));
        server.createContext("/stalled", exchange -> {
            try {
                stalledAnswer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, Map.of(), "");
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new UrlConnectionHttpClient(1,
                () -> new CommonsHttpClient.Builder().withDatabricksConfig(new DatabricksConfig())
                        .withTimeoutSeconds(1).build());
    }

    @AfterEach
    void stopWorkspace() {
        stalledAnswer.countDown();
        server.stop(0);
    }

    @Test
    void sendsTheMethodQueryHeadersAndBodyAndReadsAJsonAnswerWhole() throws IOException {
        Request request = new Request(Request.POST, base + "/echo", "{\"role\":\"app\"}")
                .withQueryParam("endpoint", "projects/p/branches/b").withHeader("Content-Type", "application/json")
                .withHeader("Authorization", "Bearer t");

        Response response = client.execute(request);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getFirstHeader("X-Method")).isEqualTo("POST");
        assertThat(received).containsEntry("query", "endpoint=projects%2Fp%2Fbranches%2Fb")
                .containsEntry("body", "{\"role\":\"app\"}").containsEntry("authorization", "Bearer t")
                .containsEntry("accept", "*/*");
        assertThat(response.getDebugBody()).isEqualTo("{\"echo\":true}");
        assertThat(text(response)).isEqualTo("{\"echo\":true}");
    }

    @Test
    void aRejectedRequestIsAnAnswerWithItsBodyNotAnException() throws IOException {
        Response response = client.execute(new Request(Request.POST, base + "/unauthorized", "{}"));

        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(text(response)).contains("UNAUTHENTICATED");
    }

    @Test
    void keepsTheRetryAfterOfAThrottledAnswer() throws IOException {
        Response response = client.execute(new Request(Request.GET, base + "/throttled"));

        assertThat(response.getStatusCode()).isEqualTo(429);
        assertThat(response.getFirstHeader("Retry-After")).isEqualTo("7");
    }

    @Test
    void followsRedirectsOfReadsUnlessTheRequestSaysNot() throws IOException {
        Response followed = client.execute(new Request(Request.GET, base + "/moved"));
        Request notToFollow = new Request(Request.GET, base + "/moved");
        notToFollow.setRedirectionBehavior(false);
        Response notFollowed = client.execute(notToFollow);

        assertThat(followed.getStatusCode()).isEqualTo(200);
        assertThat(followed.getUrl().getPath()).isEqualTo("/echo");
        assertThat(notFollowed.getStatusCode()).isEqualTo(302);
        assertThat(notFollowed.getFirstHeader("Location")).isEqualTo(base + "/echo");
    }

    @Test
    void sendsAPatchThroughTheSdksClient() throws IOException {
        Response response = client.execute(new Request(Request.PATCH, base + "/echo", "{}"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getFirstHeader("X-Method")).isEqualTo("PATCH");
    }

    @Test
    void givesUpOnAWorkspaceThatDoesNotAnswerWithinTheTimeout() {
        assertThatThrownBy(() -> client.execute(new Request(Request.GET, base + "/stalled")))
                .isInstanceOf(SocketTimeoutException.class);
    }

    private void echo(HttpExchange exchange) throws IOException {
        received.put("query", String.valueOf(exchange.getRequestURI().getRawQuery()));
        received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.put("authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        received.put("accept", String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        answer(exchange, 200, Map.of("Content-Type", "application/json", "X-Method", exchange.getRequestMethod()),
                "{\"echo\":true}");
    }

    private static void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(name, List.of(value)));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String text(Response response) throws IOException {
        return new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
