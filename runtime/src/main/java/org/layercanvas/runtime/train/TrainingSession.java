package org.layercanvas.runtime.train;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DataMessages;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.Minibatch;
import org.layercanvas.runtime.data.PreparedData;
import org.layercanvas.runtime.data.SplitExamples;
import org.layercanvas.runtime.data.StreamingIterator;
import org.layercanvas.runtime.data.download.CancelledException;
import org.layercanvas.runtime.engine.EnginePreference;
import org.layercanvas.runtime.engine.Engines;
import org.layercanvas.runtime.engine.StepTimes;
import org.layercanvas.runtime.engine.TrainingEngine;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training run of a document: compiles it, loads and splits its dataset, trains epoch by epoch and reports
 * {@link TrainingEvent}s to a listener. {@link #run()} works on the calling thread; {@link #start()} on a thread
 * of its own. {@link #requestStop()} and {@link #requestPause()} take effect before the next minibatch; a paused run
 * waits between two minibatches until {@link #resume()} or {@link #requestStop()}.
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
    private final Object pauseLock = new Object();
    /** Guarded by {@link #pauseLock}. */
    private boolean pauseRequested;
    /** Guarded by {@link #pauseLock}: the training thread is parked in a pause and does not touch the model. */
    private boolean parked;
    private volatile CompiledGraph compiled;
    /** The memory estimate against the device's budget, in words, for the Started event. */
    private volatile String memory;
    private volatile StepTimes engineTimes;
    private volatile java.util.List<org.layercanvas.runtime.engine.KernelTime> kernelProfile = java.util.List.of();
    /** Time the training loop waited for minibatches, and spent reporting iteration events (for benchmarks). */
    private volatile long dataNanos;
    private volatile long eventNanos;
    private volatile long loopNanos;
    private volatile long steps;

    /**
     * @param device   {@code auto}, {@code cpu} or {@code gpu}
     * @param threads  native threads for the run; 0 lets {@link ThreadPolicy} choose from the network's size
     * @param evaluate whether a normal end is followed by a {@link TrainingEvent.Evaluation} event (the
     *                 {@link Result} carries the evaluation either way)
     * @param data     where datasets are found and whether missing downloads may be fetched
     * @param engine   which engine trains: the compiled plan where it covers the network, or DL4J
     */
    public record Options(String device, int threads, boolean evaluate, DataContext data, EnginePreference engine) {
        public static final Options DEFAULT =
                new Options(org.layercanvas.runtime.device.DeviceRequest.AUTO.toString(), 0);

        public Options {
            data = data == null ? DataContext.offline() : data;
            engine = engine == null ? EnginePreference.fromSystemProperty() : engine;
        }

        /** Options with the engine from the {@code layercanvas.engine} system property (auto by default). */
        public Options(String device, int threads, boolean evaluate, DataContext data) {
            this(device, threads, evaluate, data, null);
        }

        public Options withEngine(EnginePreference preference) {
            return new Options(device, threads, evaluate, data, preference);
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

    /** Asks the run to stop; it evaluates the model trained so far and finishes with reason {@code stopped}. */
    public void requestStop() {
        stopRequested = true;
        synchronized (pauseLock) {
            pauseLock.notifyAll();
        }
    }

    /**
     * Asks the run to pause before its next minibatch; it reports {@link TrainingEvent.Paused} and waits. Does
     * nothing when the run is already paused or over.
     */
    public void requestPause() {
        synchronized (pauseLock) {
            pauseRequested = true;
        }
    }

    /** Lets a paused run go on (it reports {@link TrainingEvent.Resumed}), or cancels a pause not yet taken. */
    public void resume() {
        synchronized (pauseLock) {
            pauseRequested = false;
            pauseLock.notifyAll();
        }
    }

    /** Whether a pause was requested and not yet resumed (the run may still be finishing its minibatch). */
    public boolean isPauseRequested() {
        synchronized (pauseLock) {
            return pauseRequested;
        }
    }

    /**
     * The test split of a document's dataset, exactly as a session splits it: what the indices of an
     * {@link TrainingEvent.Evaluation} received from another process point into.
     */
    public static BatchSource testSplit(NetworkDocument document, DataContext data)
            throws DatasetException, CancelledException {
        if (document.dataset() == null) {
            throw new DatasetException("no dataset is chosen for this network");
        }
        return DatasetLoader.prepare(document.dataset(), inputShapeOf(document), data).test();
    }

    /** The shape of the document's Input node, or null when it has none or it cannot be inferred. */
    static TensorShape inputShapeOf(NetworkDocument document) {
        return new org.layercanvas.model.shape.ShapeInference(LayerCatalog.standard()).analyze(document)
                .inputShape(document).orElse(null);
    }

    /**
     * Runs {@code action} on the model if the run is paused right now, keeping it paused until the action returns
     * (a {@link #resume()} meanwhile takes effect afterwards). Lets another thread predict with or save a paused
     * model safely: DL4J models are not safe to use while {@code fit} runs.
     *
     * @return whether the run was paused and the action ran
     */
    public boolean whilePaused(java.util.function.Consumer<ComputationGraph> action) {
        synchronized (pauseLock) {
            if (!parked || model == null) {
                return false;
            }
            action.accept(model);
            return true;
        }
    }

    /** The compiled document, once compilation succeeded. */
    public CompiledGraph compiled() {
        return compiled;
    }

    /**
     * Where the minibatch loop's time went so far: waiting for batches, the engine's parts, reporting events. Read it
     * on the training thread (a listener) for exact numbers between two minibatches.
     */
    public LoopTimes loopTimes() {
        StepTimes t = engineTimes;
        return new LoopTimes(steps, loopNanos, dataNanos, eventNanos, t == null ? 0 : t.inputNanos(),
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
    public java.util.List<org.layercanvas.runtime.engine.KernelTime> kernelProfile() {
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
        DeviceChoice device;
        try {
            device = Devices.choose(options.device());
        } catch (DeviceChoice.UnavailableException e) {
            return fail(FailureCode.DEVICE, e.getMessage(), 0, 0, null);
        }
        // Before DL4J allocates anything: a network too big for the device is refused with numbers, not a crash.
        MemoryEstimate estimate = MemoryEstimate.of(document,
                new ShapeInference(LayerCatalog.standard()).analyze(document), device.isGpu());
        MemoryBudget budget = MemoryBudget.of(device);
        if (budget.fit(estimate) == MemoryBudget.Fit.TOO_BIG) {
            return fail(FailureCode.OUT_OF_MEMORY, budget.refusal(estimate), 0, 0, null);
        }
        memory = budget.describe(estimate);
        CompiledGraph compiled;
        try {
            compiled = new GraphCompiler(LayerCatalog.standard()).compile(document);
            this.compiled = compiled;
        } catch (CompileException e) {
            String first = e.diagnostics().isEmpty() ? e.getMessage()
                    : e.diagnostics().get(0).location() + ": " + e.diagnostics().get(0).message();
            return fail(FailureCode.COMPILE, first, 0, 0, null);
        }
        try {
            device = Devices.confirm(device, options.device(), Nd4j.getBackend().getClass().getSimpleName());
        } catch (DeviceChoice.UnavailableException e) {
            return fail(FailureCode.DEVICE, e.getMessage(), 0, 0, compiled);
        }
        if (device.isGpu() && device.gpuIndex() > 0) {
            Nd4j.getAffinityManager().unsafeSetDevice(device.gpuIndex());
        }
        if (document.dataset() == null) {
            return fail(FailureCode.DATASET, text("train.noDataset"), 0, 0, compiled);
        }
        PreparedData data;
        try {
            data = DatasetLoader.prepare(document.dataset(), compiled.inputShape(), options.data());
        } catch (DatasetException e) {
            return fail(FailureCode.DATASET, e.getMessage(), 0, 0, compiled);
        } catch (CancelledException e) {
            return fail(FailureCode.CANCELLED, e.getMessage(), 0, 0, compiled);
        } catch (OutOfMemoryError e) {
            return fail(FailureCode.OUT_OF_MEMORY, text("train.outOfMemoryLoading"), 0, 0, compiled);
        }
        if (data.train().size() == 0) {
            return fail(FailureCode.DATASET, text("train.emptyTrainingSplit"), 0, 0, compiled);
        }
        if (!data.feeds(compiled.inputShape())) {
            return fail(FailureCode.DATASET, DataMessages.format("sanity.shapeMismatch", compiled.inputShape().label(),
                    data.shapes().get(0).label(),
                    String.join(", ", data.shapes().stream().map(TensorShape::label).toList())), 0, 0, compiled);
        }
        try {
            return train(compiled, data, device, wallStart);
        } catch (OutOfMemoryError e) {
            return fail(FailureCode.OUT_OF_MEMORY, text("train.outOfMemory"), 0, 0,
                    compiled);
        } catch (RuntimeException e) {
            return fail(FailureCode.INTERNAL, text("train.internal", e), 0, 0, compiled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(FailureCode.INTERNAL, text("train.interrupted"), 0, 0, compiled);
        }
    }

    private Result train(CompiledGraph compiled, PreparedData data, DeviceChoice device, long wallStart)
            throws InterruptedException {
        TrainingSettings t = document.training();
        int threads = options.threads() > 0 ? options.threads() : ThreadPolicy.choose(document, compiled.analysis());
        Threads.set(threads);
        Nd4j.getRandom().setSeed(t.seed());
        ComputationGraph graph = new ComputationGraph(compiled.configuration());
        graph.init();
        model = graph;
        Engines.Choice choice = Engines.choose(options.engine(), compiled, document, graph, device.isGpu());
        try (TrainingEngine engine = choice.engine()) {
            engineTimes = engine.times();
            try {
                return train(engine, choice.reason(), compiled, data, device, wallStart);
            } finally {
                kernelProfile = engine.kernelProfile();
            }
        }
    }

    private Result train(TrainingEngine engine, String engineReason, CompiledGraph compiled, PreparedData data,
                         DeviceChoice device, long wallStart) throws InterruptedException {
        TrainingSettings t = document.training();
        ComputationGraph graph = engine.graph();
        TensorShape shape = compiled.inputShape();
        int units = compiled.outputUnits();
        BatchSource trainSource = data.train();
        BatchSource validation = data.validation();
        BatchSource test = data.test();
        // Training accuracy per epoch on a fixed sample, so that a large training set does not add a second pass.
        BatchSource trainSample = trainSource.size() <= TRAIN_METRICS_SAMPLE ? trainSource
                : BatchSource.subset(trainSource, java.util.Arrays.copyOf(
                        SplitExamples.shuffledOrder(trainSource.size(), t.seed()), TRAIN_METRICS_SAMPLE));

        listener.onEvent(new TrainingEvent.Started(Nd4j.getBackend().getClass().getSimpleName(), device.device(),
                device.reason(), Threads.current(), dl4jVersion(),
                System.getProperty("java.version"), System.getProperty("os.name") + " "
                + System.getProperty("os.arch"), graph.numParams(), trainSource.size(),
                validation.size(), test.size(), t.epochs(), t.batchSize(), t.seed(), engine.kind().id(),
                engineReason, data.loadFindings(), memory));

        int iteration = 0;
        int epochsDone = 0;
        long fitNanos = 0;
        long samplesSeen = 0;
        double bestMonitored = Double.POSITIVE_INFINITY;
        int epochsWithoutImprovement = 0;
        EndReason reason = EndReason.COMPLETED;

        try (StreamingIterator batches = StreamingIterator.builder(trainSource, shape).batchSize(t.batchSize())
                .shuffle(true).seed(t.seed()).augmentation(data.augmentation()).prefetch(prefetch(engine))
                .labelUnits(units).dataSets(engine.wantsDataSets()).build()) {
            for (int epoch = 0; epoch < t.epochs() && !stopRequested; epoch++) {
                double rate = t.schedule().rateAt(t.learningRate(), epoch, t.epochs());
                long epochStart = System.nanoTime();
                batches.setEpoch(epoch);
                double lossSum = 0;
                int lossCount = 0;
                long epochPausedNanos = 0;
                while (batches.hasNext()) {
                    if (stopRequested) {
                        reason = EndReason.STOPPED;
                        break;
                    }
                    long paused = pauseIfRequested(iteration, epoch + 1);
                    epochPausedNanos += paused;
                    if (stopRequested) {
                        reason = EndReason.STOPPED;
                        break;
                    }
                    long waitStart = System.nanoTime();
                    Minibatch batch = batches.nextMinibatch();
                    long s = System.nanoTime();
                    dataNanos += s - waitStart;
                    double loss = engine.fit(batch);
                    long dt = System.nanoTime() - s;
                    iteration++;
                    steps++;
                    int n = batch.size();
                    samplesSeen += n;
                    if (!Double.isFinite(loss)) {
                        String message = text("train.diverged", loss, epoch + 1, iteration, rate);
                        return fail(FailureCode.DIVERGED, message, epoch + 1, iteration, compiled);
                    }
                    lossSum += loss;
                    lossCount++;
                    long eventStart = System.nanoTime();
                    listener.onEvent(new TrainingEvent.Iteration(iteration, epoch + 1, loss, rate, n / (dt / 1e9)));
                    eventNanos += System.nanoTime() - eventStart;
                    loopNanos += System.nanoTime() - waitStart;
                }
                // Throughput counts the whole minibatch loop (waiting for batches, events), not only fit().
                long epochLoopNanos = System.nanoTime() - epochStart - epochPausedNanos;
                fitNanos += epochLoopNanos;
                if (lossCount == 0) {
                    break;
                }
                boolean complete = lossCount == batches.numBatches();
                if (complete) {
                    epochsDone++;
                    engine.epochEnded();
                }
                Metrics onTrain = Metrics.of(graph, trainSample, shape, units);
                Metrics onValidation = Metrics.of(graph, validation, shape, units);
                double seconds = (System.nanoTime() - epochStart - epochPausedNanos) / 1e9;
                listener.onEvent(new TrainingEvent.Epoch(epoch + 1, lossSum / lossCount, onTrain.accuracy(),
                        onValidation.loss(), onValidation.accuracy(), rate, seconds,
                        complete ? trainSource.size() / (epochLoopNanos / 1e9) : Double.NaN));
                listener.onEvent(histograms(graph, epoch + 1));
                if (t.earlyStoppingPatience() > 0) {
                    double monitored = Double.isNaN(onValidation.loss()) ? lossSum / lossCount : onValidation.loss();
                    if (monitored < bestMonitored - 1e-9) {
                        bestMonitored = monitored;
                        epochsWithoutImprovement = 0;
                    } else if (++epochsWithoutImprovement >= t.earlyStoppingPatience()) {
                        reason = EndReason.EARLY_STOPPED;
                        break;
                    }
                }
            }
        }
        if (stopRequested) {
            reason = EndReason.STOPPED;
        }
        TrainingEvent.Evaluation evaluation = evaluate(graph, test, shape, units);
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double throughput = fitNanos == 0 ? 0 : samplesSeen / (fitNanos / 1e9);
        TrainingEvent.Finished finished = new TrainingEvent.Finished(reason, epochsDone, iteration,
                evaluation.testLoss(), evaluation.testAccuracy(), throughput, wall, device.device());
        listener.onEvent(finished);
        if (options.evaluate()) {
            listener.onEvent(evaluation);
        }
        return new Result(finished, null, graph, compiled, evaluation, test);
    }

    /**
     * Histograms of every parameter array, named as DL4J names them ({@code layer_W}): split at the last
     * underscore into the document's node id and the parameter.
     */
    static TrainingEvent.Histograms histograms(ComputationGraph graph, int epoch) {
        List<TrainingEvent.Histogram> out = new java.util.ArrayList<>();
        for (java.util.Map.Entry<String, INDArray> e : graph.paramTable().entrySet()) {
            String key = e.getKey();
            int cut = key.lastIndexOf('_');
            String layer = cut > 0 ? key.substring(0, cut) : key;
            String param = cut > 0 ? key.substring(cut + 1) : "";
            // dup: a parameter is a view into the flat parameter buffer, whose data() is the whole buffer.
            float[] values = e.getValue().castTo(DataType.FLOAT).dup('c').data().asFloat();
            out.add(TrainingEvent.Histogram.of(layer, param, values, TrainingEvent.Histograms.BINS));
        }
        return new TrainingEvent.Histograms(epoch, out);
    }

    /** A failure text of this package's bundle, in the default locale (the worker's is the window's). */
    static String text(String key, Object... args) {
        return org.layercanvas.runtime.RuntimeTexts.format("org.layercanvas.runtime.train.messages",
                Locale.getDefault(), key, args);
    }

    /** Examples the per-epoch training accuracy is measured on, at most. */
    static final int TRAIN_METRICS_SAMPLE = 10_000;
    /**
     * Training batches prepared ahead on a prefetch thread. DL4J's engine gets them (its step is slow and it wants
     * DL4J DataSets, whose native allocation the prefetch thread then does). The plan makes its batches on the
     * training thread: making one costs microseconds, while handing batches between threads cost more than that
     * and the second busy thread slowed the first (measured on 2 cores, digits MLP: waiting 67 µs per batch with
     * prefetching, 23 µs making it inline, and every kernel faster). {@code -Dlayercanvas.prefetch=N} overrides.
     */
    static int prefetch(TrainingEngine engine) {
        Integer forced = Integer.getInteger("layercanvas.prefetch");
        if (forced != null) {
            return Math.max(0, forced);
        }
        return engine.wantsDataSets() ? 2 : 0;
    }


    /** Blocks while a pause is requested (and no stop); returns the nanoseconds spent paused. */
    private long pauseIfRequested(int iteration, int epoch) throws InterruptedException {
        synchronized (pauseLock) {
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
            synchronized (pauseLock) {
                while (pauseRequested && !stopRequested) {
                    pauseLock.wait();
                }
                parked = false;
            }
        } finally {
            synchronized (pauseLock) {
                parked = false;
            }
        }
        long paused = System.nanoTime() - start;
        if (!stopRequested) {
            listener.onEvent(new TrainingEvent.Resumed(iteration, epoch, paused / 1e9));
        }
        return paused;
    }

    /**
     * Loss, accuracy, confusion matrix and per-class numbers on the test split, from one forward pass in chunks.
     * A single output unit is binary (threshold 0.5); otherwise the arg-max is the predicted class.
     */
    static TrainingEvent.Evaluation evaluate(ComputationGraph graph, BatchSource test, TensorShape shape, int units) {
        int n = test.size();
        if (test.regression()) {
            Metrics m = Metrics.of(graph, test, shape, units);
            return TrainingEvent.Evaluation.of(new int[0], new int[0], List.of(), m.loss());
        }
        int classes = units == 1 ? 2 : units;
        List<String> names = test.classNames().size() == classes ? test.classNames()
                : java.util.stream.IntStream.range(0, classes).mapToObj(i -> "class " + i).toList();
        int[] truth = new int[n];
        int[] predicted = new int[n];
        double lossSum = 0;
        int start = 0;
        try (StreamingIterator it = StreamingIterator.builder(test, shape).batchSize(EVALUATION_CHUNK).shuffle(false)
                .prefetch(0).labelUnits(units).build()) {
            while (it.hasNext()) {
                DataSet part = it.next();
                int end = start + part.numExamples();
                lossSum += graph.score(part, false) * (end - start);
                INDArray out = graph.outputSingle(false, part.getFeatures());
                if (units == 1) {
                    for (int i = start; i < end; i++) {
                        predicted[i] = out.getDouble(i - start, 0) > 0.5 ? 1 : 0;
                        truth[i] = test.target(i) > 0.5 ? 1 : 0;
                    }
                } else {
                    long[] p = out.argMax(1).toLongVector();
                    for (int i = start; i < end; i++) {
                        predicted[i] = (int) p[i - start];
                        truth[i] = test.label(i);
                    }
                }
                start = end;
            }
        }
        return TrainingEvent.Evaluation.of(truth, predicted, names, n == 0 ? Double.NaN : lossSum / n);
    }

    private static final int EVALUATION_CHUNK = 1024;

    private Result fail(FailureCode code, String message, int epoch, int iteration, CompiledGraph compiled) {
        TrainingEvent.Failed failed = new TrainingEvent.Failed(code, message, epoch, iteration);
        listener.onEvent(failed);
        return new Result(null, failed, model, compiled, null, null);
    }

    static String dl4jVersion() {
        Package p = ComputationGraph.class.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return v == null ? org.layercanvas.runtime.RuntimeInfo.dl4jVersion() : v;
    }
}
