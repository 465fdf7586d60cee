package io.quarkiverse.lakebase.runtime.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ConnectionLifetimesTest {

    private static final Duration MAX = Duration.ofMinutes(45);
    private static final Duration JITTER = Duration.ofMinutes(6);

    @Test
    void randomZeroGivesTheMaxLifetimeAndAlmostOneTheMaxLifetimeLessTheJitter() {
        Iterator<Double> draws = List.of(0.0, 0.5, 0.999_999_999).iterator();
        ConnectionLifetimes lifetimes = new ConnectionLifetimes(MAX, JITTER, draws::next);

        assertThat(lifetimes.next()).isEqualTo(MAX);
        assertThat(lifetimes.next()).isEqualTo(Duration.ofMinutes(42));
        assertThat(lifetimes.next()).isGreaterThan(MAX.minus(JITTER)).isLessThan(MAX.minus(JITTER).plusMillis(1));
    }

    @Test
    void lifetimesStayWithinTheJitterBelowTheMaxLifetimeAndSpreadOverIt() {
        ConnectionLifetimes lifetimes = new ConnectionLifetimes(MAX, JITTER, new Random(42)::nextDouble);

        Set<Duration> drawn = new HashSet<>();
        Duration shortest = MAX;
        Duration longest = Duration.ZERO;
        for (int i = 0; i < 1000; i++) {
            Duration lifetime = lifetimes.next();
            assertThat(lifetime).isLessThanOrEqualTo(MAX).isGreaterThanOrEqualTo(MAX.minus(JITTER));
            drawn.add(lifetime);
            shortest = lifetime.compareTo(shortest) < 0 ? lifetime : shortest;
            longest = lifetime.compareTo(longest) > 0 ? lifetime : longest;
        }
        assertThat(drawn).as("not a constant").hasSizeGreaterThan(990);
        assertThat(longest.minus(shortest)).as("spread over most of the jitter")
                .isGreaterThan(JITTER.multipliedBy(9).dividedBy(10));
    }

    @Test
    void outOfRangeRandomValuesNeverGiveALifetimeOutsideTheJitter() {
        Iterator<Double> draws = List.of(-0.5, 1.5).iterator();
        ConnectionLifetimes lifetimes = new ConnectionLifetimes(MAX, JITTER, draws::next);

        assertThat(lifetimes.next()).isEqualTo(MAX);
        assertThat(lifetimes.next()).isEqualTo(MAX.minus(JITTER));
    }

    @Test
    void zeroJitterGivesEveryConnectionTheMaxLifetime() {
        ConnectionLifetimes lifetimes = new ConnectionLifetimes(MAX, Duration.ZERO, new Random(7)::nextDouble);

        for (int i = 0; i < 100; i++) {
            assertThat(lifetimes.next()).isEqualTo(MAX);
        }
    }

    @Test
    void defaultJitterIsFifteenPercentOfTheMaxLifetime() {
        assertThat(ConnectionLifetimes.jitterOrDefault(Optional.empty(), MAX)).isEqualTo(Duration.ofSeconds(405));
        assertThat(ConnectionLifetimes.jitterOrDefault(Optional.of(Duration.ofMinutes(1)), MAX))
                .isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void jitterMustBeShorterThanTheMaxLifetime() {
        assertThatThrownBy(() -> new ConnectionLifetimes(MAX, MAX, Math::random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectionLifetimes(MAX, Duration.ofSeconds(-1), Math::random))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
