package org.layercanvas.runtime.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a training session reports, in order: one {@link Started}, then {@link Iteration}s and {@link Epoch}s
 * (each epoch followed by its {@link Histograms}; {@link Paused}/{@link Resumed} pairs between them when the run
 * is paused), then exactly one
 * {@link Finished} or {@link Failed}. When the session's options ask for it ({@link TrainingSession.Options#evaluate()}),
 * a normal end ({@link Finished}: completed, stopped or early-stopped) is followed by one {@link Evaluation}.
 * Serialised as JSON objects with a {@code type} field (the names below), one per line; see
 * docs/worker-protocol.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TrainingEvent.Started.class, name = "started"),
    @JsonSubTypes.Type(value = TrainingEvent.Iteration.class, name = "iteration"),
    @JsonSubTypes.Type(value = TrainingEvent.Epoch.class, name = "epoch"),
    @JsonSubTypes.Type(value = TrainingEvent.Paused.class, name = "paused"),
    @JsonSubTypes.Type(value = TrainingEvent.Resumed.class, name = "resumed"),
    @JsonSubTypes.Type(value = TrainingEvent.Finished.class, name = "finished"),
    @JsonSubTypes.Type(value = TrainingEvent.Failed.class, name = "failed"),
    @JsonSubTypes.Type(value = TrainingEvent.Evaluation.class, name = "evaluation"),
    @JsonSubTypes.Type(value = TrainingEvent.Histograms.class, name = "histograms"),
    @JsonSubTypes.Type(value = TrainingEvent.Boundary.class, name = "boundary"),
    @JsonSubTypes.Type(value = TrainingEvent.Health.class, name = "health")
})
public sealed interface TrainingEvent {

    /**
     * The run began; the environment it runs in and the sizes it works with. {@code engine} is {@code plan} (the
     * compiled training plan) or {@code dl4j}, {@code engineReason} says why in the user's language.
     * {@code memory} is the run's memory estimate against what the device offers, in words (may be null).
     */
    record Started(String backend, String device, String deviceReason, int threads, String dl4jVersion,
                   String javaVersion, String os, long parameters, int trainExamples, int validationExamples,
                   int testExamples, int epochs, int batchSize, long seed, String engine, String engineReason,
                   List<org.layercanvas.runtime.data.Finding> dataFindings, String memory)
            implements TrainingEvent {
        public Started {
            dataFindings = dataFindings == null ? List.of() : List.copyOf(dataFindings);
        }
    }

    /** One minibatch was learned from. {@code iteration} counts from 1 over the whole run. */
    record Iteration(int iteration, int epoch, double loss, double learningRate, double samplesPerSecond)
            implements TrainingEvent {
    }

    /**
     * An epoch ended. Validation values are NaN when there is no validation split; train accuracy is measured on
     * the training split after the epoch (dropout off), train loss is the mean minibatch loss during it.
     * {@code seconds} and {@code samplesPerSecond} leave out time spent paused.
     */
    record Epoch(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                 double validationAccuracy, double learningRate, double seconds, double samplesPerSecond)
            implements TrainingEvent {
    }

    /**
     * The run paused between two minibatches after {@code iteration} minibatches in total, in epoch {@code epoch}
     * (1-based). The model is not changed until {@link Resumed}; a stop while paused ends the run without a
     * {@link Resumed}.
     */
    record Paused(int iteration, int epoch) implements TrainingEvent {
    }

    /**
     * What a classifier of two input features predicts over the plane, when the session's options ask for it
     * ({@link TrainingSession.Options#boundaryMillis()}): sent before the first minibatch, then at most that
     * often (between minibatches or after an epoch), and for the model the run ends with. Cell {@code (row, column)} of the {@code size x size} grid is at {@code row * size + column},
     * row 0 at {@code yMin}, column 0 at {@code xMin}; coordinates are the features as the network sees them
     * (after preprocessing).
     *
     * @param predicted  the predicted class per cell
     * @param confidence the predicted class's probability per cell (0.5 to 1 for one sigmoid unit)
     * @param units      what the first hidden layers' units compute, each on a coarser grid
     * @param points     a sample of the training points, in the first of a run's boundary events only (else null)
     */
    record Boundary(int epoch, int iteration, double xMin, double xMax, double yMin, double yMax, int size,
                    int[] predicted, float[] confidence, List<UnitMap> units, BoundaryPoints points)
            implements TrainingEvent {
        public Boundary {
            units = units == null ? List.of() : List.copyOf(units);
        }
    }

    /** One hidden unit's activation over the plane: {@code values[row * size + column]}, as in {@link Boundary}. */
    record UnitMap(String layer, int unit, int size, float[] values) {
    }

    /** Training points with their classes, for drawing over a {@link Boundary}. */
    record BoundaryPoints(float[] x, float[] y, int[] label) {
    }

