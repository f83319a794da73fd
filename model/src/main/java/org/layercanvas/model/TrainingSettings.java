package org.layercanvas.model;

import java.util.Objects;

/**
 * How the network is trained.
 *
 * @param optimizer             the update rule
 * @param learningRate          base learning rate
 * @param momentum              momentum for {@code nesterov}; ignored by the others
 * @param schedule              learning-rate schedule over epochs
 * @param batchSize             examples per minibatch
 * @param epochs                passes over the training split
 * @param weightDecay           L2 penalty (decoupled weight decay for {@code adamw}); 0 = none
 * @param seed                  seed for weight initialisation and batch order
 * @param earlyStoppingPatience stop after this many epochs without validation-loss improvement; 0 = off
 * @param gradientClip          clip each layer's gradient L2 norm to this value; 0 = off
 */
public record TrainingSettings(Optimizer optimizer, double learningRate, double momentum, LrSchedule schedule,
                               int batchSize, int epochs, double weightDecay, long seed,
                               int earlyStoppingPatience, double gradientClip) {
    public static final TrainingSettings DEFAULT =
            new TrainingSettings(Optimizer.ADAM, 1e-3, 0.9, LrSchedule.FIXED, 32, 10, 0, 42, 0, 0);

    public TrainingSettings {
        Objects.requireNonNull(optimizer, "optimizer");
        schedule = schedule == null ? LrSchedule.FIXED : schedule;
    }

    public TrainingSettings withEpochs(int newEpochs) {
        return with(b -> b.epochs = newEpochs);
    }

    public TrainingSettings withSeed(long newSeed) {
        return with(b -> b.seed = newSeed);
    }

    public TrainingSettings withLearningRate(double rate) {
        return with(b -> b.learningRate = rate);
    }

    public TrainingSettings withEarlyStoppingOff() {
        return withEarlyStoppingPatience(0);
    }

    public TrainingSettings withOptimizer(Optimizer newOptimizer) {
        return with(b -> b.optimizer = newOptimizer);
    }

    public TrainingSettings withMomentum(double newMomentum) {
        return with(b -> b.momentum = newMomentum);
    }

    public TrainingSettings withSchedule(LrSchedule newSchedule) {
        return with(b -> b.schedule = newSchedule);
    }

    public TrainingSettings withWeightDecay(double decay) {
        return with(b -> b.weightDecay = decay);
    }

    public TrainingSettings withEarlyStoppingPatience(int patience) {
        return with(b -> b.earlyStoppingPatience = patience);
    }

    public TrainingSettings withGradientClip(double clip) {
        return with(b -> b.gradientClip = clip);
    }

    public TrainingSettings withBatchSize(int size) {
        return with(b -> b.batchSize = size);
    }

    /** A copy with what {@code change} sets on a builder that starts from these settings. */
    private TrainingSettings with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new TrainingSettings(b.optimizer, b.learningRate, b.momentum, b.schedule, b.batchSize, b.epochs,
                b.weightDecay, b.seed, b.earlyStoppingPatience, b.gradientClip);
    }

    private static final class Builder {
        Optimizer optimizer;
        double learningRate;
        double momentum;
        LrSchedule schedule;
        int batchSize;
        int epochs;
        double weightDecay;
        long seed;
        int earlyStoppingPatience;
        double gradientClip;

        Builder(TrainingSettings t) {
            optimizer = t.optimizer;
            learningRate = t.learningRate;
            momentum = t.momentum;
            schedule = t.schedule;
            batchSize = t.batchSize;
            epochs = t.epochs;
            weightDecay = t.weightDecay;
            seed = t.seed;
            earlyStoppingPatience = t.earlyStoppingPatience;
            gradientClip = t.gradientClip;
        }
    }
}
