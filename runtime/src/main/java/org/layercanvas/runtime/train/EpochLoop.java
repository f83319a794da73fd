package org.layercanvas.runtime.train;

import java.util.Arrays;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.Minibatch;
import org.layercanvas.runtime.data.PreparedData;
import org.layercanvas.runtime.data.SplitExamples;
import org.layercanvas.runtime.data.StreamingIterator;
import org.layercanvas.runtime.engine.TrainingEngine;

/**
 * The epochs of one run: minibatches through the engine, with pause and stop acting between two of them, and the
 * events of every minibatch and epoch (iteration, epoch, histograms). Ends after the last epoch, on a stop
 * request, when early stopping says so, or at the first minibatch whose loss is not finite. Keeps where the
 * loop's time went for {@link TrainingSession#loopTimes()}.
 */
final class EpochLoop {
    /** Examples the per-epoch training accuracy is measured on, at most. */
    static final int TRAIN_METRICS_SAMPLE = 10_000;

    /** A minibatch whose loss was not finite. */
    record Divergence(double loss, int epoch, int iteration, double learningRate) {
        /** Why the run failed, for the user. */
        String message() {
            return TrainMessages.format("train.diverged", loss, epoch, iteration, learningRate);
        }
    }

    /**
     * How the loop ended: with {@code divergence} null a normal end for {@code reason}.
     *
     * @param fitNanos time in the minibatch loop of all epochs, pauses left out
     */
    record Outcome(EndReason reason, int epochsDone, int iterations, long samplesSeen, long fitNanos,
                   Divergence divergence) {
        double samplesPerSecond() {
            return fitNanos == 0 ? 0 : samplesSeen / (fitNanos / 1e9);
        }
    }

    /** The minibatches of one epoch: the sum and count of their losses, and the time paused among them. */
    private record EpochRun(double lossSum, int lossCount, long pausedNanos, Divergence divergence) {
    }

    private final TrainingSettings settings;
    private final TrainingEngine engine;
    private final ComputationGraph graph;
    private final TensorShape shape;
    private final int units;
    private final PreparedData data;
    private final BatchSource trainSample;
    private final TrainingListener listener;
    private final PauseControl pause;
    private final String outputName;
    private BoundaryProbe boundary;
    private long boundaryNanos;
    private long nextBoundary;
    private int iteration;
    private long samplesSeen;
    /** Written by the training thread only; volatile so that other threads read recent values. */
    private volatile long dataNanos;
    private volatile long eventNanos;
    private volatile long loopNanos;
    private volatile long steps;

    EpochLoop(TrainingSettings settings, TrainingEngine engine, TensorShape shape, int units, String outputName,
              PreparedData data, TrainingListener listener, PauseControl pause) {
        this.settings = settings;
        this.outputName = outputName;
        this.engine = engine;
        this.graph = engine.graph();
        this.shape = shape;
        this.units = units;
        this.data = data;
        this.listener = listener;
        this.pause = pause;
        BatchSource train = data.train();
        // Training accuracy per epoch on a fixed sample, so that a large training set does not add a second pass.
        this.trainSample = train.size() <= TRAIN_METRICS_SAMPLE ? train : BatchSource.subset(train,
                Arrays.copyOf(SplitExamples.shuffledOrder(train.size(), settings.seed()), TRAIN_METRICS_SAMPLE));
    }

    /**
     * Reports what the model predicts over the plane before the first minibatch, then at most every {@code millis}
     * ms (checked after each minibatch and epoch), and at the end ({@code probe} null: never).
     */
    void probeBoundary(BoundaryProbe probe, int millis) {
        boundary = probe;
        boundaryNanos = millis * 1_000_000L;
    }

    private void reportBoundary(int epoch, boolean always) {
        if (boundary == null) {
            return;
        }
        long now = System.nanoTime();
        if (always || now - nextBoundary >= 0) {
            listener.onEvent(boundary.measure(epoch, iteration));
            nextBoundary = System.nanoTime() + boundaryNanos;
        }
    }

    /** Where the minibatch loop's time went so far: nanoseconds waiting for batches, reporting events, in all. */
    record Counters(long dataNanos, long eventNanos, long loopNanos, long steps) {
        static final Counters NONE = new Counters(0, 0, 0, 0);
    }

    Counters counters() {
        return new Counters(dataNanos, eventNanos, loopNanos, steps);
    }

