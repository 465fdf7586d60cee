package io.quarkiverse.lakebase;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth database token and the instant it stops being accepted. Its {@link #toString()} never shows the secret.
 */
public final class DatabaseToken {

    private final String secret;
    private final Instant mintedAt;
    private final Instant expiresAt;

    public DatabaseToken(String secret, Instant mintedAt, Instant expiresAt) {
        this.secret = Objects.requireNonNull(secret, "secret");
        this.mintedAt = Objects.requireNonNull(mintedAt, "mintedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The token itself: the PostgreSQL password. */
    public String secret() {
        return secret;
    }

    public Instant mintedAt() {
        return mintedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Duration lifetime() {
        return Duration.between(mintedAt, expiresAt);
    }

    public Duration remainingAt(Instant now) {
        Duration remaining = Duration.between(now, expiresAt);
        return remaining.isNegative() ? Duration.ZERO : remaining;
    }

    @Override
    public String toString() {
        return "DatabaseToken[expiresAt=" + expiresAt + ", secret=***]";
    }
}
