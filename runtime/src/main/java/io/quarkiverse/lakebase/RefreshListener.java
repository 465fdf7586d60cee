package io.quarkiverse.lakebase;

import java.time.Duration;

/**
 * Hears what the token cache does, for logging and telemetry. Called on the refresh thread; must not block.
 */
public interface RefreshListener {

    /** The listener to attach to the token cache of one endpoint: this one, unless it reports the endpoint. */
    default RefreshListener forEndpoint(String endpoint) {
        return this;
    }

    /**
     * @param failuresBefore how many attempts in a row had failed before this one succeeded
     */
    default void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
    }

    default void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
            Duration nextAttemptIn) {
    }
}
