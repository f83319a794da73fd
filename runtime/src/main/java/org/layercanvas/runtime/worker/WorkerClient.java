package org.layercanvas.runtime.worker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.layercanvas.runtime.device.DeviceRequest;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * Runs one training run in a separate JVM ({@link WorkerMain} behind {@code mainClass ... worker}) and talks to it
 * over {@link WorkerProtocol}. Messages go to a {@link Listener} on a reader thread of this client; the app moves
 * them to its UI thread itself. If the process ends without saying {@code bye} and without {@link #close()}, the
 * listener gets a {@link WorkerProtocol.Crashed} with the exit code, the last lines of stderr and a message in
 * plain words. Thread-safe.
 */
public final class WorkerClient implements AutoCloseable {
    /** How many stderr lines are kept for crash reports. */
    public static final int STDERR_LINES = 50;
    private static final long CLOSE_WAIT_MILLIS = 2000;

    /** Receives the worker's messages on the client's reader thread; must return quickly. */
    @FunctionalInterface
    public interface Listener {
        void onMessage(WorkerProtocol.Message message);
    }

    /** A command the worker refused, or a worker that went away before answering. */
    public static final class WorkerException extends Exception {
        private static final long serialVersionUID = 1L;

        public WorkerException(String message) {
            super(message);
        }
    }

    private final String mainClass;
    private final List<String> jvmArgs;
    private final Listener listener;
    private final Object lock = new Object();
    private final ArrayDeque<String> stderr = new ArrayDeque<>();
    private final PendingRequests pending = new PendingRequests();
    private volatile Process process;
    private volatile boolean closing;
    private volatile boolean byeSeen;
    private volatile boolean runEnded;
    /** Guarded by lock. */
    private Writer stdin;
    /** Guarded by lock. */
    private boolean trainSent;
    private Thread shutdownHook;
    private Thread stderrThread;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    /**
     * @param mainClass the class whose {@code main(String[])} runs the worker when given the argument
     *                  {@code worker} (the app's launcher; {@link WorkerMain} also works)
     * @param jvmArgs   extra JVM options, such as {@code -Xmx2g} or
     *                  {@code -Dorg.bytedeco.javacpp.cachedir=...}
     */
    public WorkerClient(String mainClass, List<String> jvmArgs, Listener listener) {
        this.mainClass = mainClass;
        this.jvmArgs = List.copyOf(jvmArgs);
        this.listener = listener;
    }

    public WorkerClient(String mainClass, Listener listener) {
        this(mainClass, List.of(), listener);
    }

    /**
     * Starts the worker process and asks it to train {@code doc}. One run per client.
     *
     * @param device  the device asked for: also decides ND4J's backend order in the process
     * @param threads ND4J threads (also {@code OMP_NUM_THREADS}); 0 for the default
     * @throws IOException when the process cannot be started
     */
    public void start(NetworkDocument doc, DeviceRequest device, int threads) throws IOException {
        start(doc, device, threads, null);
    }

    /** As {@link #start(NetworkDocument, DeviceRequest, int)}, the run starting from {@code weights} (or null). */
    public void start(NetworkDocument doc, DeviceRequest device, int threads, java.nio.file.Path weights)
            throws IOException {
        synchronized (lock) {
            launch(device.toString(), threads);
            train(doc, device, threads, weights);
        }
    }

    /**
     * Starts the worker process without a run, and asks it to warm up while it waits (see
     * {@link WorkerProtocol.Warm}); {@link #train} gives it the run later. The worker answers with
     * {@link WorkerProtocol.Ready} when the warm-up is over.
     *
     * @param device  as for {@link #start}: fixed for the life of the process
     * @param threads as for {@link #start}
     */
    public void launchWarm(DeviceRequest device, int threads) throws IOException {
        synchronized (lock) {
            launch(device.toString(), threads);
            send(new WorkerProtocol.Warm(device.toString(), threads));
        }
    }

    /**
     * Asks a worker started with {@link #launchWarm} to train {@code doc} (once).
     *
     * @throws IOException when the worker cannot be reached (it has ended)
     */
    public void train(NetworkDocument doc, DeviceRequest device, int threads) throws IOException {
        train(doc, device, threads, null);
    }

    /**
     * As {@link #train(NetworkDocument, DeviceRequest, int)}; the run starts from the trained weights in
     * {@code weights} (a Keras {@code .h5} or DL4J zip that fits the network; null: fresh weights).
     */
    public void train(NetworkDocument doc, DeviceRequest device, int threads, java.nio.file.Path weights)
            throws IOException {
        synchronized (lock) {
            if (process == null) {
                throw new IllegalStateException("the worker has not been started");
            }
            if (trainSent) {
                throw new IllegalStateException("this client has already asked for a run");
            }
            trainSent = true;
            WorkerProtocol.Train t = WorkerProtocol.Train.of(doc, device.toString(), threads);
            send(weights == null ? t : t.startingFrom(weights.toAbsolutePath().toString()));
        }
    }

    private void launch(String device, int threads) throws IOException {
        if (process != null) {
            throw new IllegalStateException("this client has already started a worker");
        }
        if (closing) {
            throw new IllegalStateException("this client is closed");
        }
        ProcessBuilder pb = new ProcessBuilder(command());
        WorkerLaunch.environment(pb.environment(), device, threads);
        pb.redirectErrorStream(false);
        Process p = pb.start();
        process = p;
        stdin = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
        shutdownHook = new Thread(p::destroyForcibly, "layercanvas-worker-kill-" + p.pid());
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        stderrThread = daemon(() -> drainStderr(p), "layercanvas-worker-err-" + p.pid());
        daemon(() -> readStdout(p), "layercanvas-worker-out-" + p.pid());
    }

    /** The command line that starts the worker. */
    public List<String> command() {
        return WorkerLaunch.command(mainClass, jvmArgs);
    }

    public void pause() {
        trySend(new WorkerProtocol.Pause());
    }

    public void resume() {
        trySend(new WorkerProtocol.Resume());
    }

    /** Step mode: one minibatch of a paused run (it pauses again), or a pause of a running one. */
    public void step() {
        trySend(new WorkerProtocol.Step());
    }

    public void stop() {
        trySend(new WorkerProtocol.Stop());
    }

    /**
     * The model's outputs for inputs in the Input's flat row-major layout. Completes when the run is over or
     * paused; fails with {@link WorkerException} while it trains, or when the worker is gone.
     */
    public CompletableFuture<double[][]> predict(double[][] inputs) {
        return predict(inputs, false);
    }

    /**
     * The model's outputs for {@code inputs}; with {@code intensities} they are drawn intensities (0 to 1) that the
     * worker scales and preprocesses like the training data first (see {@link WorkerProtocol.Predict}).
     */
    public CompletableFuture<double[][]> predict(double[][] inputs, boolean intensities) {
        PendingRequests.Request<double[][]> r = pending.newPrediction();
        request(new WorkerProtocol.Predict(r.id(), inputs, intensities), r.id());
        return r.future();
    }

    /** The model's outputs for sentences, turned into token ids with the run's vocabulary by the worker. */
    public CompletableFuture<double[][]> predictTexts(java.util.List<String> texts) {
        PendingRequests.Request<double[][]> r = pending.newPrediction();
        request(WorkerProtocol.Predict.texts(r.id(), texts), r.id());
        return r.future();
    }

    /**
     * One input as a picture with the model's outputs (and, with {@code maps}, the Conv2D layers' filters and
     * feature maps): test example {@code testIndex} (modulo the test split's size) when {@code intensities} is null,
     * else a drawn input. Like {@link #predict}, only when the run is over or paused.
     */
    public CompletableFuture<WorkerProtocol.Inspection> inspect(int testIndex, double[] intensities, boolean maps) {
        PendingRequests.Request<WorkerProtocol.Inspection> r = pending.newInspection();
        request(new WorkerProtocol.Inspect(r.id(), testIndex, intensities, maps), r.id());
        return r.future();
    }

    /** Saves the model (DL4J zip) to {@code path} on this machine; completes with the absolute path written. */
    public CompletableFuture<Path> save(Path path) {
        PendingRequests.Request<Path> r = pending.newSave();
        request(new WorkerProtocol.Save(path.toAbsolutePath().toString(), r.id()), r.id());
        return r.future();
    }

    private void request(WorkerProtocol.Command c, long id) {
        try {
            if (!isAlive()) {
                throw new IOException(WorkerMessages.format("worker.notRunning"));
            }
            send(c);
        } catch (IOException e) {
            pending.fail(id, e.getMessage());
        }
    }

    /** The worker's process id, or -1 before {@link #start}. */
    public long pid() {
        Process p = process;
        return p == null ? -1 : p.pid();
    }

    public boolean isAlive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Completes with the process's exit code once it has ended and its output has been read. */
    public CompletableFuture<Integer> exit() {
        return exit;
    }

    /** The last lines the worker wrote to stderr (at most {@value #STDERR_LINES}). */
    public List<String> recentStderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    /**
     * Asks the worker to shut down, waits about two seconds, then ends it forcibly. No {@code Crashed} follows.
     * Idempotent.
     */
    @Override
    public void close() {
        Process p;
        synchronized (lock) {
            if (closing && process == null) {
                return;
            }
            closing = true;
            p = process;
        }
        if (p == null) {
            return;
        }
        try {
            send(new WorkerProtocol.Shutdown());
            synchronized (lock) {
                stdin.close();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!p.waitFor(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down: the hook runs anyway
                }
                shutdownHook = null;
            }
        }
        pending.failAll(WorkerMessages.format("worker.closed"));
    }

    // ---- internals -----------------------------------------------------------------------------------------

    private void trySend(WorkerProtocol.Command c) {
        try {
            send(c);
        } catch (IOException e) {
            // The process is gone; its end is reported through the listener.
        }
    }

    private void send(WorkerProtocol.Command c) throws IOException {
        synchronized (lock) {
            if (stdin == null) {
                throw new IOException(WorkerMessages.format("worker.notStarted"));
            }
            stdin.write(WorkerProtocol.toLine(c));
            stdin.write('\n');
            stdin.flush();
        }
    }

    private void readStdout(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                StdoutLine parsed = StdoutLine.parse(line);
                if (parsed.stderrNote() != null) {
                    rememberStderr(parsed.stderrNote());
                } else if (parsed.message() != null) {
                    dispatch(parsed.message());
                }
            }
        } catch (IOException e) {
            // the stream ended with the process
        }
        int code;
        try {
            code = p.waitFor();
            if (stderrThread != null) {
                stderrThread.join(2000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            code = -1;
        }
        pending.failAll(WorkerMessages.format("worker.ended", code));
        if (!closing && !byeSeen) {
            List<String> lines = recentStderr();
            deliver(new WorkerProtocol.Crashed(code, lines, ExitDescription.describe(code, lines, runEnded)));
        }
        exit.complete(code);
    }

    private void dispatch(WorkerProtocol.Message m) {
        if (m instanceof WorkerProtocol.Hello h && h.protocol() != WorkerProtocol.VERSION) {
            deliver(m);
            deliver(new WorkerProtocol.Error(WorkerMessages.format("worker.protocolMismatch", h.protocol(),
                    WorkerProtocol.VERSION), null));
            return;
        }
        if (m instanceof WorkerProtocol.Event e && (e.event() instanceof TrainingEvent.Finished
                || e.event() instanceof TrainingEvent.Failed)) {
            runEnded = true;
        } else if (m instanceof WorkerProtocol.Bye) {
            byeSeen = true;
        } else {
            pending.answer(m);
        }
        deliver(m);
    }

    private void deliver(WorkerProtocol.Message m) {
        try {
            listener.onMessage(m);
        } catch (RuntimeException e) {
            rememberStderr("(listener failed on " + m.getClass().getSimpleName() + ": " + e + ")");
        }
    }

    private void drainStderr(Process p) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                rememberStderr(line);
            }
        } catch (IOException e) {
            // ended with the process
        }
    }

    private void rememberStderr(String line) {
        synchronized (stderr) {
            if (stderr.size() == STDERR_LINES) {
                stderr.removeFirst();
            }
            stderr.addLast(line);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
