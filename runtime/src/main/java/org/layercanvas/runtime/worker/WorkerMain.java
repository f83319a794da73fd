package org.layercanvas.runtime.worker;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.data.Examples;
import org.layercanvas.runtime.data.TextDatasets;
import org.layercanvas.runtime.train.EventJson;
import org.layercanvas.runtime.train.FailureCode;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.Tensors;
import org.layercanvas.runtime.train.TrainMessages;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.TrainingSession;
import org.layercanvas.runtime.worker.WorkerProtocol.Command;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The training worker: reads {@link WorkerProtocol} commands line by line on the calling thread, trains on a
 * thread of its own, and writes protocol lines (and nothing else) to its output. After a run it stays for
 * {@code predict} and {@code save} until {@code shutdown} or the end of its input (the app went away), then says
 * {@code bye}.
 *
 * <p>A model is used for prediction or saving only while no {@code fit} can run on it: when the run is over, or
 * while it is paused ({@link TrainingSession#whilePaused}). Otherwise the command gets an {@code error} reply.
 */
public final class WorkerMain {
    /** How long shutdown waits for a stopped run to evaluate and end before saying bye anyway. */
    private static final long STOP_WAIT_SECONDS = 30;
    /**
     * Iteration lines are written out at most this often (they are kept in the buffer in between); every other
     * line is written at once. A small network makes 500+ minibatches a second: one pipe write per minibatch woke
     * the app's reader as often, taking CPU from training on a 2-core machine. 50 ms is below what a chart shows.
     */
    static final long ITERATION_FLUSH_NANOS = 50_000_000L;

    private final PrintStream out;
    /** Guarded by out. */
    private long lastFlushNanos;
    private final Object runLock = new Object();
    /** Guarded by runLock. */
    private TrainingSession session;
    /** Guarded by runLock. */
    private CompletableFuture<TrainingSession.Result> run;
    /** Guarded by runLock: the warm-up asked for by {@code warm}, if any. */
    private WarmUp warmUp;
    /** Set on the training thread when Finished or Failed is reported: the model is no longer fitted. */
    private volatile boolean runOver;

    private WorkerMain(PrintStream out) {
        this.out = out;
    }

    /** For {@code java -cp ... org.layercanvas.runtime.worker.WorkerMain}: the worker on this process's streams. */
    public static void main(String[] args) {
        System.exit(runWithStandardStreams());
    }

    /**
     * The worker on this process's stdin and stdout. System.out is pointed at stderr first, so that whatever a
     * library prints through Java cannot corrupt the protocol; protocol lines go to the real stdout.
     *
     * @return the process exit code: 0, or 70 when the worker itself failed (the cause is on stderr)
     */
    public static int runWithStandardStreams() {
        // Buffered: a line reaches the pipe when send() flushes it, not in pieces at every print.
        PrintStream protocol = new PrintStream(new java.io.BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);
        System.setOut(System.err);
        try {
            return run(System.in, protocol);
        } catch (Throwable e) {
            // On stderr, where the client looks for the cause (an OutOfMemoryError, say) of an exit without bye.
            e.printStackTrace();
            return 70;
        }
    }

    /**
     * Runs the worker until {@code shutdown} or the end of {@code in}.
     *
     * @return 0
     */
    public static int run(InputStream in, PrintStream out) {
        return new WorkerMain(out).loop(in);
    }

    private int loop(InputStream in) {
        send(new WorkerProtocol.Hello(WorkerProtocol.VERSION, ProcessHandle.current().pid(),
                System.getProperty("java.version")));
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        while (true) {
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                line = null;
            }
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            Command command;
            try {
                command = WorkerProtocol.parseCommand(line);
            } catch (WorkerProtocol.ProtocolException e) {
                sendError(e.getMessage(), null);
                continue;
            }
            if (command instanceof WorkerProtocol.Shutdown) {
                break;
            }
            try {
                handle(command);
            } catch (RuntimeException | LinkageError e) {
                sendError(describe(command) + " failed: " + e, requestIdOf(command));
            } catch (OutOfMemoryError e) {
                sendError(describe(command) + " failed: out of memory", requestIdOf(command));
            }
        }
        endRun();
        send(new WorkerProtocol.Bye());
        return 0;
    }

    private void handle(Command command) {
        if (command instanceof WorkerProtocol.Train t) {
            train(t);
        } else if (command instanceof WorkerProtocol.Pause) {
            TrainingSession s = activeSession();
            if (s == null) {
                sendError("pause: no run is in progress", null);
            } else {
                s.requestPause();
            }
        } else if (command instanceof WorkerProtocol.Resume) {
            TrainingSession s = activeSession();
            if (s == null) {
                sendError("resume: no run is in progress", null);
            } else {
                s.resume();
            }
        } else if (command instanceof WorkerProtocol.Step) {
            TrainingSession s = activeSession();
            if (s == null) {
                sendError("step: no run is in progress", null);
            } else {
                s.step();
            }
        } else if (command instanceof WorkerProtocol.Stop) {
            TrainingSession s = activeSession();
            if (s == null) {
                sendError("stop: no run is in progress", null);
            } else {
                s.requestStop();
            }
        } else if (command instanceof WorkerProtocol.Predict p) {
            predict(p);
        } else if (command instanceof WorkerProtocol.Save s) {
            save(s);
        } else if (command instanceof WorkerProtocol.Inspect i) {
            inspect(i);
        } else if (command instanceof WorkerProtocol.Warm w) {
            warm(w);
        }
    }

    private void warm(WorkerProtocol.Warm w) {
        synchronized (runLock) {
            if (warmUp != null || session != null) {
                // Warm already, or a run has been asked for: nothing to prepare.
                send(new WorkerProtocol.Ready(0, true, null));
                return;
            }
            warmUp = new WarmUp();
            warmUp.start(w.device(), w.threads(), WarmUp.DEFAULT_SECONDS, this::send);
        }
    }

    private void train(WorkerProtocol.Train t) {
        synchronized (runLock) {
            if (activeSession() != null) {
                sendError("train: a run is already in progress; stop it first", null);
                return;
            }
            NetworkDocument doc;
            try {
                doc = DocumentJson.read(t.document().toString(), "train command");
            } catch (DocumentFormatException e) {
                sendError("train: " + e.getMessage(), null);
                return;
            }
            if (run != null) {
                // The previous run has reported its end; let it deliver its evaluation before the next one starts.
                try {
                    run.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | TimeoutException e) {
                    // reported through its Failed event
                }
            }
            if (warmUp != null) {
                // The run needs the CPU; the warm-up has done what it could.
                warmUp.cutShort(STOP_WAIT_SECONDS);
            }
            runOver = false;
            session = new TrainingSession(doc, new TrainingSession.Options(t.device(), t.threads(), true)
                    .withBoundaryMillis(t.boundaryMillis()), this::onEvent);
            if (t.weights() != null) {
                session.startingFrom(java.nio.file.Path.of(t.weights()));
            }
            run = session.start();
            run.whenComplete((result, error) -> {
                if (error != null && !runOver) {
                    // The session reports every outcome it can; this is for the ones it cannot (an Error).
                    onEvent(new TrainingEvent.Failed(FailureCode.INTERNAL,
                            TrainMessages.format("train.threadFailed", error), 0, 0));
                }
            });
        }
    }

    private void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Finished || event instanceof TrainingEvent.Failed) {
            // Before the line goes out, so that a predict sent on seeing it is accepted.
            runOver = true;
        }
        send(new WorkerProtocol.Event(event));
    }

    /** The session whose run has not ended yet, or null. */
    private TrainingSession activeSession() {
        synchronized (runLock) {
            return session != null && !runOver && !run.isDone() ? session : null;
        }
    }

    private void predict(WorkerProtocol.Predict p) {
        String problem = withModel("predict", (graph, compiled) -> {
            int size = (int) compiled.inputShape().size();
            double[][] inputs = p.texts().isEmpty() ? p.inputs() : encode(p.texts(), compiled);
            if (inputs == null) {
                return "predict: this network does not read word tokens, or its run has no vocabulary";
            }
            for (int i = 0; i < inputs.length; i++) {
                if (inputs[i].length != size) {
                    return "predict: each input row must have " + size + " values (the Input " + compiled.inputShape()
                            + " in its flat row-major layout), row " + i + " has " + inputs[i].length;
                }
            }
            if (p.intensities()) {
                if (compiled.inputShape().kind() == org.layercanvas.model.shape.TensorShape.Kind.TOKENS) {
                    return "predict: intensities are for drawn inputs; a network on word tokens takes texts";
                }
                inputs = fromIntensities(inputs);
            }
            double[][] outputs = inputs.length == 0 ? new double[0][] : predict(graph, compiled, inputs);
            send(new WorkerProtocol.Prediction(p.requestId(), outputs));
            return null;
        });
        if (problem != null) {
            sendError(problem, p.requestId());
        }
    }

    private void inspect(WorkerProtocol.Inspect i) {
        TrainingSession s;
        synchronized (runLock) {
            s = session;
        }
        String problem = withModel("inspect", (graph, compiled) -> {
            try {
                send(Inspector.inspect(i, graph, compiled, s.trainSource(), s.testSource()));
                return null;
            } catch (Inspector.Refusal r) {
                return r.getMessage();
            }
        });
        if (problem != null) {
            sendError(problem, i.requestId());
        }
    }

    /** Sentences as token ids with the run's vocabulary, as its training texts were; null when there is none. */
    private double[][] encode(java.util.List<String> texts, CompiledGraph compiled) {
        TrainingSession s;
        synchronized (runLock) {
            s = session;
        }
        TextDatasets.Vocabulary vocabulary = s == null ? null : s.vocabulary();
        if (vocabulary == null || compiled.inputShape().kind() != org.layercanvas.model.shape.TensorShape.Kind.TOKENS) {
            return null;
        }
        int length = compiled.inputShape().dim(0);
        double[][] rows = new double[texts.size()][];
        for (int i = 0; i < rows.length; i++) {
            float[] row = TextDatasets.encode(texts.get(i), vocabulary, length);
            rows[i] = new double[row.length];
            for (int k = 0; k < row.length; k++) {
                rows[i][k] = row[k];
            }
        }
        return rows;
    }

    /** Drawn rows on the training data's scale and preprocessed, as the network receives its examples. */
    private double[][] fromIntensities(double[][] rows) {
        TrainingSession s;
        synchronized (runLock) {
            s = session;
        }
        org.layercanvas.runtime.data.BatchSource train = s == null ? null : s.trainSource();
        if (train == null) {
            return rows;
        }
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            float[] in = new float[rows[i].length];
            for (int k = 0; k < in.length; k++) {
                in[k] = (float) rows[i][k];
            }
            float[] f = train.fromIntensities(in);
            out[i] = new double[f.length];
            for (int k = 0; k < f.length; k++) {
                out[i][k] = f[k];
            }
        }
        return out;
    }

    static double[][] predict(ComputationGraph graph, CompiledGraph compiled, double[][] inputs) {
        float[][] rows = new float[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            rows[i] = new float[inputs[i].length];
            for (int j = 0; j < rows[i].length; j++) {
                rows[i][j] = (float) inputs[i][j];
            }
        }
        Examples ex = new Examples(rows, new int[rows.length], java.util.List.of());
        INDArray features = Tensors.features(ex, compiled.inputShape(), DataType.FLOAT);
        INDArray out = graph.outputSingle(false, features);
        return out.reshape(out.size(0), out.length() / out.size(0)).castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private void save(WorkerProtocol.Save s) {
        String problem = withModel("save", (graph, compiled) -> {
            Path path = Path.of(s.path()).toAbsolutePath();
            try {
                ModelFiles.save(graph, path);
            } catch (IOException | RuntimeException e) {
                return "save: cannot write " + path + ": " + e.getMessage();
            }
            send(new WorkerProtocol.Saved(path.toString(), s.requestId()));
            return null;
        });
        if (problem != null) {
            sendError(problem, s.requestId());
        }
    }

    /** Something to do with a model that is not being fitted; returns a problem to report, or null. */
    private interface ModelAction {
        String apply(ComputationGraph graph, CompiledGraph compiled);
    }

    private String withModel(String what, ModelAction action) {
        TrainingSession s;
        synchronized (runLock) {
            s = session;
        }
        if (s == null) {
            return what + ": there is no model yet; send train first";
        }
        if (runOver) {
            if (s.model() == null || s.compiled() == null) {
                return what + ": the run failed before a model existed";
            }
            return action.apply(s.model(), s.compiled());
        }
        String[] problem = {null};
        boolean paused = s.whilePaused(graph -> problem[0] = action.apply(graph, s.compiled()));
        if (!paused) {
            return what + ": the network is training; pause it or wait until the run has finished";
        }
        return problem[0];
    }

    /** Stops a run still going (shutdown or end of input) and waits a while for it to end. */
    private void endRun() {
        WarmUp w;
        synchronized (runLock) {
            w = warmUp;
        }
        if (w != null) {
            w.cutShort(STOP_WAIT_SECONDS);
        }
        CompletableFuture<TrainingSession.Result> r;
        synchronized (runLock) {
            if (session == null) {
                return;
            }
            session.requestStop();
            r = run;
        }
        try {
            r.get(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // say bye anyway: the process is about to end
        }
    }

    private void sendError(String message, Long requestId) {
        send(new WorkerProtocol.Error(message, requestId));
    }

    private static Long requestIdOf(Command c) {
        return c instanceof WorkerProtocol.Predict p ? Long.valueOf(p.requestId())
                : c instanceof WorkerProtocol.Inspect i ? Long.valueOf(i.requestId())
                : c instanceof WorkerProtocol.Save s ? s.requestId() : null;
    }

    private static String describe(Command c) {
        Function<Command, String> name = x -> x.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        return name.apply(c);
    }

    private void send(WorkerProtocol.Message message) {
        String line = WorkerProtocol.toLine(message);
        boolean iteration = message instanceof WorkerProtocol.Event e && e.event() instanceof TrainingEvent.Iteration;
        synchronized (out) {
            out.print(line);
            out.print('\n');
            long now = System.nanoTime();
            if (!iteration || now - lastFlushNanos >= ITERATION_FLUSH_NANOS) {
                out.flush();
                lastFlushNanos = now;
            }
        }
    }
}
