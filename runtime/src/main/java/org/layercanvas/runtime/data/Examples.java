package org.layercanvas.runtime.data;

import java.util.List;

/**
 * A dataset in memory, before splitting: one row of features per example and its class label, or for a regression
 * dataset its target value.
 *
 * @param features   {@code features[i]} are example i's values, row-major (an image's pixels row by row)
 * @param labels     class index per example, in {@code [0, classNames.size())}; all 0 for regression
 * @param classNames readable name per class; empty for regression
 * @param targets    the number to predict per example for a regression dataset, else null
 */
public record Examples(float[][] features, int[] labels, List<String> classNames, float[] targets) {
    public Examples {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        if (targets != null && targets.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + targets.length + " targets");
        }
        classNames = List.copyOf(classNames);
    }

    /** Classification examples. */
    public Examples(float[][] features, int[] labels, List<String> classNames) {
        this(features, labels, classNames, null);
    }

    /** Regression examples: one target value per row. */
    public static Examples regression(float[][] features, float[] targets) {
        return new Examples(features, new int[targets.length], List.of(), targets);
    }

    public boolean isRegression() {
        return targets != null;
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    public int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /** The examples at the given indices, in that order. */
    public Examples select(int[] indices) {
        float[][] x = new float[indices.length][];
        int[] y = new int[indices.length];
        float[] t = targets == null ? null : new float[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
            if (t != null) {
                t[i] = targets[indices[i]];
            }
        }
        return new Examples(x, y, classNames, t);
    }
}
