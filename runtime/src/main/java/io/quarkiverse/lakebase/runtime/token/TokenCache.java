package io.quarkiverse.lakebase.runtime.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the current database token and refreshes it ahead of expiry in the background.
 * <ul>
 * <li>A usable cached token is returned without locking and without calling the workspace.</li>
 * <li>At most one mint is in flight; every caller that needs a token meanwhile waits for that one.</li>
 * <li>While refreshes fail, the still-valid token keeps being served; transient failures are retried with backoff,
 * terminal ones after a long delay, so a broken configuration cannot flood the workspace.</li>
 * <li>A caller that finds the refresh overdue (a timer missed during sleep or CPU throttling) triggers it.</li>
 * <li>An expired token is never handed out.</li>
 * </ul>
 */
public final class TokenCache implements AutoCloseable {

    private final TokenSource source;
    private final Clock clock;
    private final RefreshScheduler scheduler;
    private final RefreshPolicy policy;
    private final RefreshListener listener;
    private final RefreshMode mode;
    private final AtomicReference<CompletableFuture<DatabaseToken>> inFlight = new AtomicReference<>();
    private volatile TokenCacheState state;
    private volatile boolean closed;
    private Instant lastRemintAfterRejection;

    public TokenCache(TokenSource source, Clock clock, RefreshScheduler scheduler, RefreshPolicy policy,
            RefreshListener listener) {
        this(source, clock, scheduler, policy, listener, RefreshMode.EAGER);
    }

    public TokenCache(TokenSource source, Clock clock, RefreshScheduler scheduler, RefreshPolicy policy,
            RefreshListener listener, RefreshMode mode) {
        this.mode = mode;
        this.source = source;
        this.clock = clock;
        this.scheduler = scheduler;
        this.policy = policy;
        this.listener = listener;
        this.state = TokenCacheState.empty(clock.instant());
    }

    /** What the cache holds now, for health checks and diagnostics. */
    public TokenCacheState state() {
        return state;
    }

    /**
     * A usable token, at once when one is cached; otherwise waits up to {@code timeout} for a mint.
     *
     * @throws TokenUnavailableException when no usable token can be had, with the reason
     */
    public DatabaseToken token(Duration timeout) {
        TokenCacheState current = state;
        Instant now = clock.instant();
        if (policy.isUsable(current.token(), now)) {
            if (mode == RefreshMode.LAZY && !now.isBefore(current.nextAttemptAt())) {
                return awaitOrKeep(mintNow(), current.token(), timeout);
            }
            refreshIfDue(current, now);
            return current.token();
        }
        return await(pendingToken(current, now), timeout);
    }

    /** Lazy refresh: the caller waits for the new token, and keeps the old one if the mint fails. */
    private DatabaseToken awaitOrKeep(CompletableFuture<DatabaseToken> mint, DatabaseToken valid, Duration timeout) {
        try {
            return await(mint, timeout);
        } catch (TokenUnavailableException e) {
            return valid;
        }
    }

    /**
     * A usable token without blocking: an already completed stage when one is cached, otherwise the stage of the mint
     * in flight (started if due), or a failed stage that says why no token can be had now.
     */
    public CompletionStage<DatabaseToken> tokenAsync() {
        TokenCacheState current = state;
        Instant now = clock.instant();
        if (policy.isUsable(current.token(), now)) {
            if (mode == RefreshMode.LAZY && !now.isBefore(current.nextAttemptAt())) {
                DatabaseToken valid = current.token();
                return mintNow().exceptionally(failure -> valid);
            }
            refreshIfDue(current, now);
            return CompletableFuture.completedFuture(current.token());
        }
        return pendingToken(current, now);
    }

    /**
     * PostgreSQL refused a login made with {@code rejectedSecret}. When a newer usable token is cached (the login raced
     * a rotation), that one is returned. When the cached token itself was refused (revoked, or replaced behind our
     * back), a new one is minted, at most once per {@link RefreshPolicy#remintAfterRejectionInterval()}, so a role that
     * does not exist cannot make the pool hammer the workspace.
     *
     * A password this cache never issued is not retried.
     *
     * @return the token to retry the login with, or empty when retrying cannot help now
     */
    public Optional<DatabaseToken> afterRejectedLogin(String rejectedSecret, Duration timeout) {
        TokenCacheState current = state;
        Instant now = clock.instant();
        DatabaseToken cached = current.token();
        if (cached == null || !cached.secret().equals(rejectedSecret)) {
            boolean replacedByRotation = current.previous() != null && current.previous().secret().equals(rejectedSecret);
            return replacedByRotation && policy.isUsable(cached, now) ? Optional.of(cached) : Optional.empty();
        }
        CompletableFuture<DatabaseToken> running = inFlight.get();
        if (running != null) {
            // a rotation is under way: the workspace may already have replaced the password the login used
            return retryWith(running, rejectedSecret, timeout);
        }
        synchronized (this) {
            if (lastRemintAfterRejection != null
                    && now.isBefore(lastRemintAfterRejection.plus(policy.remintAfterRejectionInterval()))) {
                return Optional.empty();
            }
            lastRemintAfterRejection = now;
        }
        return retryWith(mintNow(), rejectedSecret, timeout);
    }

