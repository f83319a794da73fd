package org.layercanvas.runtime.train;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.compile.CompileException;
import org.layercanvas.runtime.compile.CompiledGraph;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.device.DeviceChoice;
import org.layercanvas.runtime.device.Devices;
import org.layercanvas.runtime.device.MemoryBudget;
import org.layercanvas.runtime.device.MemoryEstimate;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.TextDatasets;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DataMessages;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.PreparedData;
import org.layercanvas.runtime.data.download.CancelledException;
import org.layercanvas.runtime.engine.EnginePreference;
import org.layercanvas.runtime.engine.Engines;
import org.layercanvas.runtime.engine.KernelTime;
import org.layercanvas.runtime.engine.StepTimes;
import org.layercanvas.runtime.engine.TrainingEngine;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training run of a document: compiles it, loads and splits its dataset, trains epoch by epoch and reports
 * {@link TrainingEvent}s to a listener. {@link #run()} works on the calling thread; {@link #start()} on a thread
 * of its own. {@link #requestStop()} and {@link #requestPause()} take effect before the next minibatch; a paused run
 * waits between two minibatches until {@link #resume()} or {@link #requestStop()}.
 *
 * <p>The session prepares the run (device, memory check, compilation, data) and reports its end; the epochs run in
 * an {@code EpochLoop}, written out rather than delegated to {@code ComputationGraph.fit(iterator)} so that stop,
 * divergence and learning-rate changes act between two minibatches and every event carries exact numbers.
 * {@code PauseControl} carries the stop and pause requests to the training thread.
 */
public final class TrainingSession {
    private final NetworkDocument document;
    private final Options options;
    private final TrainingListener listener;
    private final PauseControl pause = new PauseControl();
    private volatile ComputationGraph model;
    private volatile CompiledGraph compiled;
    private volatile BatchSource trainSource;
    private volatile BatchSource testSource;
    private volatile TextDatasets.Vocabulary vocabulary;
    /** The memory estimate against the device's budget, in words, for the Started event. */
    private volatile String memory;
    private volatile StepTimes engineTimes;
    private volatile List<KernelTime> kernelProfile = List.of();
    /** The minibatch loop, once training has begun (for {@link #loopTimes()}). */
    private volatile EpochLoop loop;
    private volatile java.nio.file.Path initialWeights;

    /**
     * @param device   {@code auto}, {@code cpu} or {@code gpu}
     * @param threads  native threads for the run; 0 lets {@link ThreadPolicy} choose from the network's size
     * @param evaluate whether a normal end is followed by a {@link TrainingEvent.Evaluation} event (the
     *                 {@link Result} carries the evaluation either way)
     * @param data     where datasets are found and whether missing downloads may be fetched
     * @param engine   which engine trains: the compiled plan where it covers the network, or DL4J
     * @param boundaryMillis for a classifier of two input features, a {@link TrainingEvent.Boundary} at most this
     *                 often (and after every epoch); 0 for none
     */
    public record Options(String device, int threads, boolean evaluate, DataContext data, EnginePreference engine,
                          int boundaryMillis) {
        public static final Options DEFAULT =
                new Options(org.layercanvas.runtime.device.DeviceRequest.AUTO.toString(), 0);

        public Options {
            if (boundaryMillis < 0) {
                throw new IllegalArgumentException("boundaryMillis must be 0 or more: " + boundaryMillis);
            }
            data = data == null ? DataContext.offline() : data;
            engine = engine == null ? EnginePreference.fromSystemProperty() : engine;
        }

        /** Options with the engine from the {@code layercanvas.engine} system property (auto by default). */
        public Options(String device, int threads, boolean evaluate, DataContext data) {
            this(device, threads, evaluate, data, null);
        }

        public Options(String device, int threads, boolean evaluate, DataContext data, EnginePreference engine) {
            this(device, threads, evaluate, data, engine, 0);
        }

        public Options withEngine(EnginePreference preference) {
            return new Options(device, threads, evaluate, data, preference, boundaryMillis);
        }

        /** These options with decision-boundary events at most every {@code millis} ms (0: none). */
        public Options withBoundaryMillis(int millis) {
            return new Options(device, threads, evaluate, data, engine, millis);
        }

        /** Options that find datasets offline in the standard cache. */
        public Options(String device, int threads, boolean evaluate) {
            this(device, threads, evaluate, null);
        }

        /** Options without the evaluation event. */
        public Options(String device, int threads) {
            this(device, threads, false);
        }
    }

    /**
     * How a run ended: exactly one of {@code finished} / {@code failed} is set; the model may be null.
     *
     * @param evaluation the model on the test split when the run finished normally, else null
     * @param testSet    the test split the evaluation's example indices point into (null when the run failed
     *                   before the dataset was split)
     */
    public record Result(TrainingEvent.Finished finished, TrainingEvent.Failed failed, ComputationGraph model,
                         CompiledGraph compiled, TrainingEvent.Evaluation evaluation, BatchSource testSet) {
        public boolean succeeded() {
            return finished != null;
        }

        /**
         * Test example {@code index} (as in {@link TrainingEvent.Evaluation#examples()}): its flat row-major
         * features as the network received them (after preprocessing).
         */
        public float[] testExample(int index) {
            float[] row = new float[testSet.featureCount()];
            testSet.features(index, row, 0);
            return row;
        }

        /** The true class of test example {@code index}. */
        public int testLabel(int index) {
            return testSet.label(index);
        }
    }

    public TrainingSession(NetworkDocument document, Options options, TrainingListener listener) {
        this.document = document;
        this.options = options;
        this.listener = listener;
    }

    /**
     * Starts the run from the weights in {@code weights} (an imported model's kept weights file, see
     * {@link org.layercanvas.runtime.interop.imports.WeightLoader}) instead of freshly initialised ones. Weights that
     * do not fit the network fail the run (code {@code compile}) before the first minibatch. Call before the run.
     */
    public TrainingSession startingFrom(java.nio.file.Path weights) {
        this.initialWeights = weights;
        return this;
    }

    /** Asks the run to stop; it evaluates the model trained so far and finishes with reason {@code stopped}. */
    public void requestStop() {
        pause.requestStop();
    }

    /**
     * Asks the run to pause before its next minibatch; it reports {@link TrainingEvent.Paused} and waits. Does
     * nothing when the run is already paused or over.
     */
    public void requestPause() {
        pause.requestPause();
    }

    /**
     * Step mode: a paused run learns from one more minibatch, reporting {@link TrainingEvent.Health} for it first,
     * and pauses again; a running run pauses.
     */
    public void step() {
        pause.step();
    }

    /** Lets a paused run go on (it reports {@link TrainingEvent.Resumed}), or cancels a pause not yet taken. */
    public void resume() {
        pause.resume();
    }

    /** Whether a pause was requested and not yet resumed (the run may still be finishing its minibatch). */
    public boolean isPauseRequested() {
        return pause.isPauseRequested();
    }

    /**
     * The test split of a document's dataset, exactly as a session splits it: what the indices of an
     * {@link TrainingEvent.Evaluation} received from another process point into.
     */
    public static BatchSource testSplit(NetworkDocument document, DataContext data)
            throws DatasetException, CancelledException {
        if (document.dataset() == null) {
            throw new DatasetException(TrainMessages.format("train.noDataset"));
        }
        return DatasetLoader.prepare(document.dataset(), inputShapeOf(document), data).test();
    }

    /** The shape of the document's Input node, or null when it has none or it cannot be inferred. */
    static TensorShape inputShapeOf(NetworkDocument document) {
        return new ShapeInference(LayerCatalog.standard()).analyze(document)
                .inputShape(document).orElse(null);
    }

    /**
     * Runs {@code action} on the model if the run is paused right now, keeping it paused until the action returns
     * (a {@link #resume()} meanwhile takes effect afterwards). Lets another thread predict with or save a paused
     * model safely: DL4J models are not safe to use while {@code fit} runs.
     *
     * @return whether the run was paused and the action ran
     */
    public boolean whilePaused(Consumer<ComputationGraph> action) {
        return pause.whilePaused(model, action);
    }

    /** The compiled document, once compilation succeeded. */
    public CompiledGraph compiled() {
        return compiled;
    }

    /** For text data, the run's vocabulary (for typed sentences), made once when the data is loaded; else null. */
    public TextDatasets.Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The training split as the network sees it, once the data is loaded (for drawn inputs); else null. */
    public BatchSource trainSource() {
        return trainSource;
    }

    /** The test split as the network sees it, once the data is loaded (for the playground's test images); else null. */
    public BatchSource testSource() {
        return testSource;
    }

    /**
     * Where the minibatch loop's time went so far: waiting for batches, the engine's parts, reporting events. Read it
     * on the training thread (a listener) for exact numbers between two minibatches.
     */
    public LoopTimes loopTimes() {
        StepTimes t = engineTimes;
        EpochLoop l = loop;
        EpochLoop.Counters c = l == null ? EpochLoop.Counters.NONE : l.counters();
        return new LoopTimes(c.steps(), c.loopNanos(), c.dataNanos(), c.eventNanos(), t == null ? 0 : t.inputNanos(),
                t == null ? 0 : t.forwardNanos(), t == null ? 0 : t.backwardNanos(), t == null ? 0 : t.updateNanos(),
                t != null && t.split());
    }

    /**
     * Cumulative nanoseconds of the minibatch loop by part. {@code loop} is the whole loop (minus pauses); the rest
     * of it is {@code loop - data - input - forward - backward - update - events} (the session's own bookkeeping).
     * When {@code split} is false the engine reports forward, backward and update together as {@code forward}.
     */
    public record LoopTimes(long steps, long loop, long data, long events, long input, long forward, long backward,
                            long update, boolean split) {
        public LoopTimes minus(LoopTimes o) {
            return new LoopTimes(steps - o.steps, loop - o.loop, data - o.data, events - o.events, input - o.input,
                    forward - o.forward, backward - o.backward, update - o.update, split);
        }
    }

    /** Per-kernel times of the run's engine, when profiling was asked for (after the run). */
    public List<KernelTime> kernelProfile() {
        return kernelProfile;
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

    /**
     * Trains to the end, a stop request or a failure; every outcome is also reported as an event. A normal end is
     * evaluated on the test split ({@link Result#evaluation()}), reported after {@link TrainingEvent.Finished} when
     * {@link Options#evaluate()} is set.
     */
    public Result run() {
        long wallStart = System.nanoTime();
        try {
            DeviceChoice device = chooseDevice();
            CompiledGraph c = compile();
            device = confirmDevice(device);
            PreparedData data = prepareData(c);
            trainSource = data.train();
            testSource = data.test();
            vocabulary = data.vocabulary().isEmpty() ? null : TextDatasets.Vocabulary.of(data.vocabulary());
            return train(c, data, device, wallStart);
        } catch (RunFailure f) {
            if (f.getCause() != null) {
                // A bug, not a student's mistake: the student sees the message, whoever fixes it needs the trace
                // (stderr: the command line's, or the worker's, which the app keeps with a crash report).
                f.getCause().printStackTrace();
            }
            return fail(f.code, f.getMessage(), 0, 0, compiled);
        }
    }

    /** Why a run cannot begin or go on; becomes its {@link TrainingEvent.Failed} event. */
    private static final class RunFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final FailureCode code;

        RunFailure(FailureCode code, String message) {
            this(code, message, null);
        }

        /** @param cause an unexpected exception behind the failure, kept so that its stack trace can be printed */
        RunFailure(FailureCode code, String message, Throwable cause) {
            super(message, cause, false, false);
            this.code = code;
        }
    }

    /**
     * The device to train on, and before DL4J allocates anything a check that the network fits it: a network too
     * big for the device is refused with numbers, not a crash.
     */
    private DeviceChoice chooseDevice() throws RunFailure {
        DeviceChoice device;
        try {
            device = Devices.choose(options.device());
        } catch (DeviceChoice.UnavailableException e) {
            throw new RunFailure(FailureCode.DEVICE, e.getMessage());
        }
        MemoryEstimate estimate = MemoryEstimate.of(document,
                new ShapeInference(LayerCatalog.standard()).analyze(document), device.isGpu());
        MemoryBudget budget = MemoryBudget.of(device);
        if (budget.fit(estimate) == MemoryBudget.Fit.TOO_BIG) {
            throw new RunFailure(FailureCode.OUT_OF_MEMORY, budget.refusal(estimate));
        }
        memory = budget.describe(estimate);
        return device;
    }

    private CompiledGraph compile() throws RunFailure {
        try {
            compiled = new GraphCompiler(LayerCatalog.standard()).compile(document);
            return compiled;
        } catch (CompileException e) {
            String first = e.diagnostics().isEmpty() ? e.getMessage()
                    : TrainMessages.format("train.compileError", e.diagnostics().get(0).location(),
                    e.diagnostics().get(0).message());
            throw new RunFailure(FailureCode.COMPILE, first);
        }
    }

    /** The device as ND4J loaded it (a GPU whose backend did not start may become the CPU), selected for use. */
    private DeviceChoice confirmDevice(DeviceChoice chosen) throws RunFailure {
        DeviceChoice device;
        try {
            device = Devices.confirm(chosen, options.device(), Nd4j.getBackend().getClass().getSimpleName());
        } catch (DeviceChoice.UnavailableException e) {
            throw new RunFailure(FailureCode.DEVICE, e.getMessage());
        }
        if (device.isGpu() && device.gpuIndex() > 0) {
            Nd4j.getAffinityManager().unsafeSetDevice(device.gpuIndex());
        }
        return device;
    }

    /** The document's dataset, loaded and split, checked to have training examples that feed the Input. */
    private PreparedData prepareData(CompiledGraph c) throws RunFailure {
        if (document.dataset() == null) {
            throw new RunFailure(FailureCode.DATASET, TrainMessages.format("train.noDataset"));
        }
        PreparedData data;
        try {
            data = DatasetLoader.prepare(document.dataset(), c.inputShape(), options.data());
        } catch (DatasetException e) {
            throw new RunFailure(FailureCode.DATASET, e.getMessage());
        } catch (CancelledException e) {
            throw new RunFailure(FailureCode.CANCELLED, e.getMessage());
        } catch (OutOfMemoryError e) {
            throw new RunFailure(FailureCode.OUT_OF_MEMORY, TrainMessages.format("train.outOfMemoryLoading"));
        }
        if (data.train().size() == 0) {
            throw new RunFailure(FailureCode.DATASET, TrainMessages.format("train.emptyTrainingSplit"));
        }
        if (!data.feeds(c.inputShape())) {
            throw new RunFailure(FailureCode.DATASET, DataMessages.format("sanity.shapeMismatch",
                    c.inputShape().label(), data.shapes().get(0).label(),
                    String.join(", ", data.shapes().stream().map(TensorShape::label).toList())));
        }
        return data;
    }

    /** Builds the model and the engine and trains; a failure on the way is the run's failure. */
    private Result train(CompiledGraph c, PreparedData data, DeviceChoice device, long wallStart) throws RunFailure {
        try {
            TrainingSettings t = document.training();
            int threads = options.threads() > 0 ? options.threads() : ThreadPolicy.choose(document, c.analysis());
            Threads.set(threads);
            Nd4j.getRandom().setSeed(t.seed());
            ComputationGraph graph = new ComputationGraph(c.configuration());
            graph.init();
            loadInitialWeights(graph);
            model = graph;
            Engines.Choice choice = Engines.choose(options.engine(), c, document, graph, device.isGpu());
            try (TrainingEngine engine = choice.engine()) {
                engineTimes = engine.times();
                try {
                    return train(engine, choice.reason(), c, data, device, wallStart);
                } finally {
                    kernelProfile = engine.kernelProfile();
                }
            }
        } catch (OutOfMemoryError e) {
            throw new RunFailure(FailureCode.OUT_OF_MEMORY, TrainMessages.format("train.outOfMemory"));
        } catch (RuntimeException e) {
            throw new RunFailure(FailureCode.INTERNAL, TrainMessages.format("train.internal", e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunFailure(FailureCode.INTERNAL, TrainMessages.format("train.interrupted"));
        }
    }

    private void loadInitialWeights(ComputationGraph graph) throws RunFailure {
        java.nio.file.Path weights = initialWeights;
        if (weights == null) {
            return;
        }
        try {
            org.layercanvas.runtime.interop.imports.WeightLoader.load(graph, document, weights);
        } catch (org.layercanvas.runtime.interop.imports.ImportException e) {
            throw new RunFailure(FailureCode.COMPILE, TrainMessages.format("train.weights", e.getMessage()));
        }
    }

    private Result train(TrainingEngine engine, String engineReason, CompiledGraph c, PreparedData data,
                         DeviceChoice device, long wallStart) throws InterruptedException {
        TrainingSettings t = document.training();
        EpochLoop epochs = new EpochLoop(t, engine, c.inputShape(), c.outputUnits(), c.outputName(), data, listener,
                pause);
        if (options.boundaryMillis() > 0) {
            epochs.probeBoundary(BoundaryProbe.forRun(engine.graph(), c.outputName(), c.inputShape(), data.train(),
                    t.seed()), options.boundaryMillis());
        }
        loop = epochs;
        listener.onEvent(new TrainingEvent.Started(Nd4j.getBackend().getClass().getSimpleName(), device.device(),
                device.reason(), Threads.current(), dl4jVersion(),
                System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), engine.graph().numParams(), data.train().size(),
                data.validation().size(), data.test().size(), t.epochs(), t.batchSize(), t.seed(), engine.kind().id(),
                engineReason, data.loadFindings(), memory));
        EpochLoop.Outcome outcome = epochs.run();
        if (outcome.divergence() != null) {
            EpochLoop.Divergence d = outcome.divergence();
            return fail(FailureCode.DIVERGED, d.message(), d.epoch(), d.iteration(), c);
        }
        BatchSource test = data.test();
        TrainingEvent.Evaluation evaluation = ModelReports.evaluate(engine.graph(), test, c.inputShape(),
                c.outputUnits());
        double wall = (System.nanoTime() - wallStart) / 1e9;
        TrainingEvent.Finished finished = new TrainingEvent.Finished(outcome.reason(), outcome.epochsDone(),
                outcome.iterations(), evaluation.testLoss(), evaluation.testAccuracy(), outcome.samplesPerSecond(),
                wall, device.device());
        listener.onEvent(finished);
        if (options.evaluate()) {
            listener.onEvent(evaluation);
        }
        return new Result(finished, null, engine.graph(), c, evaluation, test);
    }

    private Result fail(FailureCode code, String message, int epoch, int iteration, CompiledGraph c) {
        TrainingEvent.Failed failed = new TrainingEvent.Failed(code, message, epoch, iteration);
        listener.onEvent(failed);
        return new Result(null, failed, model, c, null, null);
    }

    static String dl4jVersion() {
        Package p = ComputationGraph.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? org.layercanvas.runtime.RuntimeInfo.dl4jVersion() : v;
    }
}
