package org.layercanvas.app.main;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background work of one window (loading a data preview, the test split behind the evaluation): one daemon
 * thread, created when first needed and ended when the window closes, so that a closed window leaves no thread
 * behind. Views get it from their window; none makes its own. Work handed to a closed executor is dropped: its
 * window is gone.
 */
public final class TaskExecutor implements Executor, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TaskExecutor.class);
    private final ExecutorService threads;

    /** @param name the thread's name, e.g. {@code layercanvas-window-tasks} */
    public TaskExecutor(String name) {
        threads = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void execute(Runnable work) {
        try {
            threads.execute(work);
        } catch (RejectedExecutionException e) {
            LOG.debug("dropped background work of a closed window", e);
        }
    }

    public boolean isClosed() {
        return threads.isShutdown();
    }

    /** Interrupts running work, drops queued work, and lets the thread end. */
    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Waits until the thread has ended after {@link #close}; for tests. */
    boolean awaitEnd(long millis) throws InterruptedException {
        return threads.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
