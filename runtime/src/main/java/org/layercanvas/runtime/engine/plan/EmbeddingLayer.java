package org.layercanvas.runtime.engine.plan;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Embedding (DL4J's EmbeddingSequenceLayer, no bias): the rows of {@code W [vocab, dim]} picked by the token ids
 * give the time-major sequence {@code [t, b, dim]}; backward adds each position's gradient into the row of its
 * token. DL4J stores {@code W} in 'f' order, so a row is {@code dim} values a whole vocabulary apart: libnd4j's
 * gather and scatter-add take 0.3 and 1.9 ms for W4's minibatch on it. Here both run in Java on a copy of the
 * table (one bulk copy each way): a few tens of microseconds.
 */
final class EmbeddingLayer extends PlanLayer {
    private final String inputId;
    private final int dim;
    private Tensor in;
    private Tensor out;

    EmbeddingLayer(String id, String inputId, int dim) {
        super(id);
        this.inputId = inputId;
        this.dim = dim;
    }

    /** The memory of a contiguous array as a float buffer (from its offset). */
    static FloatBuffer floats(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).position((int) (a.offset() * 4))
                .limit((int) ((a.offset() + a.length()) * 4)).slice().order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    static IntBuffer ints(INDArray a) {
        return a.data().asNio().order(ByteOrder.nativeOrder()).position((int) (a.offset() * 4))
                .limit((int) ((a.offset() + a.length()) * 4)).slice().order(ByteOrder.nativeOrder()).asIntBuffer();
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.tensors.get(inputId);
        int positions = (int) in.value.length();
        INDArray w = b.param(id, "W");
        int vocab = (int) w.size(0);
        requireColumnMajor(w);
        INDArray rows = b.buffer(positions, dim);
        FloatBuffer table = floats(w);
        IntBuffer ids = ints(in.value);
        FloatBuffer target = floats(rows);
        float[] copy = new float[vocab * dim];
        int[] tokens = new int[positions];
        float[] gathered = new float[positions * dim];
        b.forward("gather (Java)", () -> {
            table.clear();
            table.get(copy);
            ids.clear();
            ids.get(tokens);
            for (int p = 0; p < positions; p++) {
                int token = tokens[p];
                int at = p * dim;
                for (int d = 0; d < dim; d++) {
                    gathered[at + d] = copy[d * vocab + token];
                }
            }
            target.clear();
            target.put(gathered);
        });
        out = b.output(id, Tensor.Layout.SEQUENCE, Views.reshape(rows, positions / b.batch, b.batch, dim), true);
    }

    private static void requireColumnMajor(INDArray w) {
        if (w.ordering() != 'f' || w.elementWiseStride() != 1) {
            throw new IllegalStateException("expected DL4J's embedding table in 'f' order, got " + w.ordering());
        }
    }

    @Override
    void backward(PlanBuilder b) {
        if (!out.gradWritten()) {
            return;
        }
        int positions = (int) in.value.length();
        INDArray gradW = b.paramGrad(id, "W");
        requireColumnMajor(gradW);
        int vocab = (int) gradW.size(0);
        FloatBuffer target = floats(gradW);
        FloatBuffer source = floats(out.grad);
        IntBuffer ids = ints(in.value);
        float[] sums = new float[vocab * dim];
        float[] grads = new float[positions * dim];
        int[] tokens = new int[positions];
        b.backward("scatter-add (Java)", () -> {
            Arrays.fill(sums, 0f);
            source.clear();
            source.get(grads);
            ids.clear();
            ids.get(tokens);
            for (int p = 0; p < positions; p++) {
                int token = tokens[p];
                int at = p * dim;
                for (int d = 0; d < dim; d++) {
                    sums[d * vocab + token] += grads[at + d];
                }
            }
            target.clear();
            target.put(sums);
        });
    }
}
