package org.layercanvas.runtime.data;

import java.util.List;

/**
 * A dataset in memory, before splitting: one row of features per example and its class label.
 *
 * @param features   {@code features[i]} are example i's values, row-major (an image's pixels row by row)
 * @param labels     class index per example, in {@code [0, classNames.size())}
 * @param classNames readable name per class
 */
public record Examples(float[][] features, int[] labels, List<String> classNames) {
    public Examples {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but " + labels.length + " labels");
        }
        classNames = List.copyOf(classNames);
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
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new Examples(x, y, classNames);
    }
}
