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
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, batchSize, newEpochs, weightDecay,
                seed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, batchSize, epochs, weightDecay,
                newSeed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withLearningRate(double rate) {
        return new TrainingSettings(optimizer, rate, momentum, schedule, batchSize, epochs, weightDecay,
                seed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withEarlyStoppingOff() {
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, batchSize, epochs, weightDecay,
                seed, 0, gradientClip);
    }

    public TrainingSettings withOptimizer(Optimizer newOptimizer) {
        return new TrainingSettings(newOptimizer, learningRate, momentum, schedule, batchSize, epochs, weightDecay,
                seed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withMomentum(double newMomentum) {
        return new TrainingSettings(optimizer, learningRate, newMomentum, schedule, batchSize, epochs, weightDecay,
                seed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withSchedule(LrSchedule newSchedule) {
        return new TrainingSettings(optimizer, learningRate, momentum, newSchedule, batchSize, epochs, weightDecay,
                seed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withWeightDecay(double decay) {
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, batchSize, epochs, decay,
                seed, earlyStoppingPatience, gradientClip);
    }

    public TrainingSettings withEarlyStoppingPatience(int patience) {
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, batchSize, epochs, weightDecay,
                seed, patience, gradientClip);
    }

    public TrainingSettings withGradientClip(double clip) {
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, batchSize, epochs, weightDecay,
                seed, earlyStoppingPatience, clip);
    }

    public TrainingSettings withBatchSize(int size) {
        return new TrainingSettings(optimizer, learningRate, momentum, schedule, size, epochs, weightDecay,
                seed, earlyStoppingPatience, gradientClip);
    }
}
