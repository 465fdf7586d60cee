package io.quarkiverse.lakebase.deployment.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.token.TokenCache;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application with {@code quarkus-micrometer-registry-prometheus} scrapes the token and pool meters at
 * {@code /q/metrics}, labelled by endpoint and datasource, and the scrape carries no token or secret.
 */
class PrometheusMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest APP = new QuarkusUnitTest();

    @Inject
    DataSource dataSource;

    @Inject
    LakebaseLogins logins;

    @Test
    void theTokenAndThePoolAreScraped() throws Exception {
        try (Connection held = dataSource.getConnection()) {
            String scrape = scrape();

            assertThat(value(scrape, "lakebase_token_expiry_seconds", "lakebase_endpoint=\"projects/"))
                    .as("seconds until the token expires").isBetween(60.0, 3600.0);
            assertThat(value(scrape, "lakebase_pool_connections_active", "lakebase_datasource=\"<default>\""))
                    .as("connections in use").isEqualTo(1.0);
            assertThat(value(scrape, "lakebase_pool_connections_total", "lakebase_datasource=\"<default>\""))
                    .isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void aRefreshIsCountedAndNoSecretIsScraped() throws Exception {
        TokenCache cache = logins.tokenCache().orElseThrow();
        double before = value(scrape(), "lakebase_token_refresh_duration_seconds_count", "outcome=\"success\"");

        cache.refreshNow().toCompletableFuture().join();

        String scrape = scrape();
        assertThat(value(scrape, "lakebase_token_refresh_duration_seconds_count", "outcome=\"success\""))
                .isEqualTo(before + 1);
        assertThat(scrape).doesNotContain(cache.token(Duration.ofSeconds(10)).secret())
                .doesNotContain(ConfigProvider.getConfig().getValue("quarkus.lakebase.databricks.client-secret",
                        String.class));
    }

    /** The value of the first sample of the metric whose labels contain {@code label}. */
    private static double value(String scrape, String metric, String label) {
        Matcher sample = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(scrape);
        while (sample.find()) {
            if (sample.group(1).contains(label)) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no sample of " + metric + " with " + label + " in:\n" + scrape);
    }

    private static String scrape() throws Exception {
        String url = ConfigProvider.getConfig().getValue("test.url", String.class);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
