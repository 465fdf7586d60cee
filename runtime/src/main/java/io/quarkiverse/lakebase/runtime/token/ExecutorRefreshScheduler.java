package io.quarkiverse.lakebase.runtime.token;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs refreshes on one daemon thread, so a slow workspace never holds up a connection or a request thread.
 */
public final class ExecutorRefreshScheduler implements RefreshScheduler, AutoCloseable {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "lakebase-token-refresh");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public void schedule(Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed at shutdown: nothing is refreshed any more
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
