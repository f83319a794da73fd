package org.layercanvas.runtime.train;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a training session reports, in order: one {@link Started}, then {@link Iteration}s and {@link Epoch}s,
 * then exactly one {@link Finished} or {@link Failed}. Serialised as JSON objects with a {@code type} field (the
 * names below), one per line; see docs/worker-protocol.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrainingEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = TrainingEvent.Iteration.class, name = "iteration"),
    @JsonSubTypes.Type(value = TrainingEvent.Epoch.class, name = "epoch"),
    @JsonSubTypes.Type(value = TrainingEvent.Finished.class, name = "finished"),
    @JsonSubTypes.Type(value = TrainingEvent.Failed.class, name = "failed")
})
public sealed interface TrainingEvent {

    /** The run began; the environment it runs in and the sizes it works with. */
    record Started(String backend, String device, String deviceReason, int threads, String dl4jVersion,
                   String javaVersion, String os, long parameters, int trainExamples, int validationExamples,
                   int testExamples, int epochs, int batchSize, long seed) implements TrainingEvent {
    }

    /** One minibatch was learned from. {@code iteration} counts from 1 over the whole run. */
    record Iteration(int iteration, int epoch, double loss, double learningRate, double samplesPerSecond)
            implements TrainingEvent {
    }

    /**
     * An epoch ended. Validation values are NaN when there is no validation split; train accuracy is measured on
     * the training split after the epoch (dropout off), train loss is the mean minibatch loss during it.
     */
    record Epoch(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                 double validationAccuracy, double learningRate, double seconds, double samplesPerSecond)
            implements TrainingEvent {
    }

    /**
     * The run ended normally: {@code reason} is {@code completed}, {@code early-stopped} or {@code stopped}
     * (by the user). Test metrics are of the model as it is at the end.
     */
    record Finished(String reason, int epochsCompleted, int iterations, double testLoss, double testAccuracy,
                    double samplesPerSecond, double wallSeconds, String device) implements TrainingEvent {
    }

    /**
     * The run could not go on. {@code code} is stable for programs ({@code diverged}, {@code dataset},
     * {@code compile}, {@code device}, {@code out-of-memory}, {@code internal}); {@code message} is for people.
     */
    record Failed(String code, String message, int epoch, int iteration) implements TrainingEvent {
    }
}
