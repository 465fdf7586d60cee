package io.quarkiverse.lakebase.runtime.token;

/**
 * No valid token can be handed out: none was ever minted, or the cached one expired while refreshes failed.
 */
public class TokenUnavailableException extends RuntimeException {

    public TokenUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
