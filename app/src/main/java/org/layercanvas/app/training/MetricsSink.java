package org.layercanvas.app.training;

/**
 * Where a run's numbers go as they arrive (the charts). Called on the worker's reader thread: implementations
 * must be thread-safe and cheap (append to a store; the charts redraw on their own frame clock).
 */
public interface MetricsSink {
    /** A minibatch: x is the iteration (1-based, over the whole run), {@code epochs} the same point in epochs. */
    void iteration(int iteration, double epochs, double loss, double learningRate);

    /** An epoch ended after {@code iteration} minibatches; NaN for values that do not exist. */
    void epoch(int epoch, int iteration, double trainLoss, double trainAccuracy, double validationLoss,
               double validationAccuracy);

    /** Whether this run has validation examples at all (told once, when it starts); without, no validation curves. */
    default void validationAvailable(boolean available) {
    }

    /** A new run begins: forget the current run's points. */
    void reset();
}
