package org.layercanvas.app.training;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.layercanvas.runtime.worker.WorkerProtocol;

/**
 * What the playground asks a run's model through its worker. The worker answers only when the run is over or
 * paused and refuses otherwise; a runner that cannot answer fails each question.
 */
public interface RunQuestions {
    /**
     * The model's outputs for these rows; {@code intensities}: drawn values from 0 to 1 that the worker scales and
     * preprocesses first.
     */
    default CompletableFuture<double[][]> predict(double[][] inputs, boolean intensities) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("predict"));
    }

    /** The model's outputs for sentences (a network on word tokens), encoded by the worker. */
    default CompletableFuture<double[][]> predictTexts(List<String> texts) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("predict"));
    }

    /**
     * One input as a picture with the model's outputs and, with {@code maps}, its Conv2D filters and feature maps:
     * test example {@code testIndex} (modulo the test split's size), or a drawn input when {@code intensities} is
     * not null.
     */
    default CompletableFuture<WorkerProtocol.Inspection> inspect(int testIndex, double[] intensities, boolean maps) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("inspect"));
    }
}