    private static Optional<DatabaseToken> retryWith(CompletableFuture<DatabaseToken> mint, String rejectedSecret,
            Duration timeout) {
        try {
            DatabaseToken fresh = await(mint, timeout);
            return fresh.secret().equals(rejectedSecret) ? Optional.empty() : Optional.of(fresh);
        } catch (TokenUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * Mints a new token now, whatever the schedule (an operator's "refresh now"); joins a mint already in flight.
     */
    public CompletionStage<DatabaseToken> refreshNow() {
        return mintNow();
    }

    /**
     * Mints the first token and schedules its refresh.
     *
     * @throws TokenUnavailableException when {@code failFast} and no token could be minted within the timeout
     */
    public void start(boolean failFast, Duration timeout) {
        TokenCacheState current = state;
        // a connection opened earlier in start-up (schema migration, ORM) may already have minted the first token
        CompletableFuture<DatabaseToken> first = policy.isUsable(current.token(), clock.instant())
                ? CompletableFuture.completedFuture(current.token())
                : mintNow();
        if (failFast) {
            await(first, timeout);
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private CompletableFuture<DatabaseToken> pendingToken(TokenCacheState current, Instant now) {
        CompletableFuture<DatabaseToken> running = inFlight.get();
        if (running != null) {
            return running;
        }
        if (current.lastFailure() != null && now.isBefore(current.nextAttemptAt())) {
            // still backing off: fail fast with the reason instead of calling the workspace again
            return CompletableFuture.failedFuture(unavailable(current.lastFailure()));
        }
        return mintNow();
    }

    private void refreshIfDue(TokenCacheState current, Instant now) {
        if (!now.isBefore(current.nextAttemptAt())) {
            mintNow();
        }
    }

    private void onTimer() {
        if (!closed) {
            refreshIfDue(state, clock.instant());
        }
    }

    private CompletableFuture<DatabaseToken> mintNow() {
        while (true) {
            CompletableFuture<DatabaseToken> running = inFlight.get();
            if (running != null) {
                return running;
            }
            CompletableFuture<DatabaseToken> mine = new CompletableFuture<>();
            if (inFlight.compareAndSet(null, mine)) {
                scheduler.schedule(() -> mint(mine), Duration.ZERO);
                return mine;
            }
        }
    }

    private void mint(CompletableFuture<DatabaseToken> result) {
        Instant started = clock.instant();
        try {
            DatabaseToken token = checked(source.mint());
            Instant finished = clock.instant();
            TokenCacheState before = state;
            Instant refreshAt = policy.refreshAt(token);
            state = before.refreshed(token, refreshAt);
            inFlight.set(null);
            result.complete(token);
            listener.refreshed(token, Duration.between(started, finished), before.consecutiveFailures());
            schedule(refreshAt, finished);
        } catch (RuntimeException e) {
            TokenRefreshException failure = e instanceof TokenRefreshException refresh ? refresh
                    : TokenRefreshException.transientFailure("Minting a Lakebase database token failed: "
                            + e.getClass().getName(), e);
            Instant finished = clock.instant();
            TokenCacheState before = state;
            Duration delay = policy.retryDelay(before.consecutiveFailures() + 1, failure);
            Instant retryAt = finished.plus(delay);
            state = before.failed(failure, retryAt);
            inFlight.set(null);
            result.completeExceptionally(unavailable(failure));
            listener.refreshFailed(failure, Duration.between(started, finished), before.consecutiveFailures() + 1,
                    delay);
            schedule(retryAt, finished);
        }
    }

    private DatabaseToken checked(DatabaseToken token) {
        if (token == null || !token.expiresAt().isAfter(clock.instant())) {
            throw TokenRefreshException.transientFailure(
                    "The workspace returned a Lakebase database token that has already expired", null);
        }
        return token;
    }

    private void schedule(Instant at, Instant now) {
        if (!closed && mode == RefreshMode.EAGER) {
            Duration delay = Duration.between(now, at);
            scheduler.schedule(this::onTimer, delay.isNegative() ? Duration.ZERO : delay);
        }
    }

    private static TokenUnavailableException unavailable(TokenRefreshException failure) {
        return new TokenUnavailableException("No valid Lakebase database token: " + failure.getMessage(), failure);
    }

    private static DatabaseToken await(CompletableFuture<DatabaseToken> pending, Duration timeout) {
        try {
            return pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenUnavailableException unavailable) {
                throw unavailable;
            }
            throw new TokenUnavailableException("No valid Lakebase database token: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TokenUnavailableException("No Lakebase database token could be minted within " + timeout
                    + " (raise quarkus.lakebase.token.acquire-timeout if the workspace is slow)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while waiting for a Lakebase database token", e);
        }
    }
}
