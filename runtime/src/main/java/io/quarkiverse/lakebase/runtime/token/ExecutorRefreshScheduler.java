package io.quarkiverse.lakebase.runtime.token;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs refreshes on daemon threads, so a slow workspace never holds up a connection or a request thread. Two threads:
 * mints are one at a time, so while one waits for the workspace the other keeps callers' time-outs on time.
 */
public final class ExecutorRefreshScheduler implements RefreshScheduler, AutoCloseable {

    /** The name of the threads, which tests and thread dumps look for. */
    public static final String THREAD_NAME = "lakebase-token-refresh";

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, task -> {
        Thread thread = new Thread(task, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    public ExecutorRefreshScheduler() {
        // both threads from the start: a thread dump shows two per token cache, whatever has run so far
        executor.prestartAllCoreThreads();
    }

    /**
     * @throws RejectedExecutionException once closed
     */
    @Override
    public void schedule(Runnable task, Duration delay) {
        executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops the threads, interrupting a mint in flight, and waits briefly for them to end. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
