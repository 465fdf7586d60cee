package io.quarkiverse.lakebase.runtime.token;

import java.time.Duration;

/**
 * Runs refresh tasks later, on a thread that is not a caller's. Tests replace it with a virtual-time scheduler.
 */
public interface RefreshScheduler {

    /**
     * Runs the task once after the delay; {@link Duration#ZERO} means as soon as possible.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the scheduler no longer runs tasks
     */
    void schedule(Runnable task, Duration delay);
}
