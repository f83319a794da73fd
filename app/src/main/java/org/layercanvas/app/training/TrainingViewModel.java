package org.layercanvas.app.training;

import org.layercanvas.i18n.Numbers;
import org.layercanvas.runtime.device.DeviceRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.layercanvas.app.Messages;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.worker.WorkerProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One window's training: starts a run in a worker process, follows its messages and exposes the state the
 * dashboard shows. Messages arrive on the worker's reader thread: numbers go straight to the {@link MetricsSink}
 * (thread-safe stores the charts draw from at their own pace), everything the UI binds to is set through
 * {@code ui} (the FX thread in the app), and progress text at most ten times a second. No JavaFX nodes.
 */
public final class TrainingViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingViewModel.class);
    private static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;

    /** Where the dashboard is. */
    public enum State { IDLE, STARTING, RUNNING, PAUSED, STOPPING, FINISHED, FAILED }

    /** Starts worker processes; tests plug in a fake. */
    public interface RunnerFactory {
        TrainingRunner start(NetworkDocument doc, DeviceRequest device, int threads,
                             Consumer<WorkerProtocol.Message> listener) throws IOException;

        /** As the other {@code start}, the run starting from the trained weights in {@code weights} (or null). */
        default TrainingRunner start(NetworkDocument doc, DeviceRequest device, int threads, Path weights,
                                     Consumer<WorkerProtocol.Message> listener) throws IOException {
            return start(doc, device, threads, listener);
        }

        /**
         * A run with these settings may come soon (a window opened, a run ended): get ready for it if that helps,
         * without blocking (see {@link SpareWorker}).
         */
        default void prepare(DeviceRequest device, int threads) {
        }
    }

    /** A running worker, as the view model uses it. */
    public interface TrainingRunner extends AutoCloseable, RunQuestions {
        void pause();

        void resume();

        /** Step mode: one minibatch of a paused run, or a pause of a running one. */
        default void step() {
            pause();
        }

        void stop();

        CompletableFuture<Path> save(Path path);

        /** The worker's process id, or -1. */
        long pid();

        @Override
        void close();
    }

    private final Supplier<NetworkDocument> document;
    private final ShapeInference inference;
    private final RunnerFactory factory;
    private final MetricsSink sink;
    private final Executor ui;

    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.IDLE);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper deviceText = new ReadOnlyStringWrapper(this, "deviceText", "");
    private final ReadOnlyStringWrapper deviceDetails = new ReadOnlyStringWrapper(this, "deviceDetails", "");
    private final ReadOnlyStringWrapper validationNote = new ReadOnlyStringWrapper(this, "validationNote", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyObjectWrapper<TrainingEvent.Evaluation> evaluation =
            new ReadOnlyObjectWrapper<>(this, "evaluation");
    private final ReadOnlyObjectWrapper<TrainingEvent.Histograms> histograms =
            new ReadOnlyObjectWrapper<>(this, "histograms");
    private final ReadOnlyObjectWrapper<NetworkDocument> trainedDocument =
            new ReadOnlyObjectWrapper<>(this, "trainedDocument");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<RunStore.RunInfo> lastRun = new ReadOnlyObjectWrapper<>(this, "lastRun");

    private volatile TrainingRunner runner;
    /** The settings of the last run, for preparing the next one. */
    private volatile DeviceRequest lastDevice = DeviceRequest.AUTO;
    private volatile int lastThreads;
    private volatile long lastProgressNanos;
    private final RunProgress runProgress = new RunProgress();
    private volatile int epochsDone;
    private volatile boolean ended;
    private final RunRecorder recorder;
    private final StartingWeights startingWeights = new StartingWeights();
    /** The next run starts paused, in step mode (see {@link #step()}). */
    private volatile boolean stepNextRun;
    /** The current run only loads a saved model (see {@link #reload}). */
    private volatile boolean reloading;
    private final List<Consumer<TrainingEvent>> eventListeners = new CopyOnWriteArrayList<>();

    public TrainingViewModel(Supplier<NetworkDocument> document, ShapeInference inference, RunnerFactory factory,
                             RunStore runs, MetricsSink sink, Executor ui) {
        this.document = document;
        this.inference = inference;
        this.factory = factory;
        this.recorder = new RunRecorder(runs);
        this.sink = sink;
        this.ui = ui;
        state.addListener((o, a, s) -> busy.set(s == State.STARTING || s == State.RUNNING || s == State.PAUSED
                || s == State.STOPPING));
    }

    // ---- commands --------------------------------------------------------------------------------------------

    /** The next run will probably use these settings: the factory may start a worker ahead of it. */
    public void prepareWorker(DeviceRequest device, int threads) {
        try {
            factory.prepare(device, threads);
        } catch (RuntimeException e) {
            LOG.warn("cannot prepare a worker: {}", e.getMessage(), e);
        }
    }

    /** Starts a run of the current document; refuses (with a message) a network that has errors. */
    public boolean run(DeviceRequest device, int threads) {
        if (busy.get()) {
            return false;
        }
        // A Step pressed with no run asks this run to start paused; a run refused below forgets it.
        boolean stepping = stepNextRun;
        stepNextRun = false;
        lastDevice = device;
        lastThreads = threads;
        NetworkDocument doc = document.get();
        Analysis analysis = inference.analyze(doc);
        if (analysis.hasErrors()) {
            state.set(State.FAILED);
            message.set(Messages.get("training.invalid", analysis.errors().size(),
                    analysis.errors().get(0).message()));
            return false;
        }
        if (doc.dataset() == null) {
            state.set(State.FAILED);
            message.set(Messages.get("training.noDataset"));
            return false;
        }
        recorder.begin(doc, device.toString());
        StartingWeights.Fit fit = startingWeights.fit(doc, analysis);
        return start(doc, device, threads, fit.file(), stepping, fit.misfits().isEmpty() ? ""
                : Messages.get("training.weightsDoNotFit", String.join(", ", fit.misfits())));
    }

    /**
     * Loads the model a finished run saved ({@code model}: its {@code model.zip}) into a worker for the playground,
     * without training and without a new run record: the worker builds the run's network on its data, starts from
     * the saved weights, is stopped before the first minibatch and evaluates the model as it is.
     */
    public boolean reload(NetworkDocument doc, java.nio.file.Path model) {
        if (busy.get()) {
            return false;
        }
        reloading = true;
        if (!start(doc, lastDevice, lastThreads, model, false, "")) {
            return false;
        }
        runner.stop(); // handled after the train command: the run ends before its first minibatch
        return true;
    }

    private boolean start(NetworkDocument doc, DeviceRequest device, int threads, java.nio.file.Path weights,
                          boolean stepping, String note) {
        closeRunner();
        sink.reset();
        evaluation.set(null);
        histograms.set(null);
        message.set("");
        progress.set(0);
        progressText.set(Messages.get("training.starting"));
        deviceText.set("");
        deviceDetails.set("");
        validationNote.set("");
        runProgress.begin(doc.training().epochs());
        epochsDone = 0;
        ended = false;
        trainedDocument.set(doc);
        state.set(State.STARTING);
        message.set(note);
        try {
            runner = factory.start(doc, device, threads, weights, this::onMessage);
            if (stepping) {
                runner.step(); // pauses before the first minibatch
            }
            return true;
        } catch (IOException | RuntimeException e) {
            state.set(State.FAILED);
            message.set(Messages.get("training.cannotStart", String.valueOf(e.getMessage())));
            reloading = false;
            finishRun("failed", Double.NaN, Double.NaN, 0, message.get());
            return false;
        }
    }

    public void pause() {
        TrainingRunner r = runner;
        if (r != null && state.get() == State.RUNNING) {
            r.pause();
        }
    }

    public void resume() {
        TrainingRunner r = runner;
        if (r != null && state.get() == State.PAUSED) {
            r.resume();
        }
    }

    /**
     * Step mode: a paused run learns from one minibatch and pauses again, reporting every layer's health; a
     * running run pauses. Without a run, the next {@link #run} starts paused before its first minibatch.
     */
    public void step() {
        TrainingRunner r = runner;
        State s = state.get();
        if (r != null && (s == State.PAUSED || s == State.RUNNING)) {
            r.step();
        } else if (!busy.get()) {
            stepNextRun = true;
        }
    }

    /** Stops the run; the model trained so far is kept, evaluated and saved with the run. */
    public void stop() {
        TrainingRunner r = runner;
        if (r != null && busy.get()) {
            state.set(State.STOPPING);
            progressText.set(Messages.get("training.stopping"));
            r.stop();
        }
    }

    /** The trained weights this window's runs start from (an imported network's), while they fit. */
    public StartingWeights startingWeights() {
        return startingWeights;
    }

    /** The running worker's process id, or -1 when there is none. */
    public long workerPid() {
        TrainingRunner r = runner;
        return r == null ? -1 : r.pid();
    }

    /** Ends the worker (window closing). */
    public void dispose() {
        closeRunner();
    }

    private void closeRunner() {
        TrainingRunner r = runner;
        runner = null;
        if (r != null) {
            r.close();
        }
    }

    // ---- messages from the worker (reader thread) ------------------------------------------------------------

    /** Also tells {@code l} every event of every run, on the worker's reader thread (the playground's pictures). */
    public void addEventListener(Consumer<TrainingEvent> l) {
        eventListeners.add(l);
    }

    /** The last run's worker while it lives (predictions for the playground, saving), else null. */
    public TrainingRunner runner() {
        return runner;
    }

    void onMessage(WorkerProtocol.Message m) {
        if (m instanceof WorkerProtocol.Event e) {
            eventListeners.forEach(l -> l.accept(e.event()));
            if (e.event() instanceof TrainingEvent.Boundary) {
                return; // pictures for the playground: not part of the run's record or dashboard
            }
            recorder.record(e.event());
            onEvent(e.event());
        } else if (m instanceof WorkerProtocol.Crashed c) {
            completePendingRun();
            if (!ended) {
                ended = true;
                // The playground learns that the run is over: its questions now fail because the worker is gone.
                eventListeners.forEach(l -> l.accept(new TrainingEvent.Failed(
                        org.layercanvas.runtime.train.FailureCode.INTERNAL, c.message(), epochsDone, 0)));
                String text = Messages.get("training.crashed", c.message());
                ui.execute(() -> {
                    state.set(State.FAILED);
                    message.set(text);
                });
                finishRun("crashed", Double.NaN, Double.NaN, epochsDone, c.message());
            }
        } else if (m instanceof WorkerProtocol.Error err) {
            LOG.warn("worker refused a command: {}", err.message());
        }
    }

    private void onEvent(TrainingEvent event) {
        if (event instanceof TrainingEvent.Started s) {
            runProgress.sized(s.epochs(), s.trainExamples(), s.batchSize());
            sink.validationAvailable(s.validationExamples() > 0);
            String note = s.validationExamples() > 0 ? "" : Messages.get("training.noValidation");
            ui.execute(() -> validationNote.set(note));
            String device = Messages.get("training.device", s.device().toUpperCase(Locale.ROOT), s.deviceReason(),
                    s.backend(), s.threads(), s.engineReason() == null ? s.engine() : s.engineReason());
            // The memory estimate is detail: the line's tooltip, not the dashboard's space.
            String details = s.memory() == null ? device : device + "\n\n" + s.memory();
            ui.execute(() -> {
                state.set(State.RUNNING);
                deviceText.set(device);
                deviceDetails.set(details);
            });
        } else if (event instanceof TrainingEvent.Iteration it) {
            runProgress.throughput(it.samplesPerSecond());
            sink.iteration(it.iteration(), (double) it.iteration() / Math.max(1, runProgress.iterationsPerEpoch()),
                    it.loss(),
                    it.learningRate());
            long now = System.nanoTime();
            if (now - lastProgressNanos > PROGRESS_INTERVAL_NANOS) {
                lastProgressNanos = now;
                showProgress(it.iteration(), it.epoch(), now);
            }
        } else if (event instanceof TrainingEvent.Epoch ep) {
            epochsDone = ep.epoch();
            sink.epoch(ep.epoch(), ep.epoch() * runProgress.iterationsPerEpoch(), ep.trainLoss(), ep.trainAccuracy(),
                    ep.validationLoss(), ep.validationAccuracy());
            recorder.flush();
        } else if (event instanceof TrainingEvent.Paused p) {
            // Made afresh from the pause's own position: in step mode a pause follows every step.
            String text = Messages.get("training.paused", runProgress.line(p.iteration(), p.epoch(), System.nanoTime()));
            double fraction = runProgress.fraction(p.iteration());
            ui.execute(() -> {
                state.set(State.PAUSED);
                progress.set(fraction);
                progressText.set(text);
            });
        } else if (event instanceof TrainingEvent.Resumed) {
            ui.execute(() -> state.set(State.RUNNING));
        } else if (event instanceof TrainingEvent.Finished f) {
            ended = true;
            String text = reloading ? Messages.get("training.reloaded", pct(f.testAccuracy()), num(f.testLoss()))
                    : Messages.get("training.finished." + f.endReason().wireName(), f.epochsCompleted(),
                    pct(f.testAccuracy()), num(f.testLoss()));
            reloading = false;
            String stats = Messages.get("training.summary", f.iterations(),
                    Numbers.grouped(f.samplesPerSecond()), RunProgress.time(f.wallSeconds()));
            ui.execute(() -> {
                state.set(State.FINISHED);
                progress.set(1);
                message.set(text);
                progressText.set(stats);
            });
            recorder.saveModel(runner);
            // The evaluation follows; the run's record is completed when it arrives (or the worker ends).
            recorder.expectOutcome(new RunRecorder.Outcome(f.endReason(), f.testAccuracy(), f.testLoss(),
                    f.epochsCompleted()));
        } else if (event instanceof TrainingEvent.Failed f) {
            ended = true;
            reloading = false;
            String text = Messages.get("training.failed." + f.failure().wireName(), f.message());
            ui.execute(() -> {
                state.set(State.FAILED);
                message.set(text);
            });
            finishRun("failed", Double.NaN, Double.NaN, epochsDone, f.message());
        } else if (event instanceof TrainingEvent.Evaluation ev) {
            ui.execute(() -> evaluation.set(ev));
            completePendingRun();
        } else if (event instanceof TrainingEvent.Histograms h) {
            ui.execute(() -> histograms.set(h));
        }
    }

    private void showProgress(int iteration, int epoch, long now) {
        double fraction = runProgress.fraction(iteration);
        String text = runProgress.line(iteration, epoch, now);
        ui.execute(() -> {
            if (state.get() == State.RUNNING) {
                progress.set(fraction);
                progressText.set(text);
            }
        });
    }

    private void completePendingRun() {
        RunRecorder.Outcome p = recorder.takeOutcome();
        if (p != null) {
            finishRun(p.reason().wireName(), p.testAccuracy(), p.testLoss(), p.epochs(), null);
        }
    }

    private void finishRun(String status, double accuracy, double loss, int epochs, String text) {
        prepareWorker(lastDevice, lastThreads);
        RunStore.RunInfo info = recorder.finish(status, accuracy, loss, epochs, text);
        if (info != null) {
            ui.execute(() -> lastRun.set(info));
        }
    }

    private static String pct(double v) {
        return Numbers.percent(v);
    }

    private static String num(double v) {
        return Numbers.fixed(v, 4);
    }

    // ---- properties ------------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** Why there are no validation curves (the data split has no validation part), or empty. */
    public ReadOnlyStringProperty validationNoteProperty() {
        return validationNote.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceTextProperty() {
        return deviceText.getReadOnlyProperty();
    }

    /** The device line and the run's memory estimate, for the line's tooltip. */
    public ReadOnlyStringProperty deviceDetailsProperty() {
        return deviceDetails.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** The parameter histograms after the latest epoch of the current run (null before the first). */
    public ReadOnlyObjectProperty<TrainingEvent.Histograms> histogramsProperty() {
        return histograms.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrainingEvent.Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    /** The document as it was when the current (or last) run started. */
    public ReadOnlyObjectProperty<NetworkDocument> trainedDocumentProperty() {
        return trainedDocument.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The record of the last run that ended, for the run list. */
    public ReadOnlyObjectProperty<RunStore.RunInfo> lastRunProperty() {
        return lastRun.getReadOnlyProperty();
    }
}
