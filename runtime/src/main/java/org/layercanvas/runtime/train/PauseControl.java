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
    /** Guarded by {@link #lock}: minibatches a paused run may learn before it pauses again (step mode). */
    private int stepsAllowed;
    /** Training thread only: the pause just left was left for one step, and the run pauses again after it. */
    private boolean stepping;

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
            stepsAllowed = 0;
            lock.notifyAll();
        }
    }

    /**
     * Step mode: a paused run learns from exactly one more minibatch and pauses again; a run that is not paused
     * pauses (as {@link #requestPause()}), so that the next step starts from a pause.
     */
    void step() {
        synchronized (lock) {
            if (parked) {
                stepsAllowed++;
                lock.notifyAll();
            } else {
                pauseRequested = true;
            }
        }
    }

    /** On the training thread: whether the minibatch about to be learned is a single step of a paused run. */
    boolean isStepping() {
        return stepping;
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
     * {@link TrainingEvent.Paused}, waits for {@link #resume()}, {@link #step()} or {@link #requestStop()}, and
     * reports {@link TrainingEvent.Resumed} unless the run was stopped or only takes one step (then
     * {@link #isStepping()} is true until the next call, and the run pauses again before the following minibatch).
     *
     * @param iteration minibatches learned so far in the run
     * @param epoch     the current epoch, 1-based
     * @return the nanoseconds spent paused
     */
    long pauseIfRequested(int iteration, int epoch, TrainingListener listener) throws InterruptedException {
        stepping = false;
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
                while (pauseRequested && !stopRequested && stepsAllowed == 0) {
                    lock.wait();
                }
                if (pauseRequested && !stopRequested) {
                    stepsAllowed--;
                    stepping = true;
                }
                parked = false;
            }
        } finally {
            synchronized (lock) {
                parked = false;
            }
        }
        long paused = System.nanoTime() - start;
        if (!stopRequested && !stepping) {
            listener.onEvent(new TrainingEvent.Resumed(iteration, epoch, paused / 1e9));
        }
        return paused;
    }
}
