package io.quarkiverse.lakebase.runtime.token;

import io.quarkiverse.lakebase.DatabaseToken;

/**
 * Mints a new database token. Implementations block for the duration of one call to the workspace.
 */
@FunctionalInterface
public interface TokenSource {

    /**
     * @return a fresh token
     * @throws TokenRefreshException when the token could not be minted, saying whether retrying may help
     */
    DatabaseToken mint();
}
