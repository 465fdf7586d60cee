package io.quarkiverse.lakebase.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import io.quarkiverse.lakebase.LakebaseConfigurationException;
import io.quarkiverse.lakebase.runtime.token.RefreshScheduler;

/**
 * The PostgreSQL role of a datasource whose username is not configured, looked up once and kept.
 * <p>
 * The lookup runs on the token refresh threads, never on the caller's: the reactive client asks on a Vert.x event loop,
 * and the lookup may build the Databricks workspace client and call the workspace ({@code /scim/v2/Me}). A failed
 * lookup is kept as well and tried again only after a backoff, doubling from {@link #FIRST_RETRY} to
 * {@link #MAX_RETRY}, so that connections failing meanwhile do not each call the workspace.
 */
final class UsernameLookup {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final Supplier<String> lookup;
    private final RefreshScheduler executor;
    private final Clock clock;
    private volatile String known;
    /** Guarded by this. */
    private CompletableFuture<String> inFlight;
    /** Guarded by this. */
    private RuntimeException lastFailure;
    /** Guarded by this. */
    private Instant retryAt;
    /** Guarded by this. */
    private int failures;

    /**
     * @param configured the configured username, which makes any lookup unnecessary
     * @param lookup asks the workspace; blocks
     */
    UsernameLookup(Optional<String> configured, Supplier<String> lookup, RefreshScheduler executor, Clock clock) {
        this.known = configured.orElse(null);
        this.lookup = lookup;
        this.executor = executor;
        this.clock = clock;
    }

    /** The username if already known, without asking the workspace. */
    Optional<String> known() {
        return Optional.ofNullable(known);
    }

    /** The username: at once when known; otherwise the lookup in flight, or a new one unless the last one failed lately. */
    CompletionStage<String> get() {
        String name = known;
        if (name != null) {
            return CompletableFuture.completedFuture(name);
        }
        CompletableFuture<String> started;
        synchronized (this) {
            if (known != null) {
                return CompletableFuture.completedFuture(known);
            }
            if (inFlight != null) {
                return inFlight;
            }
            if (lastFailure != null && clock.instant().isBefore(retryAt)) {
                return CompletableFuture.failedFuture(lastFailure);
            }
            started = new CompletableFuture<>();
            inFlight = started;
        }
        try {
            executor.schedule(() -> run(started), Duration.ZERO);
        } catch (RuntimeException refused) {
            failed(started, new LakebaseConfigurationException("The Lakebase username could not be looked up: the"
                    + " application is stopping"));
        }
        return started;
    }

    private void run(CompletableFuture<String> started) {
        String name;
        try {
            name = lookup.get();
        } catch (RuntimeException e) {
            failed(started, e);
            return;
        } catch (Throwable e) {
            failed(started, new LakebaseConfigurationException("The Lakebase username could not be looked up: "
                    + e.getClass().getName()));
            return;
        }
        synchronized (this) {
            known = name;
            inFlight = null;
            lastFailure = null;
            failures = 0;
        }
        started.complete(name);
    }

    private void failed(CompletableFuture<String> started, RuntimeException failure) {
        synchronized (this) {
            failures++;
            Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 5));
            retryAt = clock.instant().plus(delay.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : delay);
            lastFailure = failure;
            inFlight = null;
        }
        started.completeExceptionally(failure);
    }
}
