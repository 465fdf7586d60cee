package io.quarkiverse.lakebase.runtime.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A clock and a scheduler in virtual time: nothing runs until the test advances time or runs what is due, so every
 * interleaving is chosen by the test, and an hour passes in microseconds.
 */
final class VirtualTime extends Clock implements RefreshScheduler {

    private record Task(Instant due, long order, Runnable action) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private final List<Duration> delays = new ArrayList<>();
    private Instant now;
    private Duration wallClockOffset = Duration.ZERO;
    private Runnable beforeNextRead;
    private long sequence;

    VirtualTime(Instant start) {
        this.now = start;
    }

    /** A mint (zero delay) runs at once on the caller's thread; a timer waits for virtual time to reach it. */
    @Override
    public void schedule(Runnable task, Duration delay) {
        if (delay.isZero()) {
            task.run();
            return;
        }
        synchronized (this) {
            delays.add(delay);
            tasks.add(new Task(now.plus(delay), sequence++, task));
        }
    }

    /** Moves time forward without running timers, as when the machine sleeps. */
    synchronized void jump(Duration duration) {
        now = now.plus(duration);
    }

    /** Moves time forward, running each task when its due instant is reached. */
    void advance(Duration duration) {
        Instant target;
        synchronized (this) {
            target = now.plus(duration);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.stream().filter(task -> !task.due().isAfter(target))
                        .min(Comparator.comparing(Task::due).thenComparing(Task::order)).orElse(null);
                if (next == null) {
                    now = target;
                    return;
                }
                tasks.remove(next);
                if (next.due().isAfter(now)) {
                    now = next.due();
                }
            }
            next.action().run();
        }
    }

    /**
     * Sets the wall clock apart from the time the scheduler keeps, as when the system clock is stepped: timers still
     * fire after their delay, but the clock then reads a different instant.
     */
    synchronized void shiftWallClock(Duration offset) {
        wallClockOffset = offset;
    }

    /** Runs the action the next time the clock is read, before the read returns: an interleaving chosen by the test. */
    synchronized void beforeNextRead(Runnable action) {
        beforeNextRead = action;
    }

    synchronized int pendingTasks() {
        return tasks.size();
    }

    /** Delays of the timers scheduled so far. */
    synchronized List<Duration> timerDelays() {
        return List.copyOf(delays);
    }

    @Override
    public Instant instant() {
        Runnable action;
        synchronized (this) {
            action = beforeNextRead;
            beforeNextRead = null;
        }
        if (action != null) {
            action.run();
        }
        synchronized (this) {
            return now.plus(wallClockOffset);
        }
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