    Outcome run() throws InterruptedException {
        EarlyStopping early = new EarlyStopping(settings.earlyStoppingPatience());
        EndReason reason = EndReason.COMPLETED;
        int epochsDone = 0;
        long fitNanos = 0;
        try (StreamingIterator batches = StreamingIterator.builder(data.train(), shape)
                .batchSize(settings.batchSize()).shuffle(true).seed(settings.seed()).augmentation(data.augmentation())
                .prefetch(prefetch(engine)).labelUnits(units).dataSets(engine.wantsDataSets()).build()) {
            reportBoundary(0, true); // the untrained network's picture, before the first minibatch
            for (int epoch = 0; epoch < settings.epochs() && !pause.stopRequested(); epoch++) {
                double rate = settings.schedule().rateAt(settings.learningRate(), epoch, settings.epochs());
                long epochStart = System.nanoTime();
                batches.setEpoch(epoch);
                EpochRun run = minibatches(batches, epoch, rate);
                if (run.divergence() != null) {
                    return new Outcome(reason, epochsDone, iteration, samplesSeen, fitNanos, run.divergence());
                }
                // Throughput counts the whole minibatch loop (waiting for batches, events), not only fit().
                long epochLoopNanos = System.nanoTime() - epochStart - run.pausedNanos();
                fitNanos += epochLoopNanos;
                if (run.lossCount() == 0) {
                    break;
                }
                boolean complete = run.lossCount() == batches.numBatches();
                if (complete) {
                    epochsDone++;
                    engine.epochEnded();
                }
                Metrics onValidation = reportEpoch(epoch, rate, run, epochStart, complete ? epochLoopNanos : -1);
                if (early.shouldStop(onValidation.loss(), run.lossSum() / run.lossCount())) {
                    reason = EndReason.EARLY_STOPPED;
                    break;
                }
            }
        }
        if (pause.stopRequested()) {
            reason = EndReason.STOPPED;
        }
        if (reason != EndReason.COMPLETED) {
            reportBoundary(epochsDone, true); // the picture of the model the run ends with
        }
        return new Outcome(reason, epochsDone, iteration, samplesSeen, fitNanos, null);
    }

    /** The minibatches of epoch {@code epoch} (0-based) until its end, a stop, or a loss that is not finite. */
    private EpochRun minibatches(StreamingIterator batches, int epoch, double rate) throws InterruptedException {
        double lossSum = 0;
        int lossCount = 0;
        long pausedNanos = 0;
        while (batches.hasNext()) {
            if (pause.stopRequested()) {
                break;
            }
            pausedNanos += pause.pauseIfRequested(iteration, epoch + 1, listener);
            if (pause.stopRequested()) {
                break;
            }
            long waitStart = System.nanoTime();
            Minibatch batch = batches.nextMinibatch();
            long s = System.nanoTime();
            dataNanos += s - waitStart;
            if (pause.isStepping()) {
                // Step mode: how each layer does on this minibatch, before the step learns from it.
                listener.onEvent(NetworkHealth.measure(graph, outputName, batch, epoch + 1, iteration + 1));
                s = System.nanoTime();
            }
            double loss = engine.fit(batch);
            long dt = System.nanoTime() - s;
            iteration++;
            steps++;
            int n = batch.size();
            samplesSeen += n;
            if (!Double.isFinite(loss)) {
                return new EpochRun(lossSum, lossCount, pausedNanos, new Divergence(loss, epoch + 1, iteration, rate));
            }
            lossSum += loss;
            lossCount++;
            long eventStart = System.nanoTime();
            listener.onEvent(new TrainingEvent.Iteration(iteration, epoch + 1, loss, rate, n / (dt / 1e9)));
            reportBoundary(epoch + 1, false);
            eventNanos += System.nanoTime() - eventStart;
            loopNanos += System.nanoTime() - waitStart;
        }
        return new EpochRun(lossSum, lossCount, pausedNanos, null);
    }

    /**
     * Measures the model after an epoch and reports the epoch and the parameter histograms.
     *
     * @param loopNanos the epoch's minibatch loop time when it was complete, else -1 (no throughput)
     * @return the metrics on the validation split
     */
    private Metrics reportEpoch(int epoch, double rate, EpochRun run, long epochStart, long loopNanos) {
        BatchSource train = data.train();
        Metrics onTrain = Metrics.of(graph, trainSample, shape, units);
        Metrics onValidation = Metrics.of(graph, data.validation(), shape, units);
        double seconds = (System.nanoTime() - epochStart - run.pausedNanos()) / 1e9;
        listener.onEvent(new TrainingEvent.Epoch(epoch + 1, run.lossSum() / run.lossCount(), onTrain.accuracy(),
                onValidation.loss(), onValidation.accuracy(), rate, seconds,
                loopNanos >= 0 ? train.size() / (loopNanos / 1e9) : Double.NaN));
        listener.onEvent(ModelReports.histograms(graph, epoch + 1));
        // After an epoch as between minibatches: small sets have epochs of milliseconds.
        reportBoundary(epoch + 1, epoch + 1 == settings.epochs());
        return onValidation;
    }

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
}
