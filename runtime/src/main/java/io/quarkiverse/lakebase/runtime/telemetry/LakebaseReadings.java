package io.quarkiverse.lakebase.runtime.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.ToLongFunction;

import io.agroal.api.AgroalDataSourceMetrics;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.LakebasePools;

/**
 * The names, descriptions and readings both metrics routes publish (OpenTelemetry and Micrometer), so that a dashboard
 * built on one works on the other. None of them carries a token, a secret or a user's name.
 */
final class LakebaseReadings {

    static final String REFRESH_DURATION = "lakebase.token.refresh.duration";
    static final String REFRESH_DURATION_HELP = "Time to mint a Lakebase database token";
    static final String REFRESH_FAILURES = "lakebase.token.refresh.failures";
    static final String REFRESH_FAILURES_HELP = "Failed attempts to mint a Lakebase database token";
    static final String AUTH_FAILURES = "lakebase.auth.failures";
    static final String AUTH_FAILURES_HELP = "Logins refused by PostgreSQL (SQLState 28P01)";
    static final String POOL_ERRORS = "lakebase.pool.errors";
    static final String POOL_ERRORS_HELP = "Physical connections of the Lakebase pool that could not be opened";
    static final String USER_TOKEN_REFRESHES = "lakebase.user.token.refreshes";
    static final String USER_TOKEN_REFRESHES_HELP = "Tokens minted, or attempts that failed, on behalf of signed-in users;"
            + " no user is named";
    static final String USER_POOLS = "lakebase.user.pools";
    static final String USER_POOLS_HELP = "Pools of signed-in users kept now";
    static final String TOKEN_EXPIRY = "lakebase.token.expiry";
    static final String TOKEN_EXPIRY_HELP = "Time until the cached Lakebase database token expires";

    static final String OUTCOME = "outcome";
    static final String ERROR_TYPE = "error.type";
    static final String ERROR_CODE = "error.code";
    static final String ENDPOINT = "lakebase.endpoint";
    static final String DATASOURCE = "lakebase.datasource";

    /** The pool gauges: name, description, reading. */
    enum PoolGauge {
        TOTAL("lakebase.pool.connections.total", "Open connections of a Lakebase pool, in use or idle",
                metrics -> metrics.activeCount() + metrics.availableCount()),
        ACTIVE("lakebase.pool.connections.active", "Connections of a Lakebase pool in use",
                AgroalDataSourceMetrics::activeCount),
        IDLE("lakebase.pool.connections.idle", "Idle connections of a Lakebase pool", AgroalDataSourceMetrics::availableCount),
        WAITING("lakebase.pool.connections.waiting", "Callers waiting for a connection of a Lakebase pool",
                AgroalDataSourceMetrics::awaitingCount);

        final String metricName;
        final String help;
        final ToLongFunction<AgroalDataSourceMetrics> reading;

        PoolGauge(String metricName, String help, ToLongFunction<AgroalDataSourceMetrics> reading) {
            this.metricName = metricName;
            this.help = help;
            this.reading = reading;
        }

        /** The reading of the datasource's pool, when it is active. */
        Optional<Long> of(String datasource) {
            return LakebasePools.active(datasource).map(pool -> reading.applyAsLong(pool.getMetrics()));
        }
    }

    private LakebaseReadings() {
    }

    /** Seconds until the endpoint's cached token expires, when one is cached. */
    static Optional<Double> secondsToExpiry(LakebaseLogins logins, String endpoint, Instant now) {
        return logins.endpointTokens().stream().filter(tokens -> tokens.endpoint().equals(endpoint)).findFirst()
                .flatMap(tokens -> tokens.cache().state().currentToken())
                .map(token -> seconds(token.remainingAt(now)));
    }

    /** {@code http.503}, {@code http.401}, or the class of the cause: low cardinality, no secret. */
    static String errorType(TokenRefreshException failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof com.databricks.sdk.core.DatabricksError error && error.getStatusCode() > 0) {
            return "http." + error.getStatusCode();
        }
        return cause == null ? failure.kind().name().toLowerCase() : cause.getClass().getName();
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
