package org.layercanvas.runtime.engine.plan;

import java.nio.FloatBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The Output node: a dense layer, its activation and the loss. The activation, the loss and its gradient are
 * computed in Java on a copy of the (small) {@code [batch, units]} pre-activations, with exactly DL4J's formulas
 * (its clipping included), so that the score equals {@code ComputationGraph.score()}; for a few hundred values
 * this is faster than native kernels:
 * <ul>
 * <li>{@code softmax_ce}: softmax, loss {@code -sum(y log max(p, 1e-10))}, gradient {@code p - y};</li>
 * <li>{@code sigmoid_bce}: sigmoid, loss on {@code p} clipped to {@code [1e-5, 1 - 1e-5]}, gradient
 *     {@code (pc - y) / (pc (1 - pc)) * p (1 - p)};</li>
 * <li>{@code mse}: identity, loss {@code sum((p - y)^2) / units}, gradient {@code 2 (p - y) / units};</li>
 * <li>{@code mae}: identity, loss {@code sum(|p - y|) / units}, gradient {@code sign(p - y) / units}.</li>
 * </ul>
 * Losses are averaged over the minibatch, gradients divided by its size (DL4J divides in its updater).
 */
final class OutputLayer extends PlanLayer {
    private static final double SOFTMAX_CLIP = 1e-10;
    private static final double BCE_CLIP = 1e-5;

    private final String inputId;
    private final int units;
    private final String loss;
    private Tensor in;
    private INDArray z;
    private INDArray dz;
    private FloatBuffer zBuffer;
    private FloatBuffer dzBuffer;
    private float[] logits;
    private float[] outputs;
    private float[] gradient;

    OutputLayer(String id, String inputId, int units, String loss) {
        super(id);
        this.inputId = inputId;
        this.units = units;
        this.loss = loss;
    }

    static boolean supported(String loss) {
        return switch (loss) {
            case "softmax_ce", "sigmoid_bce", "mse", "mae" -> true;
            default -> false;
        };
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.tensors.get(inputId);
        z = b.buffer(b.batch, units);
        b.forward(b.op(NativeOp.of("matmul").in(in.value, b.param(id, "W")).out(z)));
        b.forward(b.op(NativeOp.of("biasadd").in(z, b.param(id, "b")).out(z).inPlace()));
        dz = b.buffer(b.batch, units);
        zBuffer = z.data().asNioFloat();
        dzBuffer = dz.data().asNioFloat();
        logits = new float[b.batch * units];
        outputs = new float[b.batch * units];
        gradient = new float[b.batch * units];
        b.output(id, Tensor.Layout.VECTOR, z, false);
    }

    /**
     * The loss of the minibatch whose labels are {@code labels} ({@code [batch * units]}, row-major), averaged over
     * the examples; also writes the loss gradient with respect to {@code z}. Called after the forward steps.
     */
    double lossAndGradient(float[] labels) {
        zBuffer.clear();
        zBuffer.get(logits);
        int n = logits.length / units;
        switch (loss) {
            case "softmax_ce" -> softmax(n);
            case "sigmoid_bce" -> {
                for (int i = 0; i < logits.length; i++) {
                    outputs[i] = (float) (1 / (1 + Math.exp(-logits[i])));
                }
            }
            default -> System.arraycopy(logits, 0, outputs, 0, logits.length);
        }
        double sum = switch (loss) {
            case "softmax_ce" -> softmaxCrossEntropy(labels, n);
            case "sigmoid_bce" -> sigmoidCrossEntropy(labels, n);
            case "mse" -> squaredError(labels, n);
            case "mae" -> absoluteError(labels, n);
            default -> throw new IllegalStateException(loss);
        };
        dzBuffer.clear();
        dzBuffer.put(gradient);
        return sum / n;
    }

    private void softmax(int n) {
        for (int r = 0; r < n; r++) {
            int from = r * units;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < units; j++) {
                max = Math.max(max, logits[from + j]);
            }
            double sum = 0;
            for (int j = 0; j < units; j++) {
                double e = Math.exp(logits[from + j] - max);
                outputs[from + j] = (float) e;
                sum += e;
            }
            for (int j = 0; j < units; j++) {
                outputs[from + j] = (float) (outputs[from + j] / sum);
            }
        }
    }

    private double softmaxCrossEntropy(float[] y, int n) {
        double sum = 0;
        float scale = 1f / n;
        for (int i = 0; i < outputs.length; i++) {
            float pi = outputs[i];
            if (y[i] != 0) {
                double clipped = Math.min(Math.max(pi, SOFTMAX_CLIP), 1 - SOFTMAX_CLIP);
                sum -= y[i] * Math.log((float) clipped);
            }
            gradient[i] = (pi - y[i]) * scale;
        }
        return sum;
    }

    private double sigmoidCrossEntropy(float[] y, int n) {
        double sum = 0;
        float scale = 1f / n;
        for (int i = 0; i < outputs.length; i++) {
            float pi = outputs[i];
            float pc = (float) Math.min(Math.max(pi, BCE_CLIP), 1 - BCE_CLIP);
            sum -= y[i] * Math.log(pc) + (1 - y[i]) * Math.log(1 - pc);
            float dLda = (pc - y[i]) / (pc * (1 - pc));
            gradient[i] = dLda * (pi * (1 - pi)) * scale;
        }
        return sum;
    }

    private double squaredError(float[] y, int n) {
        double sum = 0;
        float scale = 2f / units / n;
        for (int i = 0; i < outputs.length; i++) {
            float d = outputs[i] - y[i];
            sum += (double) d * d;
            gradient[i] = d * scale;
        }
        return sum / units;
    }

    private double absoluteError(float[] y, int n) {
        double sum = 0;
        float scale = 1f / units / n;
        for (int i = 0; i < outputs.length; i++) {
            float d = outputs[i] - y[i];
            sum += Math.abs(d);
            gradient[i] = Math.signum(d) * scale;
        }
        return sum / units;
    }

    int units() {
        return units;
    }

    @Override
    void backward(PlanBuilder b) {
        Gradients.dense(b, id, in, dz, true);
    }
}
