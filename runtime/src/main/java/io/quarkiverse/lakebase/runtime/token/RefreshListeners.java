package io.quarkiverse.lakebase.runtime.token;

import java.time.Duration;
import java.util.List;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;

/**
 * Several listeners heard as one; a listener that throws does not stop the others or the refresh.
 */
public final class RefreshListeners implements RefreshListener {

    private final List<RefreshListener> listeners;

    public RefreshListeners(List<RefreshListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
        for (RefreshListener listener : listeners) {
            try {
                listener.refreshed(token, took, failuresBefore);
            } catch (Throwable e) {
                // observers must never break the token refresh, whatever they throw
            }
        }
    }

    @Override
    public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
            Duration nextAttemptIn) {
        for (RefreshListener listener : listeners) {
            try {
                listener.refreshFailed(failure, took, consecutiveFailures, nextAttemptIn);
            } catch (Throwable e) {
                // observers must never break the token refresh, whatever they throw
            }
        }
    }
}
