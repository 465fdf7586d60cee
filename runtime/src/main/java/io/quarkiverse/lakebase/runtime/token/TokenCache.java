package io.quarkiverse.lakebase.runtime.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.quarkiverse.lakebase.DatabaseToken;
import io.quarkiverse.lakebase.RefreshListener;
import io.quarkiverse.lakebase.TokenRefreshException;
import io.quarkiverse.lakebase.TokenUnavailableException;

/**
 * Holds the current database token and refreshes it ahead of expiry in the background.
 * <ul>
 * <li>A usable cached token is returned without locking and without calling the workspace.</li>
 * <li>At most one mint is in flight; every caller that needs a token meanwhile waits for that one.</li>
 * <li>A caller without a usable token waits for the next one for at most its time-out, through transient failures
 * that are retried within it; it fails at once on a terminal failure, or when the next attempt is due only after its
 * time-out. This is also how start-up waits for the first token: a throttled or briefly failing workspace does not stop
 * the application, a wrong configuration does.</li>
 * <li>While refreshes fail, the still-valid token keeps being served; transient failures are retried with backoff,
 * terminal ones after a long delay, so a broken configuration cannot flood the workspace.</li>
 * <li>Every mint ends in a success or a failure, whatever the token source throws ({@link Error}s included), and every
 * failure schedules the next attempt.</li>
 * <li>Timers follow the wall clock: one that fires before the refresh is due by the clock (the clock was stepped back)
 * waits again; a caller that finds the refresh overdue (a timer missed during sleep or CPU throttling) triggers it.
 * Only the latest timer acts, so forced mints do not multiply them.</li>
 * <li>An expired token is never handed out.</li>
 * </ul>
 * Decisions to mint are taken under a lock on the latest state, so a caller holding an older snapshot neither fails
 * with a failure that a newer token has replaced nor starts a second mint.
 */
public final class TokenCache implements AutoCloseable {

    /** A token that expires sooner than this after it was minted is not taken: the clocks disagree. */
    static final Duration MIN_LIFETIME = Duration.ofSeconds(1);

    private final TokenSource source;
    private final Clock clock;
    private final RefreshScheduler scheduler;
    private final RefreshPolicy policy;
    private final RefreshListener listener;
    private final RefreshMode mode;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private CompletableFuture<DatabaseToken> inFlight;
    /** Callers waiting for a usable token; guarded by {@link #lock}. */
    private final List<Waiter> waiters = new ArrayList<>();
    /** Guarded by {@link #lock}: only the timer of the latest generation acts. */
    private long timerGeneration;
    /** Guarded by {@link #lock}. */
    private Instant lastRemintAfterRejection;
    private volatile TokenCacheState state;
    private volatile boolean closed;

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
     * A usable token: at once when one is cached, otherwise the next one minted within {@code timeout}.
     *
     * @throws TokenUnavailableException when no usable token can be had within the time-out, with the reason
     */
    public DatabaseToken token(Duration timeout) {
        return await(tokenAsync(timeout).toCompletableFuture(), timeout);
    }

    /**
     * A usable token without blocking: an already completed stage when one is cached; otherwise the stage of the next
     * token, which completes within {@code timeout} with a token or with a {@link TokenUnavailableException} that says
     * why there is none.
     */
    public CompletionStage<DatabaseToken> tokenAsync(Duration timeout) {
        TokenCacheState current = state;
        Instant now = clock.instant();
        if (!policy.isUsable(current.token(), now)) {
            return nextUsableToken(timeout);
        }
        DatabaseToken valid = current.token();
        if (now.isBefore(current.nextAttemptAt())) {
            return CompletableFuture.completedFuture(valid);
        }
        CompletableFuture<DatabaseToken> refresh = mint(false);
        if (mode == RefreshMode.LAZY && refresh != null) {
            // the caller waits for the new token, and keeps the valid one if the mint fails or is slow
            return bounded(refresh, timeout).exceptionally(failure -> valid);
        }
        return CompletableFuture.completedFuture(valid);
    }

