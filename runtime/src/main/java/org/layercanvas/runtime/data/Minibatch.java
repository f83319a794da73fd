package org.layercanvas.runtime.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One minibatch as plain Java arrays, in the layout {@link StreamingIterator} documents (vectors {@code [n, f]},
 * images {@code [n, c, h, w]}, sequences {@code [n, f, t]}, tokens {@code [n, 1, t]}, labels {@code [n, units]}),
 * and, made on demand, the same as a DL4J {@link DataSet}. The compiled training plan copies the arrays straight
 * into its own buffers; DL4J gets the DataSet.
 */
public final class Minibatch {
    private final int size;
    private final float[] features;
    private final long[] featureShape;
    private final float[] labels;
    private final int labelUnits;
    private final DataType dataType;
    private final DataSetPreProcessor preProcessor;
    private volatile DataSet dataSet;

    Minibatch(int size, float[] features, long[] featureShape, float[] labels, int labelUnits, DataType dataType,
              DataSetPreProcessor preProcessor) {
        this.size = size;
        this.features = features;
        this.featureShape = featureShape;
        this.labels = labels;
        this.labelUnits = labelUnits;
        this.dataType = dataType;
        this.preProcessor = preProcessor;
    }

    /**
     * A minibatch from arrays already in the iterator's layout (for tests and benchmarks that feed engines
     * directly); {@code featureShape} starts with the number of examples.
     */
    public static Minibatch of(float[] features, long[] featureShape, float[] labels, int labelUnits) {
        return new Minibatch((int) featureShape[0], features, featureShape, labels, labelUnits, DataType.FLOAT, null);
    }

    /** Number of examples. */
    public int size() {
        return size;
    }

    /** The features, row-major in the documented layout (not to be changed). */
    public float[] features() {
        return features;
    }

    /** The labels, {@code [size, labelUnits]} row-major (not to be changed). */
    public float[] labels() {
        return labels;
    }

    public int labelUnits() {
        return labelUnits;
    }

    /** Whether a preprocessor must see this batch, which only the DataSet form gets. */
    public boolean needsDataSet() {
        return preProcessor != null || dataType != DataType.FLOAT;
    }

    /** The DL4J form (made once, on first use). */
    public DataSet dataSet() {
        DataSet ds = dataSet;
        if (ds == null) {
            ds = make();
            dataSet = ds;
        }
        return ds;
    }

    /**
     * A new 'c' array holding {@code values}, copied in one block. ({@code Nd4j.create(float[], ...)} in M2.1 stores
     * element by element: 105 of 559 profile samples of the MLP-784 bench, in the per-epoch accuracy.)
     */
    private static INDArray copyOf(float[] values, long[] shape) {
        INDArray a = Nd4j.create(DataType.FLOAT, shape, 'c');
        a.data().asNioFloat().put(values, 0, (int) Math.min(values.length, a.length()));
        return a;
    }

    private DataSet make() {
        INDArray x = copyOf(features, featureShape);
        INDArray y = copyOf(labels, new long[] {size, labelUnits});
        if (dataType != DataType.FLOAT) {
            x = x.castTo(dataType);
            y = y.castTo(dataType);
        }
        DataSet ds = new DataSet(x, y);
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }
}
