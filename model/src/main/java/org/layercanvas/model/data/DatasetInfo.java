package org.layercanvas.model.data;

import java.util.List;
import org.layercanvas.model.shape.TensorShape;

/**
 * What a dataset delivers, as far as the network's shape is concerned.
 *
 * @param id          dataset name
 * @param inputShapes the Input shapes it can feed, the first being the natural one; empty when it is not known
 *                    before the data is read (then every shape is accepted here and checked at load time)
 * @param classes     number of classes; 0 for a regression dataset (one continuous target) or when not known yet
 * @param regression  whether the target is a number to predict rather than a class
 */
public record DatasetInfo(String id, List<TensorShape> inputShapes, int classes, boolean regression) {
    public DatasetInfo {
        inputShapes = List.copyOf(inputShapes);
    }

    public DatasetInfo(String id, List<TensorShape> inputShapes, int classes) {
        this(id, inputShapes, classes, false);
    }

    public static DatasetInfo regression(String id, List<TensorShape> inputShapes) {
        return new DatasetInfo(id, inputShapes, 0, true);
    }

    /**
     * Whether an Input of {@code shape} can take this data: one of the listed shapes, where a token Input may have a
     * larger vocabulary than the dataset uses.
     */
    public boolean accepts(TensorShape shape) {
        if (inputShapes.isEmpty()) {
            return true;
        }
        for (TensorShape s : inputShapes) {
            if (s.equals(shape) || (s.kind() == TensorShape.Kind.TOKENS && shape.kind() == TensorShape.Kind.TOKENS
                    && s.dims().equals(shape.dims()) && shape.vocabSize() >= s.vocabSize())) {
                return true;
            }
        }
        return false;
    }
}
