package io.quarkiverse.lakebase.runtime.telemetry;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.lakebase.ConnectionListener;
import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.runtime.LakebaseLogins;
import io.quarkiverse.lakebase.runtime.user.UserPools;
import io.quarkiverse.lakebase.runtime.user.UserPoolsListener;
import io.quarkus.runtime.StartupEvent;

/**
 * The token and pool meters in Micrometer's registry, under the names of {@link LakebaseTelemetry}'s OpenTelemetry
 * metrics, so that {@code quarkus-micrometer-registry-prometheus} shows them at {@code /q/metrics}
 * ({@code lakebase_token_expiry_seconds}, {@code lakebase_pool_connections_active}, …). Registered only when the
 * application has Quarkus' Micrometer extension without its OpenTelemetry bridge (which carries the OpenTelemetry
 * metrics already).
 */
@Singleton
public class LakebaseMeters implements RefreshListener, ConnectionListener, UserPoolsListener {

    private final MeterRegistry registry;
    private final Instance<LakebaseLogins> logins;
    private final Instance<UserPools> userPools;
    private final Clock clock = Clock.systemUTC();

    /** The logins come through an {@link Instance}: they make their listeners, this among them, while being made. */
    public LakebaseMeters(MeterRegistry registry, Instance<LakebaseLogins> logins, Instance<UserPools> userPools) {
        this.registry = registry;
        this.logins = logins;
        this.userPools = userPools;
    }

    /** At start-up, when every datasource is known. */
    void registerGauges(@Observes StartupEvent started) {
        for (String datasource : logins.get().activeDatasources()) {
            for (LakebaseReadings.PoolGauge pool : LakebaseReadings.PoolGauge.values()) {
                Gauge.builder(pool.metricName, () -> pool.of(datasource).map(Long::doubleValue).orElse(Double.NaN))
                        .description(pool.help).tag(LakebaseReadings.DATASOURCE, datasource).register(registry);
            }
        }
        Gauge.builder(LakebaseReadings.USER_POOLS, () -> userPools.isResolvable() ? userPools.get().pooledUsers() : 0)
                .description(LakebaseReadings.USER_POOLS_HELP).register(registry);
    }

    @Override
    public RefreshListener forEndpoint(String endpoint) {
        Gauge.builder(LakebaseReadings.TOKEN_EXPIRY,
                () -> LakebaseReadings.secondsToExpiry(logins.get(), endpoint, clock.instant()).orElse(Double.NaN))
                .description(LakebaseReadings.TOKEN_EXPIRY_HELP).baseUnit("seconds")
                .tag(LakebaseReadings.ENDPOINT, endpoint).register(registry);
        return new RefreshListener() {
            @Override
            public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
                refreshDuration("success", "none").record(took.toNanos(), TimeUnit.NANOSECONDS);
            }

            @Override
            public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                    Duration nextAttemptIn) {
                String errorType = LakebaseReadings.errorType(failure);
                refreshDuration("failure", errorType).record(took.toNanos(), TimeUnit.NANOSECONDS);
                Counter.builder(LakebaseReadings.REFRESH_FAILURES).description(LakebaseReadings.REFRESH_FAILURES_HELP)
                        .tag(LakebaseReadings.ERROR_TYPE, errorType).register(registry).increment();
            }
        };
    }

    /** Counts users' mints by outcome and error type only: a user's name or token never becomes a tag. */
    @Override
    public RefreshListener forUserTokens() {
        return new RefreshListener() {
            @Override
            public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
                userTokenRefreshes("success", "none").increment();
            }

            @Override
            public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                    Duration nextAttemptIn) {
                userTokenRefreshes("failure", LakebaseReadings.errorType(failure)).increment();
            }
        };
    }

    @Override
    public void loginRejected(String username) {
        Counter.builder(LakebaseReadings.AUTH_FAILURES).description(LakebaseReadings.AUTH_FAILURES_HELP)
                .register(registry).increment();
    }

    @Override
    public void connectFailed(String sqlState) {
        Counter.builder(LakebaseReadings.POOL_ERRORS).description(LakebaseReadings.POOL_ERRORS_HELP)
                .tag(LakebaseReadings.ERROR_CODE, sqlState == null ? "unknown" : sqlState).register(registry)
                .increment();
    }

    /** Tagged alike whatever the outcome, as Prometheus wants one set of labels per name. */
    private Timer refreshDuration(String outcome, String errorType) {
        return Timer.builder(LakebaseReadings.REFRESH_DURATION).description(LakebaseReadings.REFRESH_DURATION_HELP)
                .tags(LakebaseReadings.OUTCOME, outcome, LakebaseReadings.ERROR_TYPE, errorType).register(registry);
    }

    private Counter userTokenRefreshes(String outcome, String errorType) {
        return Counter.builder(LakebaseReadings.USER_TOKEN_REFRESHES)
                .description(LakebaseReadings.USER_TOKEN_REFRESHES_HELP)
                .tags(LakebaseReadings.OUTCOME, outcome, LakebaseReadings.ERROR_TYPE, errorType).register(registry);
    }
}
