package org.layercanvas.app.playground;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.layercanvas.app.Messages;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.runtime.worker.WorkerProtocol;

/** The playground's questions go to the last run's worker; without one they fail with a sentence that says so. */
public final class RunPredictor implements PlaygroundViewModel.Predictor {
    private final Supplier<TrainingViewModel.TrainingRunner> runner;

    private RunPredictor(Supplier<TrainingViewModel.TrainingRunner> runner) {
        this.runner = runner;
    }

    public static RunPredictor of(Supplier<TrainingViewModel.TrainingRunner> runner) {
        return new RunPredictor(runner);
    }

    @Override
    public CompletableFuture<double[][]> predict(double[][] rows, boolean intensities) {
        TrainingViewModel.TrainingRunner r = runner.get();
        return r == null ? noRun() : r.predict(rows, intensities);
    }

    @Override
    public CompletableFuture<double[][]> predictTexts(List<String> texts) {
        TrainingViewModel.TrainingRunner r = runner.get();
        return r == null ? noRun() : r.predictTexts(texts);
    }

    @Override
    public CompletableFuture<WorkerProtocol.Inspection> inspect(int testIndex, double[] intensities, boolean maps) {
        TrainingViewModel.TrainingRunner r = runner.get();
        return r == null ? noRun() : r.inspect(testIndex, intensities, maps);
    }

    private static <T> CompletableFuture<T> noRun() {
        return CompletableFuture.failedFuture(new IllegalStateException(Messages.get("playground.noRun")));
    }
}