    /**
     * PostgreSQL refused a login made with {@code rejectedSecret}. When a newer usable token is cached (the login raced
     * a rotation), that one is returned. When the cached token itself was refused (revoked, or replaced behind our
     * back), a new one is minted, at most once per {@link RefreshPolicy#remintAfterRejectionInterval()}, so a role that
     * does not exist cannot make the pool hammer the workspace.
     * <p>
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
        CompletableFuture<DatabaseToken> retry;
        synchronized (lock) {
            retry = inFlight;
            if (retry == null) {
                if (lastRemintAfterRejection != null
                        && now.isBefore(lastRemintAfterRejection.plus(policy.remintAfterRejectionInterval()))) {
                    return Optional.empty();
                }
                lastRemintAfterRejection = now;
            }
        }
        // a rotation under way may already have replaced the password the login used; otherwise mint a new one
        return retryWith(retry != null ? retry : mint(true), rejectedSecret, timeout);
    }

    private Optional<DatabaseToken> retryWith(CompletableFuture<DatabaseToken> mint, String rejectedSecret,
            Duration timeout) {
        try {
            DatabaseToken fresh = await(bounded(mint, timeout), timeout);
            return fresh.secret().equals(rejectedSecret) ? Optional.empty() : Optional.of(fresh);
        } catch (TokenUnavailableException e) {
            return Optional.empty();
        }
    }

    /**
     * Mints a new token now, whatever the schedule (an operator's "refresh now"); joins a mint already in flight.
     */
    public CompletionStage<DatabaseToken> refreshNow() {
        return mint(true);
    }

    /**
     * Starts from a token minted earlier for the same login (a user's pool made again after it was closed) instead of
     * minting a new one; nothing happens unless the token is usable and the cache holds none yet.
     */
    public void resume(DatabaseToken token) {
        Instant now = clock.instant();
        if (token == null || !policy.isUsable(token, now)) {
            return;
        }
        Instant refreshAt = policy.refreshAt(token);
        synchronized (lock) {
            if (closed || state.token() != null || inFlight != null) {
                return;
            }
            state = state.refreshed(token, refreshAt);
        }
        if (mode == RefreshMode.EAGER) {
            scheduleTimer(refreshAt, now);
        }
    }

    /** Starts minting the first token in the background unless a usable one is cached or a mint is in flight. */
    public void prefetch() {
        if (!policy.isUsable(state.token(), clock.instant())) {
            mint(false);
        }
    }

    /**
     * Mints the first token unless one is cached, and, when {@code failFast}, waits for it through transient failures.
     *
     * @throws TokenUnavailableException when {@code failFast} and no token could be minted within the time-out, or the
     *         workspace gave a terminal answer
     */
    public void start(boolean failFast, Duration timeout) {
        CompletableFuture<DatabaseToken> first = tokenAsync(timeout).toCompletableFuture();
        if (failFast) {
            await(first, timeout);
        }
    }

    /** Stops refreshing; callers still waiting fail at once. */
    @Override
    public void close() {
        List<Waiter> waiting;
        synchronized (lock) {
            closed = true;
            waiting = drainWaiters(waiter -> true);
        }
        TokenUnavailableException closing = closedFailure();
        waiting.forEach(waiter -> waiter.result().completeExceptionally(closing));
    }

    /**
     * The next usable token for a caller that has none. Registering as a waiter and reading the state happen under the
     * lock that a finished mint takes to publish its result, so the caller either sees that result or is completed by
     * it.
     */
    private CompletableFuture<DatabaseToken> nextUsableToken(Duration timeout) {
        Waiter waiter = new Waiter(new CompletableFuture<>(), clock.instant().plus(timeout), timeout);
        TokenUnavailableException refusal = null;
        CompletableFuture<DatabaseToken> newMint = null;
        synchronized (lock) {
            TokenCacheState current = state;
            Instant now = clock.instant();
            if (policy.isUsable(current.token(), now)) {
                return CompletableFuture.completedFuture(current.token());
            }
            TokenRefreshException failure = current.lastFailure();
            boolean backingOff = inFlight == null && failure != null && now.isBefore(current.nextAttemptAt());
            if (closed) {
                refusal = closedFailure();
            } else if (backingOff && failure.isTerminal()) {
                refusal = unavailable(failure);
            } else if (backingOff && current.nextAttemptAt().isAfter(waiter.deadline())) {
                refusal = notWithin(timeout, failure);
            } else {
                waiters.add(waiter);
                if (inFlight == null && !backingOff) {
                    newMint = new CompletableFuture<>();
                    inFlight = newMint;
                }
            }
        }
        if (refusal != null) {
            return CompletableFuture.failedFuture(refusal);
        }
        if (newMint != null) {
            submit(newMint);
        }
        scheduleOrClose(() -> timedOut(waiter), timeout);
        return waiter.result();
    }

