package io.quarkiverse.lakebase.runtime.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkiverse.lakebase.ConnectionListener;
import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.EndpointTokens;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.user.UserPools;
import io.quarkiverse.lakebase.runtime.user.UserPoolsListener;

/**
 * OpenTelemetry metrics and spans of the tokens and the Lakebase datasources' pools, under the instrumentation scope
 * {@value #SCOPE}. The refresh span and the expiry gauge carry the endpoint, which tells the tokens of named
 * datasources apart; the pool gauges carry the Quarkus datasource name ({@code <default>} for the default one) and
 * skip a datasource that is not active. Durations are in seconds, as the OpenTelemetry semantic conventions ask.
 * Registered only when the application has {@code quarkus-opentelemetry}.
 */
@Singleton
public class LakebaseTelemetry implements RefreshListener, ConnectionListener, UserPoolsListener {

    public static final String SCOPE = "io.quarkiverse.lakebase";

    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey(LakebaseReadings.OUTCOME);
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey(LakebaseReadings.ERROR_TYPE);
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey(LakebaseReadings.ERROR_CODE);
    static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey(LakebaseReadings.ENDPOINT);
    static final AttributeKey<String> EXPIRES_AT = AttributeKey.stringKey("lakebase.token.expires_at");
    static final AttributeKey<String> DATASOURCE = AttributeKey.stringKey(LakebaseReadings.DATASOURCE);

    private final OpenTelemetry openTelemetry;
    private final Instance<LakebaseLogins> credentials;
    private final Clock clock = Clock.systemUTC();
    private Tracer tracer;
    private DoubleHistogram refreshDuration;
    private LongCounter refreshFailures;
    private LongCounter authFailures;
    private LongCounter poolErrors;
    private LongCounter userTokenRefreshes;

    private final Instance<UserPools> userPools;

    public LakebaseTelemetry(OpenTelemetry openTelemetry, Instance<LakebaseLogins> credentials,
            Instance<UserPools> userPools) {
        this.openTelemetry = openTelemetry;
        this.credentials = credentials;
        this.userPools = userPools;
    }

    @PostConstruct
    void register() {
        tracer = openTelemetry.getTracer(SCOPE);
        Meter meter = openTelemetry.getMeter(SCOPE);
        refreshDuration = meter.histogramBuilder(LakebaseReadings.REFRESH_DURATION).setUnit("s")
                .setDescription(LakebaseReadings.REFRESH_DURATION_HELP).build();
        refreshFailures = meter.counterBuilder(LakebaseReadings.REFRESH_FAILURES)
                .setDescription(LakebaseReadings.REFRESH_FAILURES_HELP).build();
        authFailures = meter.counterBuilder(LakebaseReadings.AUTH_FAILURES)
                .setDescription(LakebaseReadings.AUTH_FAILURES_HELP).build();
        poolErrors = meter.counterBuilder(LakebaseReadings.POOL_ERRORS)
                .setDescription(LakebaseReadings.POOL_ERRORS_HELP).build();
        userTokenRefreshes = meter.counterBuilder(LakebaseReadings.USER_TOKEN_REFRESHES)
                .setDescription(LakebaseReadings.USER_TOKEN_REFRESHES_HELP).build();
        meter.gaugeBuilder(LakebaseReadings.USER_POOLS).ofLongs()
                .setDescription(LakebaseReadings.USER_POOLS_HELP)
                .buildWithCallback(gauge -> {
                    if (userPools.isResolvable()) {
                        gauge.record(userPools.get().pooledUsers());
                    }
                });
        meter.gaugeBuilder(LakebaseReadings.TOKEN_EXPIRY).setUnit("s")
                .setDescription(LakebaseReadings.TOKEN_EXPIRY_HELP)
                .buildWithCallback(this::recordExpiries);
        for (LakebaseReadings.PoolGauge pool : LakebaseReadings.PoolGauge.values()) {
            meter.gaugeBuilder(pool.metricName).ofLongs().setDescription(pool.help)
                    .buildWithCallback(gauge -> recordPools(gauge, pool));
        }
    }

    @Override
    public RefreshListener forEndpoint(String endpoint) {
        return new RefreshListener() {
            @Override
            public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
                LakebaseTelemetry.this.refreshed(endpoint, token, took);
            }

            @Override
            public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                    Duration nextAttemptIn) {
                LakebaseTelemetry.this.refreshFailed(endpoint, failure, took);
            }
        };
    }

    /** Counts users' mints by outcome and error type only: a user's name or token never becomes an attribute. */
    @Override
    public RefreshListener forUserTokens() {
        return new RefreshListener() {
            @Override
            public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
                userTokenRefreshes.add(1, Attributes.of(OUTCOME, "success"));
            }

            @Override
            public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                    Duration nextAttemptIn) {
                userTokenRefreshes.add(1, Attributes.of(OUTCOME, "failure", ERROR_TYPE, errorType(failure)));
            }
        };
    }

    private void refreshed(String endpoint, DatabaseToken token, Duration took) {
        Instant finished = clock.instant();
        refreshDuration.record(seconds(took), Attributes.of(OUTCOME, "success"));
        Span span = refreshSpan(endpoint, finished.minus(took));
        span.setAttribute(EXPIRES_AT, token.expiresAt().toString());
        span.end(finished);
    }

    private void refreshFailed(String endpoint, TokenRefreshException failure, Duration took) {
        Instant finished = clock.instant();
        String errorType = errorType(failure);
        refreshDuration.record(seconds(took), Attributes.of(OUTCOME, "failure", ERROR_TYPE, errorType));
        refreshFailures.add(1, Attributes.of(ERROR_TYPE, errorType));
        Span span = refreshSpan(endpoint, finished.minus(took));
        // the type only: a message may quote what the workspace answered
        span.setStatus(StatusCode.ERROR, errorType);
        span.setAttribute(ERROR_TYPE, errorType);
        span.end(finished);
    }

    @Override
    public void loginRejected(String username) {
        authFailures.add(1);
    }

    @Override
    public void connectFailed(String sqlState) {
        poolErrors.add(1, Attributes.of(ERROR_CODE, sqlState == null ? "unknown" : sqlState));
    }

    private Span refreshSpan(String endpoint, Instant started) {
        return tracer.spanBuilder("lakebase.token.refresh").setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(started).setAttribute(ENDPOINT, endpoint).startSpan();
    }

    private void recordExpiries(ObservableDoubleMeasurement gauge) {
        Instant now = clock.instant();
        for (EndpointTokens tokens : credentials.get().endpointTokens()) {
            LakebaseReadings.secondsToExpiry(credentials.get(), tokens.endpoint(), now)
                    .ifPresent(seconds -> gauge.record(seconds, Attributes.of(ENDPOINT, tokens.endpoint())));
        }
    }

    /** One value per Lakebase datasource whose pool is active, with the datasource's name. */
    private void recordPools(ObservableLongMeasurement gauge, LakebaseReadings.PoolGauge pool) {
        for (String datasource : credentials.get().datasources()) {
            pool.of(datasource).ifPresent(value -> gauge.record(value, Attributes.of(DATASOURCE, datasource)));
        }
    }

    private static String errorType(TokenRefreshException failure) {
        return LakebaseReadings.errorType(failure);
    }

    private static double seconds(Duration duration) {
        return LakebaseReadings.seconds(duration);
    }
}
