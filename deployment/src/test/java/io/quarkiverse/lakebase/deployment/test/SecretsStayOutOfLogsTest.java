package io.quarkiverse.lakebase.deployment.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Start-up, rotations, refreshes failing with 503, 401, 429 and a malformed answer, and connections, with every log
 * category at TRACE (the extension, Agroal, the PostgreSQL driver, the Databricks SDK and the JDK's HTTP client): no
 * log record (message, parameters or stack trace) contains a token, the client secret, or an authorization header.
 */
class SecretsStayOutOfLogsTest {

    private static final String SECRETS = "lakebase.test.secrets";

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest()
            .overrideConfigKey("quarkus.lakebase.devservices.token-ttl", "3S")
            // every category at the most detailed level: the SDK's HTTP client logs request headers and bodies there
            .overrideConfigKey("quarkus.log.min-level", "TRACE")
            .overrideConfigKey("quarkus.log.level", "TRACE")
            // recorded for the assertion below, not printed
            .overrideConfigKey("quarkus.log.console.level", "INFO")
            .setLogRecordPredicate(record -> true)
            .assertLogRecords(SecretsStayOutOfLogsTest::containNoSecret);

    @Inject
    DataSource dataSource;

    @Inject
    LakebaseLogins credentials;

    @Test
    void rotatesThroughFailuresWithoutLoggingASecret() throws Exception {
        TokenCache cache = credentials.tokenCache().orElseThrow();
        List<String> secrets = new ArrayList<>();
        String clientSecret = ConfigProvider.getConfig().getValue("quarkus.lakebase.databricks.client-secret",
                String.class);
        secrets.add(clientSecret);
        // the OAuth token request's credentials, as sent: encoded, but the secret all the same
        secrets.add(Base64.getEncoder().encodeToString((ConfigProvider.getConfig()
                .getValue("quarkus.lakebase.databricks.client-id", String.class) + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8)));
        secrets.add(cache.token(Duration.ofSeconds(10)).secret());

        int mintsBefore = credentialRequests();
        control("POST", "/emulator/faults", "{\"status\":503,\"times\":2}");
        // what a user would watch, while connections keep being used: the workspace saw two failed mints and a good
        // one, and the cache recovered
        await("a refresh through two failures").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        connection.createStatement().execute("SELECT 1");
                    }
                    return credentialRequests() >= mintsBefore + 3 && cache.state().lastFailure() == null;
                });
        secrets.add(cache.token(Duration.ofSeconds(10)).secret());

        // wrong credentials, throttling, and an answer that carries a token but no expiry
        String leaked = "leaked-by-a-malformed-answer";
        secrets.add(leaked);
        for (String fault : List.of("{\"status\":401,\"times\":1}",
                "{\"status\":429,\"times\":1,\"retryAfterSeconds\":\"1\"}",
                "{\"status\":200,\"times\":1,\"body\":{\"token\":\"" + leaked + "\"}}")) {
            control("POST", "/emulator/faults", fault);
            try {
                cache.refreshNow().toCompletableFuture().join();
                throw new AssertionError("the refresh should have failed: " + fault);
            } catch (java.util.concurrent.CompletionException expected) {
                // logged by the extension at WARN or ERROR
            }
        }
        System.setProperty(SECRETS, String.join("\n", secrets));
    }

    private static void containNoSecret(List<LogRecord> records) {
        String[] secrets = System.getProperty(SECRETS, "").split("\n");
        System.clearProperty(SECRETS);
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(3);
        assertThat(records).isNotEmpty();
        Formatter formatter = new SimpleFormatter();
        for (LogRecord record : records) {
            StringWriter text = new StringWriter();
            text.append(formatter.format(record)).append(String.valueOf(record.getMessage()));
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(String.valueOf(parameter));
                }
            }
            if (record.getThrown() != null) {
                record.getThrown().printStackTrace(new PrintWriter(text));
            }
            for (String secret : secrets) {
                assertThat(text.toString()).doesNotContain(secret);
            }
            // the workspace's OAuth access token, whose value the test cannot know, travels in this header
            assertThat(text.toString()).doesNotContainPattern("(?i)authorization\\W+(basic|bearer) \\S");
        }
    }

    private static int credentialRequests() throws Exception {
        String counts = control("GET", "/emulator/requests", "");
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("\"/api/2.0/postgres/credentials\":(\\d+)")
                .matcher(counts);
        return count.find() ? Integer.parseInt(count.group(1)) : 0;
    }

    private static String control(String method, String path, String body) throws Exception {
        String url = ConfigProvider.getConfig().getValue("quarkus.lakebase.databricks.host", String.class) + path;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(200, 204);
        return response.body();
    }
}