    /**
     * Step mode: how every layer did on the minibatch a paused run just stepped through (measured with the
     * parameters before the step, on that minibatch), one entry per layer in the order the graph computes them.
     *
     * @param iteration the minibatch's number in the run (from 1)
     * @param loss      its loss before the step
     */
    record Health(int epoch, int iteration, double loss, List<LayerHealth> layers) implements TrainingEvent {
        public Health {
            layers = List.copyOf(layers);
        }
    }

    /**
     * One layer in a {@link Health} event. Activation statistics are over the layer's whole output for the
     * minibatch (inference mode: no dropout); a unit is a column, a channel of an image or a feature of a
     * sequence. Gradient and weight norms are NaN for a layer without parameters.
     *
     * @param deadFraction      units that output exactly 0 for every example of the minibatch
     * @param saturatedFraction outputs of a sigmoid or tanh within 2 % of its limits (0 for other functions)
     * @param gradientNorm      L2 norm of the loss's gradient over the layer's trained parameters
     * @param weightNorm        L2 norm of those parameters
     */
    record LayerHealth(String layer, double activationMean, double activationStd, double deadFraction,
                       double saturatedFraction, double gradientNorm, double weightNorm, HealthVerdict verdict) {
    }

    /** The distribution of every parameter array of the model after epoch {@code epoch}, one per array. */
    record Histograms(int epoch, List<Histogram> parameters) implements TrainingEvent {
        public static final int BINS = 30;

        public Histograms {
            parameters = List.copyOf(parameters);
        }
    }

    /**
     * One parameter array ({@code W} weights, {@code b} biases, ...) of one layer: {@code counts[k]} values fall in
     * the k-th of {@code counts.length} equal bins from {@code min} to {@code max}.
     */
    record Histogram(String layer, String parameter, long size, double min, double max, double mean, double std,
                     long[] counts) {
        /** Bins {@code values} (NaN and infinite values are left out of the bins and the statistics). */
        public static Histogram of(String layer, String parameter, float[] values, int bins) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double sumSq = 0;
            long n = 0;
            for (float v : values) {
                if (Float.isFinite(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                    sum += v;
                    sumSq += (double) v * v;
                    n++;
                }
            }
            long[] counts = new long[bins];
            if (n == 0) {
                return new Histogram(layer, parameter, values.length, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        counts);
            }
            double width = (max - min) / bins;
            for (float v : values) {
                if (Float.isFinite(v)) {
                    int k = width <= 0 ? 0 : (int) Math.min(bins - 1, (v - min) / width);
                    counts[k]++;
                }
            }
            double mean = sum / n;
            return new Histogram(layer, parameter, values.length, min, max, mean,
                    Math.sqrt(Math.max(0, sumSq / n - mean * mean)), counts);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Histogram h && layer.equals(h.layer) && parameter.equals(h.parameter)
                    && size == h.size && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0
                    && Double.compare(mean, h.mean) == 0 && Double.compare(std, h.std) == 0
                    && Arrays.equals(counts, h.counts);
        }

        @Override
        public int hashCode() {
            return Objects.hash(layer, parameter, size, min, max, Arrays.hashCode(counts));
        }

        @Override
        public String toString() {
            return layer + "_" + parameter + " " + size + " [" + min + ", " + max + "]";
        }
    }

    /** The run goes on after {@code pausedSeconds} in pause. */
    record Resumed(int iteration, int epoch, double pausedSeconds) implements TrainingEvent {
    }

    /**
     * The run ended normally, for {@code endReason} (written as the field {@code reason}). Test metrics are of the
     * model as it is at the end.
     */
    record Finished(@JsonProperty("reason") EndReason endReason, int epochsCompleted, int iterations,
                    double testLoss, double testAccuracy, double samplesPerSecond, double wallSeconds, String device)
            implements TrainingEvent {
        public Finished {
            Objects.requireNonNull(endReason, "endReason");
        }

        /** The end reason's wire name ({@code completed}, {@code early-stopped}, {@code stopped}). */
        public String reason() {
            return endReason.wireName();
        }
    }

    /**
     * The run could not go on. {@code failure} (written as the field {@code code}) is stable for programs;
     * {@code message} is for people, in the worker's language.
     */
    record Failed(@JsonProperty("code") FailureCode failure, String message, int epoch, int iteration)
            implements TrainingEvent {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }

