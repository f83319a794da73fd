package org.layercanvas.model.data;

import java.util.List;
import org.layercanvas.model.shape.TensorShape;

/**
 * What a dataset delivers, as far as the network's shape is concerned.
 *
 * @param id             dataset name
 * @param inputShapes    the Input shapes it can feed, the first being the natural one
 * @param classes        number of classes
 */
public record DatasetInfo(String id, List<TensorShape> inputShapes, int classes) {
    public DatasetInfo {
        inputShapes = List.copyOf(inputShapes);
    }

    public boolean accepts(TensorShape shape) {
        return inputShapes.contains(shape);
    }
}
