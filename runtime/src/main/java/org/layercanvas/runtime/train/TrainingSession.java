package org.layercanvas.runtime.train;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.compile.CompileException;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.Examples;
import org.layercanvas.runtime.data.SplitExamples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training run of a document: compiles it, loads and splits its dataset, trains epoch by epoch and reports
 * {@link TrainingEvent}s to a listener. {@link #run()} works on the calling thread; {@link #start()} on a thread
 * of its own. {@link #requestStop()} takes effect before the next minibatch.
 *
 * <p>The loop is written out here rather than delegated to {@code ComputationGraph.fit(iterator)} so that stop,
 * divergence and learning-rate changes act between two minibatches and every event carries exact numbers.
 */
public final class TrainingSession {
    private final NetworkDocument document;
    private final Options options;
    private final TrainingListener listener;
    private volatile boolean stopRequested;
    private volatile ComputationGraph model;

    /**
     * @param device  {@code auto}, {@code cpu} or {@code gpu}
     * @param threads ND4J threads for the run; 0 leaves ND4J's default
     */
    public record Options(String device, int threads) {
        public static final Options DEFAULT = new Options("auto", 0);
    }

    /** How a run ended: exactly one of {@code finished} / {@code failed} is set; the model may be null. */
    public record Result(TrainingEvent.Finished finished, TrainingEvent.Failed failed, ComputationGraph model,
                         CompiledGraph compiled) {
        public boolean succeeded() {
            return finished != null;
        }
    }

    public TrainingSession(NetworkDocument document, Options options, TrainingListener listener) {
        this.document = document;
        this.options = options;
        this.listener = listener;
    }

    /** Asks the run to stop; it evaluates the model trained so far and finishes with reason {@code stopped}. */
    public void requestStop() {
        stopRequested = true;
    }

    /** The model being trained, once it exists. */
    public ComputationGraph model() {
        return model;
    }

    /** Runs on a new daemon thread. */
    public CompletableFuture<Result> start() {
        CompletableFuture<Result> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(run());
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "layercanvas-training");
        t.setDaemon(true);
        t.start();
        return future;
    }

    /** Trains to the end, a stop request or a failure; every outcome is also reported as an event. */
    public Result run() {
        long wallStart = System.nanoTime();
        DeviceChoice device;
        try {
            device = DeviceChoice.choose(options.device());
        } catch (DeviceChoice.UnavailableException e) {
            return fail("device", e.getMessage(), 0, 0, null);
        }
        CompiledGraph compiled;
        try {
            compiled = new GraphCompiler(LayerCatalog.standard()).compile(document);
        } catch (CompileException e) {
            String first = e.diagnostics().isEmpty() ? e.getMessage()
                    : e.diagnostics().get(0).location() + ": " + e.diagnostics().get(0).message();
            return fail("compile", first, 0, 0, null);
        }
        if (document.dataset() == null) {
            return fail("dataset", "no dataset is chosen for this network", 0, 0, compiled);
        }
        SplitExamples split;
        try {
            Examples all = DatasetLoader.load(document.dataset());
            split = SplitExamples.split(all, document.dataset().split(), document.dataset().seed());
        } catch (DatasetException e) {
            return fail("dataset", e.getMessage(), 0, 0, compiled);
        }
        if (split.train().size() == 0) {
            return fail("dataset", "the training split is empty", 0, 0, compiled);
        }
        try {
            return train(compiled, split, device, wallStart);
        } catch (OutOfMemoryError e) {
            return fail("out-of-memory", "out of memory: use a smaller batch size or a smaller network", 0, 0,
                    compiled);
        } catch (RuntimeException e) {
            return fail("internal", "training failed inside DL4J: " + e, 0, 0, compiled);
        }
    }

    private Result train(CompiledGraph compiled, SplitExamples split, DeviceChoice device, long wallStart) {
        TrainingSettings t = document.training();
        if (options.threads() > 0) {
            Threads.set(options.threads());
        }
        Nd4j.getRandom().setSeed(t.seed());
        ComputationGraph graph = new ComputationGraph(compiled.configuration());
        graph.init();
        model = graph;

        DataType type = DataType.FLOAT;
        DataSet train = Tensors.dataSet(split.train(), compiled.inputShape(), compiled.outputUnits(), type);
        DataSet validation = Tensors.dataSet(split.validation(), compiled.inputShape(), compiled.outputUnits(), type);
        DataSet test = Tensors.dataSet(split.test(), compiled.inputShape(), compiled.outputUnits(), type);

        listener.onEvent(new TrainingEvent.Started(Nd4j.getBackend().getClass().getSimpleName(), device.device(),
                device.reason(), Threads.current(), dl4jVersion(),
                System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), graph.numParams(), split.train().size(),
                split.validation().size(), split.test().size(), t.epochs(), t.batchSize(), t.seed()));

        int iteration = 0;
        int epochsDone = 0;
        long fitNanos = 0;
        long samplesSeen = 0;
        double bestMonitored = Double.POSITIVE_INFINITY;
        int epochsWithoutImprovement = 0;
        String reason = "completed";
        Random order = new Random(t.seed());

        for (int epoch = 0; epoch < t.epochs() && !stopRequested; epoch++) {
            double rate = t.schedule().rateAt(t.learningRate(), epoch, t.epochs());
            long epochStart = System.nanoTime();
            train.shuffle(order.nextLong());
            List<DataSet> batches = train.batchBy(t.batchSize());
            double lossSum = 0;
            int lossCount = 0;
            for (DataSet batch : batches) {
                if (stopRequested) {
                    reason = "stopped";
                    break;
                }
                long s = System.nanoTime();
                graph.fit(batch);
                long dt = System.nanoTime() - s;
                iteration++;
                int n = batch.numExamples();
                samplesSeen += n;
                double loss = graph.score();
                if (!Double.isFinite(loss)) {
                    String message = String.format(Locale.ROOT, "training diverged: the loss became %s in epoch %d,"
                            + " minibatch %d. Try a lower learning rate (now %s), normalise the inputs, or"
                            + " enable gradient clipping.", loss, epoch + 1, iteration, rate);
                    return fail("diverged", message, epoch + 1, iteration, compiled);
                }
                lossSum += loss;
                lossCount++;
                listener.onEvent(new TrainingEvent.Iteration(iteration, epoch + 1, loss, rate, n / (dt / 1e9)));
            }
            // Throughput counts the whole minibatch loop (shuffling, batching, events), not only fit().
            long epochLoopNanos = System.nanoTime() - epochStart;
            fitNanos += epochLoopNanos;
            if (lossCount == 0) {
                break;
            }
            boolean complete = lossCount == batches.size();
            if (complete) {
                epochsDone++;
                // The learning-rate schedule is per epoch (see GraphCompiler); fit(DataSet) does not count epochs.
                graph.incrementEpochCount();
            }
            Metrics onTrain = Metrics.of(graph, train);
            Metrics onValidation = Metrics.of(graph, validation);
            double seconds = (System.nanoTime() - epochStart) / 1e9;
            listener.onEvent(new TrainingEvent.Epoch(epoch + 1, lossSum / lossCount, onTrain.accuracy(),
                    onValidation.loss(), onValidation.accuracy(), rate, seconds,
                    complete ? train.numExamples() / (epochLoopNanos / 1e9)
                            : Double.NaN));
            if (t.earlyStoppingPatience() > 0) {
                double monitored = Double.isNaN(onValidation.loss()) ? lossSum / lossCount : onValidation.loss();
                if (monitored < bestMonitored - 1e-9) {
                    bestMonitored = monitored;
                    epochsWithoutImprovement = 0;
                } else if (++epochsWithoutImprovement >= t.earlyStoppingPatience()) {
                    reason = "early-stopped";
                    break;
                }
            }
        }
        if (stopRequested) {
            reason = "stopped";
        }
        Metrics onTest = Metrics.of(graph, test);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double throughput = fitNanos == 0 ? 0 : samplesSeen / (fitNanos / 1e9);
        TrainingEvent.Finished finished = new TrainingEvent.Finished(reason, epochsDone, iteration, onTest.loss(),
                onTest.accuracy(), throughput, wall, device.device());
        listener.onEvent(finished);
        return new Result(finished, null, graph, compiled);
    }

    private Result fail(String code, String message, int epoch, int iteration, CompiledGraph compiled) {
        TrainingEvent.Failed failed = new TrainingEvent.Failed(code, message, epoch, iteration);
        listener.onEvent(failed);
        return new Result(null, failed, model, compiled);
    }

    static String dl4jVersion() {
        Package p = ComputationGraph.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? org.layercanvas.runtime.RuntimeInfo.dl4jVersion() : v;
    }
}
