package org.layercanvas.runtime.train;

import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Turns examples into the arrays DL4J expects for a given Input shape and Output encoding. */
public final class Tensors {
    private Tensors() {
    }

    /**
     * Features laid out for DL4J: vectors {@code [n, f]}, images {@code [n, c, h, w]} (examples store pixels
     * row-major with channels last), sequences {@code [n, f, t]} (examples store step after step), tokens
     * {@code [n, 1, t]}.
     */
    public static INDArray features(Examples ex, TensorShape shape, DataType type) {
        int n = ex.size();
        INDArray flat = n == 0 ? Nd4j.create(type, 0, shape.size()) : Nd4j.create(ex.features()).castTo(type);
        return switch (shape.kind()) {
            case VECTOR -> flat;
            case IMAGE -> flat.reshape('c', n, shape.dim(0), shape.dim(1), shape.dim(2)).permute(0, 3, 1, 2).dup('c');
            case SEQUENCE -> flat.reshape('c', n, shape.dim(0), shape.dim(1)).permute(0, 2, 1).dup('c');
            case TOKENS -> flat.reshape('c', n, 1, shape.dim(0));
        };
    }

    /** One column holding the label (units == 1) or one-hot rows of {@code units} columns. */
    public static INDArray labels(Examples ex, int units, DataType type) {
        int n = ex.size();
        INDArray y = Nd4j.zeros(type, n, units);
        for (int i = 0; i < n; i++) {
            if (units == 1) {
                y.putScalar(i, 0, ex.labels()[i]);
            } else {
                y.putScalar(i, ex.labels()[i], 1.0);
            }
        }
        return y;
    }

    public static DataSet dataSet(Examples ex, TensorShape shape, int units, DataType type) {
        return new DataSet(features(ex, shape, type), labels(ex, units, type));
    }
}
