package io.quarkiverse.lakebase.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.runtime.token.ExecutorRefreshScheduler;

/**
 * The role of an identity that is not a service principal needs a call to the workspace: the caller, possibly a Vert.x
 * event loop, never makes it, and a failed call is not repeated for every connection.
 */
class UsernameLookupTest {

    private final List<Thread> lookupThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T00:00:00Z"));

    @Test
    void theLookupRunsOnARefreshThreadWhileTheCallerGoesOn() throws Exception {
        CountDownLatch workspaceAnswers = new CountDownLatch(1);
        try (ExecutorRefreshScheduler refreshThreads = new ExecutorRefreshScheduler()) {
            UsernameLookup username = new UsernameLookup(Optional.empty(), () -> {
                lookupThreads.add(Thread.currentThread());
                await(workspaceAnswers);
                return "alice@example.com";
            }, refreshThreads, clock);

            CompletableFuture<String> asked = username.get().toCompletableFuture();
            assertThat(asked).as("the caller does not wait for the workspace").isNotDone();
            workspaceAnswers.countDown();

            assertThat(asked.get(5, TimeUnit.SECONDS)).isEqualTo("alice@example.com");
            assertThat(lookupThreads).singleElement().extracting(Thread::getName)
                    .isEqualTo(ExecutorRefreshScheduler.THREAD_NAME);
            assertThat(username.get().toCompletableFuture()).isCompletedWithValue("alice@example.com");
            assertThat(username.known()).hasValue("alice@example.com");
        }
    }

    @Test
    void aConfiguredUsernameIsNeverLookedUp() {
        UsernameLookup username = new UsernameLookup(Optional.of("configured"), this::lookup, runInline(), clock);

        assertThat(username.get().toCompletableFuture()).isCompletedWithValue("configured");
        assertThat(lookups).hasValue(0);
    }

    @Test
    void aFailedLookupIsRememberedAndTriedAgainAfterABackoff() {
        UsernameLookup username = new UsernameLookup(Optional.empty(), () -> {
            if (lookups.incrementAndGet() < 3) {
                throw new LakebaseConfigurationException("the workspace is unreachable");
            }
            return "alice@example.com";
        }, runInline(), clock);

        assertThat(username.get().toCompletableFuture()).isCompletedExceptionally();
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> username.get().toCompletableFuture().join())
                    .hasMessageContaining("the workspace is unreachable");
        }
        assertThat(lookups).as("one call while backing off").hasValue(1);

        clock.advance(UsernameLookup.FIRST_RETRY);
        assertThat(username.get().toCompletableFuture()).isCompletedExceptionally();
        assertThat(lookups).hasValue(2);
        clock.advance(UsernameLookup.FIRST_RETRY);
        assertThat(username.get().toCompletableFuture()).isCompletedExceptionally();
        assertThat(lookups).as("the second delay is twice the first").hasValue(2);

        clock.advance(UsernameLookup.FIRST_RETRY);
        assertThat(username.get().toCompletableFuture()).isCompletedWithValue("alice@example.com");
        assertThat(lookups).hasValue(3);
    }

    @Test
    void anErrorFailsTheLookupInsteadOfLeavingItInFlight() {
        UsernameLookup username = new UsernameLookup(Optional.empty(), () -> {
            throw new NoSuchMethodError("com.databricks.sdk.Gone");
        }, runInline(), clock);

        assertThatThrownBy(() -> username.get().toCompletableFuture().join())
                .hasMessageContaining("java.lang.NoSuchMethodError");
    }

    private String lookup() {
        lookups.incrementAndGet();
        return "looked-up";
    }

    private static io.quarkiverse.lakebase.runtime.token.RefreshScheduler runInline() {
        return (task, delay) -> task.run();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
