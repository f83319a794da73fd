package org.layercanvas.runtime.train;

/**
 * Decides after each epoch whether training should stop early: when the monitored loss has not improved (by more
 * than 1e-9) on the best so far for {@code patience} epochs in a row. A patience of 0 never stops.
 */
final class EarlyStopping {
    private static final double MIN_IMPROVEMENT = 1e-9;

    private final int patience;
    private double best = Double.POSITIVE_INFINITY;
    private int epochsWithoutImprovement;

    EarlyStopping(int patience) {
        this.patience = patience;
    }

    /**
     * Takes the loss of the epoch that just ended.
     *
     * @param validationLoss the validation loss, NaN when there is no validation split
     * @param trainLoss      the epoch's mean training loss, monitored instead when there is no validation loss
     * @return whether to stop now
     */
    boolean shouldStop(double validationLoss, double trainLoss) {
        if (patience <= 0) {
            return false;
        }
        double monitored = Double.isNaN(validationLoss) ? trainLoss : validationLoss;
        if (monitored < best - MIN_IMPROVEMENT) {
            best = monitored;
            epochsWithoutImprovement = 0;
            return false;
        }
        return ++epochsWithoutImprovement >= patience;
    }
}
