package io.quarkiverse.lakebase;

import java.time.Duration;
import java.util.Optional;

/**
 * A failed mint. Its message is written for the user and never contains a secret.
 */
public class TokenRefreshException extends RuntimeException {

    /** Whether retrying soon can help. */
    public enum Kind {
        /** Outage, throttling, time-out, malformed answer: retry with backoff. */
        TRANSIENT,
        /** Wrong credentials, missing permission, unknown endpoint: retrying soon cannot help. */
        TERMINAL
    }

    private final Kind kind;
    private final Duration retryAfter;

    public TokenRefreshException(Kind kind, String message, Duration retryAfter, Throwable cause) {
        super(message, cause, false, true);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public static TokenRefreshException transientFailure(String message, Throwable cause) {
        return new TokenRefreshException(Kind.TRANSIENT, message, null, cause);
    }

    public static TokenRefreshException terminalFailure(String message, Throwable cause) {
        return new TokenRefreshException(Kind.TERMINAL, message, null, cause);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTerminal() {
        return kind == Kind.TERMINAL;
    }

    /** The delay the workspace asked for (HTTP {@code Retry-After}), if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
