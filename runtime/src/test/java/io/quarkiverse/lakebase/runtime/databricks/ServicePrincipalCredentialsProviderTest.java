package io.quarkiverse.lakebase.runtime.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.databricks.sdk.core.CredentialsProvider;
import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.DatabricksException;
import com.databricks.sdk.core.oauth.OAuthM2MServicePrincipalCredentialsProvider;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The extension's machine-to-machine authentication asks the workspace exactly what the SDK's own provider asks. */
class ServicePrincipalCredentialsProviderTest {

    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String host;
    private volatile int tokenStatus = 200;

    @BeforeEach
    void startWorkspace() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oidc/.well-known/oauth-authorization-server", exchange -> answer(exchange, 200,
                "{\"authorization_endpoint\":\"" + host + "/oidc/v1/authorize\",\"token_endpoint\":\"" + host
                        + "/oidc/v1/token\"}"));
        server.createContext("/oidc/v1/token", this::token);
        server.createContext("/", exchange -> answer(exchange, 404, "{}"));
        server.start();
        host = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopWorkspace() {
        server.stop(0);
    }

    @Test
    void requestsTheTokenAsTheSdksProviderDoes() {
        String sdks = bearer(new OAuthM2MServicePrincipalCredentialsProvider());
        String ours = bearer(new ServicePrincipalCredentialsProvider());

        assertThat(ours).isEqualTo(sdks).isEqualTo("Bearer minted-1");
        assertThat(tokenRequests).hasSize(2);
        assertThat(tokenRequests.get(1)).isEqualTo(tokenRequests.get(0))
                .contains("grant_type=client_credentials", "scope=all-apis", "Basic ");
    }

    @Test
    void rejectedCredentialsFailAsWithTheSdksProvider() {
        tokenStatus = 401;

        String sdks = failure(new OAuthM2MServicePrincipalCredentialsProvider());
        String ours = failure(new ServicePrincipalCredentialsProvider());

        assertThat(ours).isEqualTo(sdks).doesNotContain("s3cret");
    }

    @Test
    void appliesOnlyWithClientCredentialsAndAHost() {
        DatabricksConfig noSecret = new DatabricksConfig().setHost(host).setClientId("app");

        assertThat(new ServicePrincipalCredentialsProvider().configure(noSecret)).isNull();
    }

    private String bearer(CredentialsProvider provider) {
        return config(provider).authenticate().get("Authorization");
    }

    private String failure(CredentialsProvider provider) {
        DatabricksConfig config = config(provider);
        return assertThatThrownBy(config::authenticate).isInstanceOf(DatabricksException.class).actual().getMessage();
    }

    private DatabricksConfig config(CredentialsProvider provider) {
        DatabricksConfig config = new DatabricksConfig().setHost(host).setClientId("app").setClientSecret("s3cret")
                .setCredentialsProvider(provider);
        config.setHttpClient(new UrlConnectionHttpClient(5, () -> {
            throw new AssertionError("only GET and POST");
        }));
        return config.resolve();
    }

    private void token(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Authorization")
                + " " + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
        if (tokenStatus != 200) {
            answer(exchange, tokenStatus, "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication"
                    + " failed\"}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"minted-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
