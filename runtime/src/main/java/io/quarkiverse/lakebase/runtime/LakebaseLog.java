package io.quarkiverse.lakebase.runtime;

import java.time.Duration;

import org.jboss.logging.Logger;

import io.quarkiverse.lakebase.ConnectionListener;
import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;

/**
 * Logs the token refreshes of one endpoint, and ({@link #CONNECTIONS}) refused logins, in the extension's category.
 * Never logs a token: only expiry instants and failure messages, which are written without secrets.
 */
final class LakebaseLog implements RefreshListener {

    static final Logger LOG = Logger.getLogger("io.quarkiverse.lakebase");

    /** What the driver reports of every Lakebase datasource's connections. */
    static final ConnectionListener CONNECTIONS = new ConnectionListener() {

        @Override
        public void loginRejected(String username) {
            LOG.warnf("PostgreSQL refused the login of role '%s' (SQLState 28P01): the token was replaced or has"
                    + " expired, the password is wrong, or the role does not exist", username);
        }

        @Override
        public void connectRetried(String sqlState, Duration delay) {
            LOG.infof("Lakebase PostgreSQL is not accepting connections yet (SQLState %s): retrying in %d ms", sqlState,
                    delay.toMillis());
        }
    };

    private final String endpoint;

    LakebaseLog(String endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
        if (failuresBefore > 0) {
            LOG.infof("Lakebase database token for %s minted again after %d failed attempt(s); it expires at %s",
                    endpoint, failuresBefore, token.expiresAt());
        } else {
            LOG.debugf("Lakebase database token for %s minted in %d ms; it expires at %s", endpoint, took.toMillis(),
                    token.expiresAt());
        }
    }

    @Override
    public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
            Duration nextAttemptIn) {
        if (failure.isTerminal()) {
            LOG.errorf("%s (attempt %d; next attempt in %s)", failure.getMessage(), consecutiveFailures,
                    nextAttemptIn);
        } else {
            LOG.warnf("%s (attempt %d; retrying in %d ms)", failure.getMessage(), consecutiveFailures,
                    nextAttemptIn.toMillis());
        }
    }
}