        /** The failure's wire name ({@code diverged}, {@code dataset}, ...). */
        public String code() {
            return failure.wireName();
        }
    }

    /**
     * The trained model on the test split, as it is at the end of the run.
     *
     * @param testLoss     mean loss as DL4J scores it (NaN for an empty test split); equals {@link Finished#testLoss()}
     * @param testAccuracy fraction classified right (NaN for an empty test split)
     * @param classNames   one name per class; a single-unit output is binary: classes 0 and 1, threshold 0.5
     * @param confusion    {@code confusion[true][predicted]}: how many test examples of class {@code true} were
     *                     predicted as class {@code predicted}; the entries sum to the test split's size
     * @param precision    per predicted class: right / predicted; NaN when no example was predicted as the class
     * @param recall       per true class: right / support; NaN when the class has no test example
     * @param f1           harmonic mean of precision and recall; NaN when either is NaN, 0 when both are 0
     * @param support      test examples per true class (the row sums of {@code confusion})
     * @param examples     {@code examples[true][predicted]}: up to {@link #EXAMPLES_PER_CELL} indices into the test
     *                     split (ascending) of examples in that cell, for showing right and wrong predictions
     */
    record Evaluation(double testLoss, double testAccuracy, List<String> classNames, long[][] confusion,
                      double[] precision, double[] recall, double[] f1, long[] support, int[][][] examples)
            implements TrainingEvent {
        public static final int EXAMPLES_PER_CELL = 16;

        public Evaluation {
            classNames = List.copyOf(classNames);
        }

        /**
         * Counts predictions against the truth.
         *
         * @param truth      true class per test example
         * @param predicted  predicted class per test example
         * @param classNames one per class; every class index must be below its size
         */
        public static Evaluation of(int[] truth, int[] predicted, List<String> classNames, double testLoss) {
            if (truth.length != predicted.length) {
                throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length
                        + " predictions");
            }
            int k = classNames.size();
            long[][] confusion = new long[k][k];
            List<List<List<Integer>>> cells = new ArrayList<>();
            for (int t = 0; t < k; t++) {
                List<List<Integer>> row = new ArrayList<>();
                for (int p = 0; p < k; p++) {
                    row.add(new ArrayList<>());
                }
                cells.add(row);
            }
            long right = 0;
            for (int i = 0; i < truth.length; i++) {
                int t = truth[i];
                int p = predicted[i];
                if (t < 0 || t >= k || p < 0 || p >= k) {
                    throw new IllegalArgumentException("example " + i + ": class " + t + " or prediction " + p
                            + " is not below " + k);
                }
                confusion[t][p]++;
                if (t == p) {
                    right++;
                }
                List<Integer> cell = cells.get(t).get(p);
                if (cell.size() < EXAMPLES_PER_CELL) {
                    cell.add(i);
                }
            }
            double[] precision = new double[k];
            double[] recall = new double[k];
            double[] f1 = new double[k];
            long[] support = new long[k];
            int[][][] examples = new int[k][k][];
            for (int c = 0; c < k; c++) {
                long predictedAs = 0;
                for (int t = 0; t < k; t++) {
                    predictedAs += confusion[t][c];
                    support[c] += confusion[c][t];
                    examples[c][t] = cells.get(c).get(t).stream().mapToInt(Integer::intValue).toArray();
                }
                long tp = confusion[c][c];
                precision[c] = predictedAs == 0 ? Double.NaN : (double) tp / predictedAs;
                recall[c] = support[c] == 0 ? Double.NaN : (double) tp / support[c];
                double sum = precision[c] + recall[c];
                f1[c] = Double.isNaN(sum) ? Double.NaN : sum == 0 ? 0 : 2 * precision[c] * recall[c] / sum;
            }
            double accuracy = truth.length == 0 ? Double.NaN : (double) right / truth.length;
            return new Evaluation(testLoss, accuracy, classNames, confusion, precision, recall, f1, support,
                    examples);
        }

        /** The number of test examples counted. */
        public long total() {
            long n = 0;
            for (long[] row : confusion) {
                for (long v : row) {
                    n += v;
                }
            }
            return n;
        }

        // Arrays compare by content, so that events compare like the other (all-scalar) records.
        @Override
        public boolean equals(Object o) {
            return o instanceof Evaluation e && Double.compare(testLoss, e.testLoss) == 0
                    && Double.compare(testAccuracy, e.testAccuracy) == 0 && classNames.equals(e.classNames)
                    && Arrays.deepEquals(confusion, e.confusion) && Arrays.equals(precision, e.precision)
                    && Arrays.equals(recall, e.recall) && Arrays.equals(f1, e.f1)
                    && Arrays.equals(support, e.support) && Arrays.deepEquals(examples, e.examples);
        }

        @Override
        public int hashCode() {
            return Objects.hash(testLoss, testAccuracy, classNames, Arrays.deepHashCode(confusion),
                    Arrays.hashCode(precision), Arrays.hashCode(recall), Arrays.hashCode(f1), Arrays.hashCode(support),
                    Arrays.deepHashCode(examples));
        }

        @Override
        public String toString() {
            return "Evaluation[testLoss=" + testLoss + ", testAccuracy=" + testAccuracy + ", classNames=" + classNames
                    + ", confusion=" + Arrays.deepToString(confusion) + ", precision=" + Arrays.toString(precision)
                    + ", recall=" + Arrays.toString(recall) + ", f1=" + Arrays.toString(f1) + ", support="
                    + Arrays.toString(support) + ", examples=" + Arrays.deepToString(examples) + "]";
        }
    }
}