    private void timedOut(Waiter waiter) {
        boolean waiting;
        synchronized (lock) {
            waiting = waiters.remove(waiter);
        }
        if (waiting) {
            waiter.result().completeExceptionally(notWithin(waiter.timeout(), state.lastFailure()));
        }
    }

    /**
     * Starts a mint, or joins the one in flight. Unless {@code forced}, only when one is due by the latest state.
     *
     * @return the mint, or null when none is due
     */
    private CompletableFuture<DatabaseToken> mint(boolean forced) {
        CompletableFuture<DatabaseToken> mint;
        synchronized (lock) {
            if (inFlight != null) {
                return inFlight;
            }
            if (!forced && clock.instant().isBefore(state.nextAttemptAt())) {
                return null;
            }
            mint = new CompletableFuture<>();
            inFlight = mint;
        }
        submit(mint);
        return mint;
    }

    /** Runs a mint that this thread put in flight; one the scheduler refuses (closed) fails like any other. */
    private void submit(CompletableFuture<DatabaseToken> mint) {
        try {
            scheduler.schedule(() -> mint(mint), Duration.ZERO);
        } catch (RuntimeException refused) {
            close();
            failed(mint, TokenRefreshException.transientFailure("The Lakebase token cache is closed", refused),
                    clock.instant());
        }
    }

    private void mint(CompletableFuture<DatabaseToken> mint) {
        Instant started = clock.instant();
        DatabaseToken token;
        try {
            token = checked(source.mint());
        } catch (Throwable e) {
            // an Error too: a dependency clash must not leave the mint in flight forever
            failed(mint, e instanceof TokenRefreshException refresh ? refresh
                    : TokenRefreshException.transientFailure("Minting a Lakebase database token failed: "
                            + e.getClass().getName(), e),
                    started);
            return;
        }
        succeeded(mint, token, started);
    }

    private void succeeded(CompletableFuture<DatabaseToken> mint, DatabaseToken token, Instant started) {
        Instant finished = clock.instant();
        Instant refreshAt = policy.refreshAt(token);
        TokenCacheState before;
        List<Waiter> waiting;
        synchronized (lock) {
            before = state;
            state = before.refreshed(token, refreshAt);
            inFlight = null;
            waiting = drainWaiters(waiter -> true);
        }
        mint.complete(token);
        waiting.forEach(waiter -> waiter.result().complete(token));
        listener.refreshed(token, Duration.between(started, finished), before.consecutiveFailures());
        if (mode == RefreshMode.EAGER) {
            scheduleTimer(refreshAt, finished);
        }
    }

    private void failed(CompletableFuture<DatabaseToken> mint, TokenRefreshException failure, Instant started) {
        Instant finished = clock.instant();
        TokenCacheState before;
        Duration delay;
        Instant retryAt;
        List<Waiter> refused;
        boolean retryForWaiters;
        synchronized (lock) {
            before = state;
            delay = policy.retryDelay(before.consecutiveFailures() + 1, failure);
            retryAt = finished.plus(delay);
            state = before.failed(failure, retryAt);
            inFlight = null;
            // callers whose time-out ends before the retry learn the reason now rather than at their time-out
            refused = drainWaiters(waiter -> failure.isTerminal() || retryAt.isAfter(waiter.deadline()));
            retryForWaiters = !waiters.isEmpty();
        }
        TokenUnavailableException unavailable = unavailable(failure);
        mint.completeExceptionally(unavailable);
        refused.forEach(waiter -> waiter.result().completeExceptionally(
                failure.isTerminal() ? unavailable : notWithin(waiter.timeout(), failure)));
        if (closed) {
            return;
        }
        listener.refreshFailed(failure, Duration.between(started, finished), before.consecutiveFailures() + 1, delay);
        if (mode == RefreshMode.EAGER || retryForWaiters) {
            scheduleTimer(retryAt, finished);
        }
    }

