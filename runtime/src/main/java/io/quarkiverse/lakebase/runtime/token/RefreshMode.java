package io.quarkiverse.lakebase.runtime.token;

/**
 * When the next token is minted.
 */
public enum RefreshMode {
    /** In the background, ahead of expiry: no connection ever waits for a mint while a token is valid. */
    EAGER,
    /**
     * When a new connection finds the token inside its refresh buffer, that connection waits for the mint: no timer,
     * no mint while the application opens no connection (what Databricks AppKit's Lakebase plugin does).
     */
    LAZY
}
