package io.quarkiverse.lakebase.runtime.config;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.quarkiverse.lakebase.runtime.token.RefreshMode;
import io.quarkiverse.lakebase.runtime.token.RefreshPolicy;
import io.quarkus.runtime.annotations.ConfigGroup;
import io.smallrye.config.WithDefault;

/**
 * Minting and refreshing the OAuth database token.
 */
@ConfigGroup
public interface TokenConfig {

    /**
     * How long before the token expires a new one is minted in the background. A random jitter of up to half this
     * buffer is added so that many instances do not refresh at once. For tokens shorter than three buffers, a third of
     * the token's lifetime is used instead.
     */
    @WithDefault("2M")
    Duration refreshBuffer();

    /**
     * When the next token is minted: {@code eager} in the background ahead of expiry, so no connection waits; or
     * {@code lazy} by the first new connection that finds the token inside its refresh buffer, which then waits for the
     * mint.
     */
    @WithDefault("eager")
    RefreshMode refreshMode();

    /**
     * Lifetime requested for each token, between 300 and 3600 seconds. When not set, the workspace's default (one
     * hour) applies.
     */
    Optional<Duration> ttl();

    /**
     * Unity Catalog permissions requested with each token. The workspace checks that the caller holds them in Unity
     * Catalog and names them in the token; PostgreSQL then grants the connecting role the matching access to the tables'
     * Postgres counterparts (synced tables, tables of a database catalog) for sessions logged in with it. A datasource
     * with claims never shares its token with one without.
     */
    TokenClaimsConfig claims();

    /**
     * Whether start-up fails when the first token cannot be minted. Start-up waits through transient failures (HTTP 5xx,
     * 429, time-outs) for up to {@code acquire-timeout}, honouring the workspace's {@code Retry-After}; a terminal answer
     * (HTTP 401, 403, 404: wrong credentials, missing permission, unknown endpoint) fails it at once. When
     * {@code false}, start-up only logs a warning and the token is minted again in the background and on the first
     * connection.
     */
    @WithDefault("true")
    boolean failOnStartup();

    /**
     * First delay before a failed refresh is retried; each further transient failure doubles it, with jitter.
     */
    @WithDefault("1S")
    Duration retryInitialDelay();

    /**
     * Longest delay between two retries of a failed refresh.
     */
    @WithDefault("30S")
    Duration retryMaxDelay();

    /**
     * Delay before retrying after a failure that retrying cannot fix quickly (HTTP 400, 401, 403, 404): wrong
     * credentials, missing permission or an unknown endpoint.
     */
    @WithDefault("1M")
    Duration terminalRetryDelay();

    /**
     * Shortest time between two mints caused by PostgreSQL refusing the cached token (SQLState 28P01). A refused login
     * is retried once with a new token; a role that does not exist then fails without flooding the workspace.
     */
    @WithDefault("30S")
    Duration remintAfterRejectionInterval();

    /**
     * Longest time start-up and each new connection wait for a token when none is cached, through failed attempts that
     * are retried within it. A connection fails at once, with the reason, when the next attempt is due only later. Must
     * not be longer than {@code quarkus.datasource.jdbc.acquisition-timeout}.
     */
    @WithDefault("10S")
    Duration acquireTimeout();

    /**
     * The refresh timing these settings describe, for the application's token caches and the signed-in users' alike.
     *
     * @param jitter a uniform random number in [0, 1) each time a refresh is scheduled
     */
    default RefreshPolicy refreshPolicy(DoubleSupplier jitter) {
        return new RefreshPolicy(refreshBuffer(), retryInitialDelay(), retryMaxDelay(), terminalRetryDelay(),
                remintAfterRejectionInterval(), jitter);
    }
}
