package io.quarkiverse.lakebase;

/**
 * No valid token can be handed out: none was ever minted, or the cached one expired while refreshes failed.
 */
public class TokenUnavailableException extends RuntimeException {

    private final boolean timeout;

    public TokenUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param timeout whether waiting longer could have helped: the caller's time-out ended before a token came
     */
    public TokenUnavailableException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** Whether a longer time-out could have helped: the failure is not one that retrying cannot mend. */
    public boolean isTimeout() {
        return timeout;
    }
}
