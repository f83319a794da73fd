package org.layercanvas.runtime.data;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * One daemon thread that makes items {@code first .. end - 1} in order, at most {@code capacity} ahead of the
 * consumer. A failure while making an item is handed to the consumer: {@link #take()} throws it in the item's
 * place. Not for several consumers at once.
 *
 * @param <T> what is made
 */
final class Prefetcher<T> implements Runnable {
    private static final long POLL_MILLIS = 100;
    private static final long JOIN_MILLIS = 10_000;

    private record Failure(Throwable error) {
    }

    private final BlockingQueue<Object> queue;
    private final int first;
    private final int end;
    private final IntFunction<T> make;
    private final Thread thread;
    private volatile boolean stopped;

    /**
     * Starts the thread.
     *
     * @param make makes item {@code k}; runs on the prefetch thread
     */
    Prefetcher(String threadName, int capacity, int first, int end, IntFunction<T> make) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.first = first;
        this.end = end;
        this.make = make;
        thread = new Thread(this, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            for (int k = first; k < end && !stopped; k++) {
                queue.put(make.apply(k));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            try {
                queue.put(new Failure(t));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The next item, waiting for it if need be.
     *
     * @throws IllegalStateException when the thread ended without it, or the wait was interrupted; or whatever
     *                               making the item threw (checked exceptions wrapped in IllegalStateException)
     */
    @SuppressWarnings("unchecked")
    T take() {
        Object item;
        try {
            while ((item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS)) == null) {
                if (!thread.isAlive() && queue.isEmpty()) {
                    throw new IllegalStateException("the prefetch thread ended without a batch");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
        if (item instanceof Failure failure) {
            if (failure.error() instanceof Error error) {
                throw error;
            }
            if (failure.error() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(failure.error());
        }
        return (T) item;
    }

    /** Waits (a while) for the thread to end after its last item. */
    void awaitEnd() {
        join();
    }

    /** Stops making items, drops those made, and waits (a while) for the thread to end. */
    void stop() {
        stopped = true;
        thread.interrupt();
        queue.clear();
        join();
    }

    boolean isAlive() {
        return thread.isAlive();
    }

    private void join() {
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
