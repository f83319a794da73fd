package org.layercanvas.runtime.engine.plan;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.engine.EngineMessages;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The Input node: copies a minibatch's features (in the layout the data iterator produces, see
 * {@code StreamingIterator}) into the plan's input buffer. Vectors and images are copied as they are; time series
 * {@code [b, f, t]} are turned time-major {@code [t, b, f]}; token ids {@code [b, 1, t]} become time-major ints,
 * checked against the vocabulary (a kernel must never read outside the embedding table).
 */
final class InputLayer extends PlanLayer {
    private final TensorShape shape;
    private Tensor out;
    private FloatBuffer target;
    private float[] staging;
    private int[] tokens;
    private IntBuffer tokenTarget;

    InputLayer(String id, TensorShape shape) {
        super(id);
        this.shape = shape;
    }

    @Override
    void forward(PlanBuilder b) {
        int n = b.batch;
        switch (shape.kind()) {
            case VECTOR -> out = b.output(id, Tensor.Layout.VECTOR, b.buffer(n, shape.dim(0)), false);
            case IMAGE -> out = b.output(id, Tensor.Layout.IMAGE,
                    b.buffer(n, shape.dim(2), shape.dim(0), shape.dim(1)), false);
            case SEQUENCE -> {
                int t = shape.dim(0);
                int f = shape.dim(1);
                out = b.output(id, Tensor.Layout.SEQUENCE, b.buffer(t, n, f), false);
                staging = new float[t * n * f];
            }
            case TOKENS -> {
                int t = shape.dim(0);
                INDArray ids = Nd4j.create(DataType.INT, new long[] {(long) t * n}, 'c');
                out = b.output(id, Tensor.Layout.TOKENS, ids, false);
                tokens = new int[t * n];
                tokenTarget = ids.data().asNioInt();
            }
        }
        if (shape.kind() != TensorShape.Kind.TOKENS) {
            target = out.value.data().asNioFloat();
        }
    }

    /**
     * Copies one minibatch's features in from the data iterator's arrays ({@code [b, f]}, {@code [b, c, h, w]},
     * {@code [b, f, t]} or {@code [b, 1, t]}, row-major); the batch has exactly this program's size.
     */
    void load(float[] features) {
        switch (shape.kind()) {
            case TOKENS -> tokens(features);
            case SEQUENCE -> {
                int t = shape.dim(0);
                int f = shape.dim(1);
                int n = features.length / (t * f);
                for (int e = 0; e < n; e++) {
                    for (int j = 0; j < f; j++) {
                        int from = (e * f + j) * t;
                        for (int s = 0; s < t; s++) {
                            staging[(s * n + e) * f + j] = features[from + s];
                        }
                    }
                }
                target.clear();
                target.put(staging);
            }
            default -> {
                target.clear();
                target.put(features);
            }
        }
    }

    /** Copies one minibatch's features in from a DL4J array in the same layout as {@link #load(float[])}. */
    void load(INDArray batchFeatures) {
        INDArray features = contiguous(batchFeatures);
        float[] values = new float[(int) features.length()];
        features.data().asNioFloat().get(values);
        load(values);
    }

    /** The array itself when it owns its memory in row-major order (as the data iterator makes them), else a copy. */
    static INDArray contiguous(INDArray a) {
        if (a.isView() || a.ordering() != 'c' || a.dataType() != DataType.FLOAT || a.data().length() != a.length()) {
            return a.castTo(DataType.FLOAT).dup('c');
        }
        return a;
    }

    private void tokens(float[] staging) {
        int steps = shape.dim(0);
        int n = staging.length / steps;
        int vocab = shape.vocabSize();
        for (int e = 0; e < n; e++) {
            for (int s = 0; s < steps; s++) {
                float v = staging[e * steps + s];
                int id = (int) v;
                if (id != v || id < 0 || id >= vocab) {
                    throw new PlanException(EngineMessages.format("plan.tokenId", e, v, s, vocab - 1));
                }
                tokens[s * n + e] = id;
            }
        }
        tokenTarget.clear();
        tokenTarget.put(tokens);
    }

    @Override
    void backward(PlanBuilder b) {
        // data needs no gradient
    }
}
