package org.layercanvas.app.training;

import org.layercanvas.runtime.device.DeviceRequest;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.layercanvas.runtime.worker.WorkerClient;
import org.layercanvas.runtime.worker.WorkerProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker process started ahead of the next Run and warmed up while the student edits ({@link
 * WorkerProtocol.Warm}). A cold worker spends its first seconds loading ND4J and compiling DL4J's code, at a
 * fraction of full speed, with its JIT compiler wanting a second core that the window is also using; a spare makes
 * Run start at once and at speed. Used once: a run takes it, and a new one is prepared when that run has ended.
 *
 * <p>A spare is started for given JVM options, device and thread count (fixed for a process's life); a run with
 * other settings gets a fresh worker and the spare is replaced. {@code -Dlayercanvas.spareWorker=false} turns
 * this off. Thread-safe.
 */
public final class SpareWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpareWorker.class);
    /** The system property that turns spares off ({@code false}); read at each {@link #prepare}. */
    public static final String PROPERTY = "layercanvas.spareWorker";

    /** Whether windows keep a spare worker (default yes). */
    public static boolean enabled() {
        return Boolean.parseBoolean(System.getProperty(PROPERTY, "true"));
    }

    private final String mainClass;
    private final Supplier<List<String>> jvmArgs;
    /** Guarded by this. */
    private Spare spare;
    /** Guarded by this. */
    private boolean closed;

    /**
     * @param mainClass the launcher that becomes the worker when given the argument {@code worker}
     * @param jvmArgs   the worker's JVM options, asked for each time (a spare started with others is not used)
     */
    public SpareWorker(String mainClass, Supplier<List<String>> jvmArgs) {
        this.mainClass = Objects.requireNonNull(mainClass);
        this.jvmArgs = Objects.requireNonNull(jvmArgs);
    }

    /** Starts a spare for these settings, unless one is there already. Errors are logged, never thrown. */
    public synchronized void prepare(DeviceRequest device, int threads) {
        if (closed) {
            return;
        }
        List<String> args = List.copyOf(jvmArgs.get());
        if (spare != null && spare.matches(args, device, threads) && spare.client.isAlive()) {
            return;
        }
        discard();
        Spare s = new Spare(args, device, threads);
        s.client = new WorkerClient(mainClass, args, s::deliver);
        try {
            s.client.launchWarm(device, threads);
            spare = s;
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot start a spare worker: {}", e.getMessage(), e);
            s.client.close();
        }
    }

    /**
     * The spare, if it was started for these settings and is alive; from now on its messages go to
     * {@code listener}, and it is no longer this pool's. Null otherwise (the caller starts a worker itself).
     */
    public synchronized WorkerClient take(DeviceRequest device, int threads, Consumer<WorkerProtocol.Message> listener) {
        Spare s = spare;
        if (s == null) {
            return null;
        }
        spare = null;
        if (!s.matches(List.copyOf(jvmArgs.get()), device, threads) || !s.client.isAlive()) {
            closeLater(s.client);
            return null;
        }
        s.target = Objects.requireNonNull(listener);
        return s.client;
    }

    /**
     * Completes when the current spare has warmed up (with its report), or at once with null when there is none.
     * For benchmarks and tests, which must not measure while a spare warms up beside them.
     */
    public synchronized CompletableFuture<WorkerProtocol.Ready> ready() {
        return spare == null ? CompletableFuture.completedFuture(null) : spare.ready;
    }

    /** Whether a spare is waiting (for tests). */
    public synchronized boolean hasSpare() {
        return spare != null;
    }

    /** The waiting spare's process id, or -1 (for tests). */
    public synchronized long pid() {
        return spare == null ? -1 : spare.client.pid();
    }

    /** Ends the spare's process; no new one is started after this. */
    @Override
    public synchronized void close() {
        closed = true;
        discard();
    }

    private void discard() {
        if (spare != null) {
            closeLater(spare.client);
            spare.ready.complete(null);
            spare = null;
        }
    }

    /**
     * Ends a spare's process without waiting for it: callers are the FX thread (window opened or closed, Run)
     * and a worker's reader thread. If the app exits first, the client's shutdown hook ends the process.
     */
    private static void closeLater(WorkerClient client) {
        Thread t = new Thread(client::close, "layercanvas-spare-close");
        t.setDaemon(true);
        t.start();
    }

    private static final class Spare {
        final List<String> args;
        final DeviceRequest device;
        final int threads;
        final CompletableFuture<WorkerProtocol.Ready> ready = new CompletableFuture<>();
        WorkerClient client;
        volatile Consumer<WorkerProtocol.Message> target;

        Spare(List<String> args, DeviceRequest device, int threads) {
            this.args = args;
            this.device = device;
            this.threads = threads;
        }

        boolean matches(List<String> otherArgs, DeviceRequest otherDevice, int otherThreads) {
            return args.equals(otherArgs) && device.equals(otherDevice) && threads == otherThreads;
        }

        void deliver(WorkerProtocol.Message m) {
            Consumer<WorkerProtocol.Message> t = target;
            if (m instanceof WorkerProtocol.Ready r) {
                if (r.problem() != null) {
                    LOG.warn("the spare worker's warm-up failed: {}", r.problem());
                }
                ready.complete(r);
            } else if (m instanceof WorkerProtocol.Crashed c && t == null) {
                LOG.warn("the spare worker ended: {}", c.message());
                ready.complete(null);
            }
            if (t != null) {
                t.accept(m);
            }
        }
    }
}
