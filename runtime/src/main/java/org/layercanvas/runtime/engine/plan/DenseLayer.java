package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dense: {@code z = x W + b}, {@code a = f(z)}. DL4J keeps {@code W} as an {@code [in, out]} view in 'f' order and
 * {@code b} as {@code [1, out]}; the plan multiplies with those views directly.
 */
final class DenseLayer extends PlanLayer {
    private final String inputId;
    private final int units;
    private final String activation;
    private final double alpha;
    private final boolean bias;
    private Tensor in;
    private Tensor out;
    private INDArray z;

    DenseLayer(String id, String inputId, int units, String activation, double alpha, boolean bias) {
        super(id);
        this.inputId = inputId;
        this.units = units;
        this.activation = activation;
        this.alpha = alpha;
        this.bias = bias;
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.tensors.get(inputId);
        INDArray w = b.param(id, "W");
        z = b.buffer(b.batch, units);
        b.forward(b.op(NativeOp.of("matmul").in(in.value, w).out(z)));
        if (bias) {
            b.forward(b.op(NativeOp.of("biasadd").in(z, b.param(id, "b")).out(z).inPlace()));
        }
        INDArray a = Activations.isIdentity(activation) ? z : b.buffer(b.batch, units);
        if (a != z) {
            b.forward(Activations.forward(b, activation, alpha, z, a));
        }
        out = b.output(id, Tensor.Layout.VECTOR, a, true);
    }

    @Override
    void backward(PlanBuilder b) {
        if (!out.gradWritten()) {
            return; // a dead end: nothing downstream reaches the loss
        }
        INDArray dz = out.grad;
        if (!Activations.isIdentity(activation)) {
            dz = b.buffer(b.batch, units);
            b.backward(Activations.backward(b, activation, alpha, z, out.grad, dz));
        }
        Gradients.dense(b, id, in, dz, bias);
    }
}
