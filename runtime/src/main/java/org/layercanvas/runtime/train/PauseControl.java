package org.layercanvas.runtime.train;

import java.util.function.Consumer;

/**
 * The stop and pause requests of one run, and the handshake with its training thread. Requests come from any
 * thread; the training thread asks {@link #pauseIfRequested} between two minibatches and waits there while the
 * run is paused. While it waits it is "parked" and does not touch the model, so {@link #whilePaused} can hand the
 * model to another thread safely. A stop request is final and also ends a pause.
 */
final class PauseControl {
    private volatile boolean stopRequested;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private boolean pauseRequested;
    /** Guarded by {@link #lock}: the training thread is parked in a pause and does not touch the model. */
    private boolean parked;

    void requestStop() {
        stopRequested = true;
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    boolean stopRequested() {
        return stopRequested;
    }

    void requestPause() {
        synchronized (lock) {
            pauseRequested = true;
        }
    }

    /** Ends a pause, or cancels a pause not yet taken. */
    void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    boolean isPauseRequested() {
        synchronized (lock) {
            return pauseRequested;
        }
    }

    /**
     * Runs {@code action} on {@code target} if the training thread is parked right now, keeping it parked until the
     * action returns (a {@link #resume()} meanwhile takes effect afterwards).
     *
     * @return whether the run was paused and the action ran
     */
    <T> boolean whilePaused(T target, Consumer<T> action) {
        synchronized (lock) {
            if (!parked || target == null) {
                return false;
            }
            action.accept(target);
            return true;
        }
    }

    /**
     * On the training thread, between two minibatches: when a pause is requested (and no stop), reports
     * {@link TrainingEvent.Paused}, waits for {@link #resume()} or {@link #requestStop()}, and reports
     * {@link TrainingEvent.Resumed} unless the run was stopped.
     *
     * @param iteration minibatches learned so far in the run
     * @param epoch     the current epoch, 1-based
     * @return the nanoseconds spent paused
     */
    long pauseIfRequested(int iteration, int epoch, TrainingListener listener) throws InterruptedException {
        synchronized (lock) {
            if (!pauseRequested || stopRequested) {
                return 0;
            }
            parked = true;
        }
        long start = System.nanoTime();
        try {
            // The event goes out without holding the lock: a listener may call resume() or requestStop() at once,
            // and whoever receives it may use the model through whilePaused() straight away.
            listener.onEvent(new TrainingEvent.Paused(iteration, epoch));
            synchronized (lock) {
                while (pauseRequested && !stopRequested) {
                    lock.wait();
                }
                parked = false;
            }
        } finally {
            synchronized (lock) {
                parked = false;
            }
        }
        long paused = System.nanoTime() - start;
        if (!stopRequested) {
            listener.onEvent(new TrainingEvent.Resumed(iteration, epoch, paused / 1e9));
        }
        return paused;
    }
}
