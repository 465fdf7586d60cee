package io.quarkiverse.lakebase.runtime.databricks;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import com.databricks.sdk.core.DatabricksConfig;
import com.databricks.sdk.core.commons.CommonsHttpClient;
import com.databricks.sdk.core.http.HttpClient;
import com.databricks.sdk.core.http.Request;
import com.databricks.sdk.core.http.Response;

/**
 * The workspace's HTTP client ({@link UrlConnectionHttpClient}), keeping the {@code Retry-After} of the last throttled
 * answer on the calling thread: with the SDK's own retries off, the SDK's error would lose it, and the token cache must
 * honour it.
 */
final class RetryAfterHttpClient implements HttpClient {

    private static final ThreadLocal<Duration> LAST_RETRY_AFTER = new ThreadLocal<>();

    private final HttpClient delegate;

    RetryAfterHttpClient(DatabricksConfig config, int timeoutSeconds) {
        this.delegate = new UrlConnectionHttpClient(timeoutSeconds, () -> new CommonsHttpClient.Builder()
                .withDatabricksConfig(config).withTimeoutSeconds(timeoutSeconds).build());
    }

    /** The delay the workspace asked for in its last answer on this thread, cleared by reading it. */
    static Optional<Duration> takeRetryAfter() {
        Duration retryAfter = LAST_RETRY_AFTER.get();
        LAST_RETRY_AFTER.remove();
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public Response execute(Request request) throws IOException {
        LAST_RETRY_AFTER.remove();
        Response response = delegate.execute(request);
        if (response.getStatusCode() == 429 || response.getStatusCode() == 503) {
            parse(response.getFirstHeader("Retry-After")).ifPresent(LAST_RETRY_AFTER::set);
        }
        return response;
    }

    static Optional<Duration> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim()))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(Instant.now(), at);
                return Optional.of(delay.isNegative() ? Duration.ZERO : delay);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
