package org.popcorn.server.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A loop that runs {@link #tick()} every few seconds on the server's managed scheduled executor, started once at boot
 * (see {@link Bootstrap}) and stopped with the application. A failing tick is logged and the loop goes on. Used for the
 * work that time passing makes due: round transitions, expired sign-up offers, plugins' schedules.
 */
public abstract class PeriodicTask {

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    /** The seconds between two ticks. */
    protected abstract int periodSeconds();

    /** One pass of the work; runs on a managed thread without a request. */
    public abstract void tick();

    /** Starts the loop (idempotent). */
    public synchronized void start() {
        if (task == null) {
            int every = Math.max(1, periodSeconds());
            task = scheduler.scheduleWithFixedDelay(this::safeTick, every, every, TimeUnit.SECONDS);
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            Logger.getLogger(getClass().getName()).log(Level.WARNING, "event=periodic-task.failed task=" + getClass().getSimpleName()
                    + " reason=" + e.getMessage(), e);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