    /** Removes and returns the waiters that match; guarded by {@link #lock}. */
    private List<Waiter> drainWaiters(Predicate<Waiter> matching) {
        List<Waiter> drained = new ArrayList<>();
        for (Iterator<Waiter> each = waiters.iterator(); each.hasNext();) {
            Waiter waiter = each.next();
            if (matching.test(waiter)) {
                drained.add(waiter);
                each.remove();
            }
        }
        return drained;
    }

    private DatabaseToken checked(DatabaseToken token) {
        Instant now = clock.instant();
        if (token == null) {
            throw TokenRefreshException.transientFailure("The workspace returned no Lakebase database token", null);
        }
        if (token.expiresAt().isBefore(now.plus(MIN_LIFETIME))) {
            throw TokenRefreshException.transientFailure("The workspace returned a Lakebase database token that "
                    + (token.expiresAt().isAfter(now) ? "expires" : "has already expired") + " at " + token.expiresAt()
                    + ", while this machine's clock reads " + now + ": if the token was just issued, this machine's clock"
                    + " is wrong; synchronise it (NTP)", null);
        }
        return token;
    }

    /** Runs {@link #onTimer} at {@code at}; only the latest timer acts. */
    private void scheduleTimer(Instant at, Instant now) {
        long generation;
        synchronized (lock) {
            generation = ++timerGeneration;
        }
        Duration delay = Duration.between(now, at);
        scheduleOrClose(() -> onTimer(generation), delay.isNegative() ? Duration.ZERO : delay);
    }

    private void onTimer(long generation) {
        synchronized (lock) {
            if (closed || generation != timerGeneration) {
                return;
            }
        }
        Instant now = clock.instant();
        Instant due = state.nextAttemptAt();
        if (now.isBefore(due)) {
            // fired early by the wall clock, which was stepped back: wait again rather than let the token expire
            scheduleTimer(due, now);
            return;
        }
        mint(false);
    }

    /** Schedules the task; a scheduler that refuses it has stopped, and the cache closes: its callers fail at once. */
    private void scheduleOrClose(Runnable task, Duration delay) {
        if (closed) {
            return;
        }
        try {
            scheduler.schedule(task, delay);
        } catch (RuntimeException refused) {
            close();
        }
    }

    /** A stage of the mint that completes within the time-out, with the mint's result or a time-out failure. */
    private CompletableFuture<DatabaseToken> bounded(CompletableFuture<DatabaseToken> mint, Duration timeout) {
        if (mint.isDone()) {
            return mint;
        }
        CompletableFuture<DatabaseToken> bounded = new CompletableFuture<>();
        mint.whenComplete((token, failure) -> {
            if (failure == null) {
                bounded.complete(token);
            } else {
                bounded.completeExceptionally(failure);
            }
        });
        scheduleOrClose(() -> bounded.completeExceptionally(notWithin(timeout, state.lastFailure())), timeout);
        return bounded;
    }

    private static TokenUnavailableException unavailable(TokenRefreshException failure) {
        return new TokenUnavailableException("No valid Lakebase database token: " + failure.getMessage(), failure,
                false);
    }

    private static TokenUnavailableException notWithin(Duration timeout, TokenRefreshException lastFailure) {
        String reason = lastFailure == null ? "the workspace did not answer in time" : lastFailure.getMessage();
        return new TokenUnavailableException("No Lakebase database token could be minted within " + describe(timeout)
                + ": " + reason, lastFailure, true);
    }

    private static TokenUnavailableException closedFailure() {
        return new TokenUnavailableException("No Lakebase database token: the token cache is closed (the application"
                + " is stopping)", null, false);
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static DatabaseToken await(CompletableFuture<DatabaseToken> pending, Duration timeout) {
        try {
            // the stage completes within the time-out by itself; the margin only guards against a stalled scheduler
            return pending.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TokenUnavailableException unavailable) {
                throw unavailable;
            }
            throw new TokenUnavailableException("No valid Lakebase database token: " + e.getCause(), e.getCause(),
                    false);
        } catch (TimeoutException e) {
            throw notWithin(timeout, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while waiting for a Lakebase database token", e, false);
        }
    }

    /** A caller waiting for the next usable token, until its deadline. */
    private record Waiter(CompletableFuture<DatabaseToken> result, Instant deadline, Duration timeout) {
    }
}
