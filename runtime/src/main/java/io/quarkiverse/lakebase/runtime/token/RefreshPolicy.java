package io.quarkiverse.lakebase.runtime.token;

import java.time.Duration;
import java.time.Instant;
import java.util.function.DoubleSupplier;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.TokenRefreshException;

/**
 * When to refresh a token and how long to wait after a failed refresh.
 */
public final class RefreshPolicy {

    private static final Duration MAX_USABILITY_MARGIN = Duration.ofSeconds(5);
    /** However short a token's life looks (clocks that disagree), refreshes come no faster than this. */
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(10);

    private final Duration refreshBuffer;
    private final Duration retryInitialDelay;
    private final Duration retryMaxDelay;
    private final Duration terminalRetryDelay;
    private final Duration remintAfterRejectionInterval;
    private final DoubleSupplier random;

    /**
     * @param random values in {@code [0, 1)}, spreading refreshes and retries of many instances apart
     */
    public RefreshPolicy(Duration refreshBuffer, Duration retryInitialDelay, Duration retryMaxDelay,
            Duration terminalRetryDelay, Duration remintAfterRejectionInterval, DoubleSupplier random) {
        this.refreshBuffer = refreshBuffer;
        this.retryInitialDelay = retryInitialDelay;
        this.retryMaxDelay = retryMaxDelay;
        this.terminalRetryDelay = terminalRetryDelay;
        this.remintAfterRejectionInterval = remintAfterRejectionInterval;
        this.random = random;
    }

    /** The shortest time between two mints caused by refused logins. */
    public Duration remintAfterRejectionInterval() {
        return remintAfterRejectionInterval;
    }

    /**
     * The refresh is due {@code lead} before expiry, plus up to half a lead of jitter; the lead is the buffer, or a
     * third of the lifetime for tokens too short for the buffer. Never sooner than {@link #MIN_REFRESH_INTERVAL} after
     * the token was minted.
     */
    public Instant refreshAt(DatabaseToken token) {
        Duration lead = min(refreshBuffer, token.lifetime().dividedBy(3));
        Duration jitter = scale(lead.dividedBy(2), random.getAsDouble());
        Instant refreshAt = token.expiresAt().minus(lead).minus(jitter);
        Instant floor = token.mintedAt().plus(MIN_REFRESH_INTERVAL);
        return refreshAt.isBefore(floor) ? floor : refreshAt;
    }

    /**
     * A token is handed out only while it has this much time left, so that a login started with it still succeeds.
     */
    public Duration usabilityMargin(DatabaseToken token) {
        return min(MAX_USABILITY_MARGIN, token.lifetime().dividedBy(10));
    }

    public boolean isUsable(DatabaseToken token, Instant now) {
        return token != null && now.plus(usabilityMargin(token)).isBefore(token.expiresAt());
    }

    /**
     * Exponential backoff with equal jitter, so each delay is at least the previous one until the cap; terminal failures
     * wait the long terminal delay; a {@code Retry-After} from the workspace is honoured.
     *
     * @param consecutiveFailures 1 for the first failure
     */
    public Duration retryDelay(int consecutiveFailures, TokenRefreshException failure) {
        if (failure.isTerminal()) {
            return terminalRetryDelay;
        }
        int doublings = Math.min(Math.max(consecutiveFailures - 1, 0), 30);
        Duration ceiling = retryInitialDelay.multipliedBy(1L << doublings);
        if (ceiling.compareTo(retryMaxDelay) > 0 || ceiling.isNegative()) {
            ceiling = retryMaxDelay;
        }
        Duration half = ceiling.dividedBy(2);
        Duration backoff = half.plus(scale(half, random.getAsDouble()));
        return failure.retryAfter().map(asked -> max(min(asked, MAX_RETRY_AFTER), backoff)).orElse(backoff);
    }

    private static Duration scale(Duration duration, double factor) {
        return Duration.ofNanos((long) (duration.toNanos() * factor));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
