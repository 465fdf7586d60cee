package io.quarkiverse.lakebase.runtime.pool;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Draws the lifetime of each physical connection: the pool's max lifetime, shortened by a random part of the jitter,
 * so that connections opened together (pool warm-up, a burst) are not all recycled, and do not all log in again,
 * together.
 */
public final class ConnectionLifetimes {

    /** The jitter when none is configured: lifetimes spread over the last 15 % of the max lifetime. */
    static final int DEFAULT_JITTER_PERCENT = 15;

    private final Duration maxLifetime;
    private final Duration jitter;
    private final DoubleSupplier random;

    /**
     * @param maxLifetime the pool's max lifetime, positive
     * @param jitter how much shorter a lifetime may be, from zero (no jitter) to less than {@code maxLifetime}
     * @param random values in {@code [0, 1)}
     */
    public ConnectionLifetimes(Duration maxLifetime, Duration jitter, DoubleSupplier random) {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("max lifetime must be positive: " + maxLifetime);
        }
        if (jitter.isNegative() || jitter.compareTo(maxLifetime) >= 0) {
            throw new IllegalArgumentException("jitter must be at least zero and less than the max lifetime: " + jitter);
        }
        this.maxLifetime = maxLifetime;
        this.jitter = jitter;
        this.random = random;
    }

    /** The configured jitter, or {@value #DEFAULT_JITTER_PERCENT} % of the max lifetime. */
    public static Duration jitterOrDefault(Optional<Duration> configured, Duration maxLifetime) {
        return configured.orElseGet(() -> maxLifetime.multipliedBy(DEFAULT_JITTER_PERCENT).dividedBy(100));
    }

    /** A lifetime between {@code maxLifetime - jitter} and {@code maxLifetime}; never longer than the max lifetime. */
    public Duration next() {
        double fraction = Math.min(Math.max(random.getAsDouble(), 0), 1);
        return maxLifetime.minusNanos((long) (jitter.toNanos() * fraction));
    }
}
