package io.quarkiverse.lakebase.runtime.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.TokenUnavailableException;

class TokenCacheTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final VirtualTime time = new VirtualTime(Instant.parse("2026-11-27T00:00:00Z"));
    private final List<String> events = new CopyOnWriteArrayList<>();

    @Test
    void servesTheCachedTokenWithoutMintingAgain() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        time.advance(Duration.ofMinutes(30));

        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-1");
        assertThat(cache.tokenAsync(TIMEOUT).toCompletableFuture().join().secret()).isEqualTo("token-1");
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void refreshesInTheBackgroundOnceInsideTheBuffer() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        time.advance(Duration.ofMinutes(57).plusSeconds(59));
        assertThat(source.calls()).isEqualTo(1);

        time.advance(Duration.ofSeconds(1));
        assertThat(source.calls()).isEqualTo(2);
        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-2");
        assertThat(cache.state().nextAttemptAt()).isEqualTo(time.instant().plus(Duration.ofMinutes(58)));
    }

    @Test
    void jitterMovesTheRefreshEarlierByUpToHalfTheBuffer() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.999);
        cache.start(true, TIMEOUT);

        time.advance(Duration.ofMinutes(57));
        assertThat(source.calls()).isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void shortLivedTokensRefreshAfterTwoThirdsOfTheirLifetime() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, Duration.ofSeconds(30));
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        time.advance(Duration.ofSeconds(19));
        assertThat(source.calls()).isEqualTo(1);
        time.advance(Duration.ofSeconds(1));
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void sixtyFourCallersAtExpiryShareOneMint() throws Exception {
        int callers = 64;
        CountDownLatch othersJoined = new CountDownLatch(callers - 1);
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);
        source.thenAnswer(() -> {
            // hold the mint until every other caller has asked for a token meanwhile
            await(othersJoined);
            return new DatabaseToken("fresh", time.instant(), time.instant().plus(HOUR));
        });
        time.jump(HOUR.plusMinutes(1)); // the refresh timer was missed: the machine slept past expiry

        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<CompletableFuture<DatabaseToken>>> asked = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                asked.add(pool.submit(() -> {
                    CompletableFuture<DatabaseToken> token = cache.tokenAsync(TIMEOUT).toCompletableFuture();
                    if (!token.isDone()) {
                        othersJoined.countDown();
                    }
                    return token;
                }));
            }
            for (Future<CompletableFuture<DatabaseToken>> answer : asked) {
                assertThat(answer.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS).secret()).isEqualTo("fresh");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void transientFailuresKeepServingTheValidTokenAndBackOffFurtherEachTime() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.5);
        cache.start(true, TIMEOUT);
        source.thenFail(TokenRefreshException.transientFailure("workspace answered 503", null), 5);
        int timersBefore = time.timerDelays().size();

        time.advance(Duration.between(time.instant(), cache.state().nextAttemptAt()));
        assertThat(source.calls()).isEqualTo(2);
        for (int attempt = 3; attempt <= 6; attempt++) {
            assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-1");
            time.advance(time.timerDelays().get(time.timerDelays().size() - 1));
            assertThat(source.calls()).isEqualTo(attempt);
        }
        List<Duration> retryDelays = time.timerDelays().subList(timersBefore, timersBefore + 5);
        for (int i = 1; i < retryDelays.size(); i++) {
            assertThat(retryDelays.get(i)).isGreaterThan(retryDelays.get(i - 1));
        }
        assertThat(retryDelays.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));

        time.advance(retryDelays.get(retryDelays.size() - 1));
        assertThat(source.calls()).isEqualTo(7);
        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-7");
        assertThat(events).containsSubsequence("failed 1", "failed 5", "refreshed after 5");
    }

    @Test
    void terminalFailureWaitsTheTerminalDelayInsteadOfLooping() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR)
                .thenFail(TokenRefreshException.terminalFailure("HTTP 401: wrong client secret", null), 100);
        TokenCache cache = cache(source, 0.0);
        cache.start(false, TIMEOUT);

        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> cache.token(TIMEOUT)).isInstanceOf(TokenUnavailableException.class)
                    .hasMessageContaining("wrong client secret");
            time.advance(Duration.ofSeconds(2));
        }
        assertThat(source.calls()).isEqualTo(1);

        time.advance(Duration.ofMinutes(5).minusSeconds(40));
        assertThat(source.calls()).isEqualTo(6);
    }

    @Test
    void failFastStartReportsWhyNoTokenCouldBeMinted() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR)
                .thenFail(TokenRefreshException.terminalFailure("HTTP 404: endpoint does not exist", null), 1);

        assertThatThrownBy(() -> cache(source, 0.0).start(true, TIMEOUT))
                .isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("endpoint does not exist");
    }

    @Test
    void neverHandsOutAnExpiredToken() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);
        source.thenFail(TokenRefreshException.transientFailure("workspace unreachable", null), 10_000);

        time.advance(HOUR.minusSeconds(6));
        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-1");

        time.advance(Duration.ofSeconds(1)); // inside the last 5 seconds: a login started now could outlive it
        CompletableFuture<DatabaseToken> token = cache.tokenAsync(TIMEOUT).toCompletableFuture();
        time.advance(TIMEOUT);
        assertThat(token).isCompletedExceptionally();
        assertThatThrownBy(token::join).cause().isInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("workspace unreachable");
    }

    @Test
    void aTokenThatArrivesAlreadyExpiredIsAFailedRefresh() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR)
                .thenAnswer(() -> new DatabaseToken("stale", time.instant().minusSeconds(10), time.instant()));
        TokenCache cache = cache(source, 0.0);

        cache.prefetch();

        assertThat(cache.state().failure()).get().asString().contains("has already expired");
        assertThat(cache.state().currentToken()).isEmpty();
    }

    @Test
    void anOverdueRefreshIsTriggeredByTheNextCaller() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        time.jump(Duration.ofMinutes(59)); // timer missed, token still valid

        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-1");
        assertThat(source.calls()).isEqualTo(2);
        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-2");
    }

    @Test
    void startKeepsATokenMintedEarlierInStartUp() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-1");

        cache.start(true, TIMEOUT);

        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void aLoginThatRacedARotationRetriesWithTheNewerTokenWithoutMinting() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);
        cache.refreshNow();

        assertThat(cache.afterRejectedLogin("token-1", TIMEOUT)).map(DatabaseToken::secret).contains("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void aPasswordTheCacheNeverIssuedIsNotRetried() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        assertThat(cache.afterRejectedLogin("a-password-typed-by-hand", TIMEOUT)).isEmpty();
        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void aRefusedCachedTokenIsReplacedAtMostOncePerInterval() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        assertThat(cache.afterRejectedLogin("token-1", TIMEOUT)).map(DatabaseToken::secret).contains("token-2");
        for (int i = 0; i < 10; i++) {
            assertThat(cache.afterRejectedLogin("token-2", TIMEOUT)).isEmpty();
            time.advance(Duration.ofSeconds(2));
        }
        assertThat(source.calls()).isEqualTo(2);

        time.advance(Duration.ofSeconds(10));
        assertThat(cache.afterRejectedLogin("token-2", TIMEOUT)).map(DatabaseToken::secret).contains("token-3");
    }

    @Test
    void lazyModeMintsOnlyWhenACallerNeedsTheTokenAndThatCallerWaits() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = new TokenCache(source, time, time, new RefreshPolicy(Duration.ofMinutes(2),
                Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofSeconds(30), () -> 0.0),
                new RefreshListener() {
                }, RefreshMode.LAZY);
        cache.start(true, TIMEOUT);

        time.advance(Duration.ofMinutes(59));
        assertThat(source.calls()).as("no background refresh").isEqualTo(1);

        assertThat(cache.token(TIMEOUT).secret()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void startUpWaitsThroughATransientFailureForTheRetry() throws Exception {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR)
                .thenFail(TokenRefreshException.transientFailure("HTTP 503: temporarily unavailable", null), 1);
        TokenCache cache = cache(source, 0.0);

        CompletableFuture<Void> started = startInTheBackground(cache);
        time.advance(Duration.ofSeconds(1));

        started.get(5, TimeUnit.SECONDS);
        assertThat(source.calls()).isEqualTo(2);
        assertThat(cache.state().currentToken()).isPresent();
    }

    @Test
    void startUpWaitsTheRetryAfterTheWorkspaceAskedFor() throws Exception {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR).thenFail(new TokenRefreshException(
                TokenRefreshException.Kind.TRANSIENT, "HTTP 429: slow down", Duration.ofSeconds(2), null), 1);
        TokenCache cache = cache(source, 0.0);

        CompletableFuture<Void> started = startInTheBackground(cache);
        time.advance(Duration.ofMillis(1900));
        assertThat(source.calls()).isEqualTo(1);
        assertThat(started).isNotDone();

        time.advance(Duration.ofMillis(100));
        started.get(5, TimeUnit.SECONDS);
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void startUpGivesUpWithTheReasonWhenNoTokenComesWithinTheTimeout() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR)
                .thenFail(TokenRefreshException.transientFailure("HTTP 503: temporarily unavailable", null), 1000);
        TokenCache cache = cache(source, 0.0);

        CompletableFuture<Void> started = startInTheBackground(cache);
        time.advance(TIMEOUT);

        assertThatThrownBy(() -> started.get(5, TimeUnit.SECONDS)).cause().isInstanceOfSatisfying(
                TokenUnavailableException.class, failure -> {
                    assertThat(failure).hasMessageContaining("HTTP 503: temporarily unavailable")
                            .hasMessageContaining("within 10 s");
                    assertThat(failure.isTimeout()).isTrue();
                });
        assertThat(source.calls()).isGreaterThan(2);
    }

    @Test
    void aCallerWaitsNoLongerThanItsTimeoutForAMintThatHangs() {
        CountDownLatch never = new CountDownLatch(1);
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR).thenAnswer(() -> {
            await(never);
            return null;
        });
        VirtualTime asyncTime = time;
        TokenCache cache = new TokenCache(source, asyncTime, (task, delay) -> {
            if (delay.isZero()) {
                CompletableFuture.runAsync(task);
            } else {
                asyncTime.schedule(task, delay);
            }
        }, policy(0.0), new RefreshListener() {
        }, RefreshMode.EAGER);

        CompletableFuture<DatabaseToken> token = cache.tokenAsync(Duration.ofSeconds(3)).toCompletableFuture();
        time.advance(Duration.ofSeconds(2));
        assertThat(token).isNotDone();

        time.advance(Duration.ofSeconds(1));
        assertThat(token).isCompletedExceptionally();
        never.countDown();
    }

    @Test
    void anErrorFromTheTokenSourceFailsTheMintAndIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        TokenSource clashing = () -> {
            if (calls.incrementAndGet() == 1) {
                throw new NoSuchMethodError("com.example.Library.gone()");
            }
            return new DatabaseToken("after-the-error", Instant.now(), Instant.now().plus(HOUR));
        };
        try (ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler()) {
            TokenCache cache = new TokenCache(clashing, Clock.systemUTC(), scheduler,
                    new RefreshPolicy(Duration.ofMinutes(2), Duration.ofMillis(20), Duration.ofMillis(40),
                            Duration.ofMinutes(1), Duration.ofSeconds(30), () -> 0.0),
                    new RefreshListener() {
                        @Override
                        public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                                Duration nextAttemptIn) {
                            events.add("failed: " + failure.getMessage());
                        }
                    }, RefreshMode.EAGER);

            CompletableFuture<DatabaseToken> first = cache.refreshNow().toCompletableFuture();

            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(TokenUnavailableException.class)
                    .hasMessageContaining("java.lang.NoSuchMethodError");
            // the failure is logged after the mint's callers learn of it
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !events.isEmpty());
            assertThat(events).singleElement().asString().contains("NoSuchMethodError");
            assertThat(cache.tokenAsync(Duration.ofSeconds(5)).toCompletableFuture().get(5, TimeUnit.SECONDS).secret())
                    .isEqualTo("after-the-error");
        }
    }

    @Test
    void aMintRefusedByAClosedSchedulerFailsAtOnce() throws Exception {
        ExecutorRefreshScheduler scheduler = new ExecutorRefreshScheduler();
        TokenCache cache = new TokenCache(new ScriptedTokenSource(Clock.systemUTC(), HOUR),
                Clock.systemUTC(), scheduler, policy(0.0), new RefreshListener() {
                }, RefreshMode.EAGER);
        scheduler.close();

        CompletableFuture<DatabaseToken> token = cache.tokenAsync(TIMEOUT).toCompletableFuture();

        assertThatThrownBy(() -> token.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(TokenUnavailableException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void aTimerThatFiresEarlyByTheWallClockWaitsAgain() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        time.shiftWallClock(Duration.ofMinutes(-10)); // the system clock was stepped back
        time.advance(Duration.ofMinutes(58));
        assertThat(source.calls()).as("not due yet by the wall clock").isEqualTo(1);

        time.advance(Duration.ofMinutes(10));
        assertThat(source.calls()).as("refreshed once due by the wall clock").isEqualTo(2);
        assertThat(cache.tokenAsync(TIMEOUT).toCompletableFuture().join().secret()).isEqualTo("token-2");
    }

    @Test
    void aCallerWithAStaleSnapshotGetsTheTokenMintedMeanwhileWithoutASecondMint() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR)
                .thenFail(TokenRefreshException.transientFailure("HTTP 503", null), 1);
        TokenCache cache = cache(source, 0.0);
        cache.start(false, TIMEOUT);
        Duration untilRetry = Duration.between(time.instant(), cache.state().nextAttemptAt());

        // the retry completes between the caller's read of the state and its read of the clock
        time.beforeNextRead(() -> time.advance(untilRetry));
        DatabaseToken token = cache.tokenAsync(TIMEOUT).toCompletableFuture().join();

        assertThat(token.secret()).isEqualTo("token-2");
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void aTokenThatExpiresAlmostAtOnceIsReportedAsClockSkew() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR).thenAnswer(
                () -> new DatabaseToken("skewed", time.instant(), time.instant().plusMillis(500)));
        TokenCache cache = cache(source, 0.0);

        cache.prefetch();

        assertThat(cache.state().failure()).get().extracting(Throwable::getMessage).asString()
                .contains("this machine's clock is wrong");
        assertThat(cache.state().currentToken()).isEmpty();
    }

    @Test
    void refreshesNeverComeFasterThanTheFloor() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, Duration.ofMillis(1200));
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);

        time.advance(Duration.ofMillis(999));
        assertThat(source.calls()).isEqualTo(1);
        time.advance(Duration.ofMillis(1));
        assertThat(source.calls()).isEqualTo(2);
    }

    @Test
    void prefetchMintsOnlyWhenNoTokenIsCached() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        assertThat(cache.tokenAsync(TIMEOUT).toCompletableFuture().join().secret()).isEqualTo("token-1");

        cache.prefetch();

        assertThat(source.calls()).isEqualTo(1);
    }

    @Test
    void closedCacheSchedulesNothingMore() {
        ScriptedTokenSource source = new ScriptedTokenSource(time, HOUR);
        TokenCache cache = cache(source, 0.0);
        cache.start(true, TIMEOUT);
        cache.close();

        time.advance(HOUR.multipliedBy(3));
        assertThat(source.calls()).isEqualTo(1);
    }

    /**
     * Starts the cache on another thread, and returns once that thread waits for the first token: its time-out is
     * scheduled next to the retry of the first failed mint.
     */
    private CompletableFuture<Void> startInTheBackground(TokenCache cache) {
        int tasksBefore = time.pendingTasks();
        CompletableFuture<Void> started = CompletableFuture.runAsync(() -> cache.start(true, TIMEOUT));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> time.pendingTasks() >= tasksBefore + 2);
        return started;
    }

    private static RefreshPolicy policy(double random) {
        return new RefreshPolicy(Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(30),
                Duration.ofMinutes(1), Duration.ofSeconds(30), () -> random);
    }

    private TokenCache cache(TokenSource source, double random) {
        RefreshPolicy policy = policy(random);
        return new TokenCache(source, time, time, policy, new RefreshListener() {
            @Override
            public void refreshed(DatabaseToken token, Duration took, int failuresBefore) {
                events.add("refreshed after " + failuresBefore);
            }

            @Override
            public void refreshFailed(TokenRefreshException failure, Duration took, int consecutiveFailures,
                    Duration nextAttemptIn) {
                events.add("failed " + consecutiveFailures);
            }
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the other callers did not join the mint in flight");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
