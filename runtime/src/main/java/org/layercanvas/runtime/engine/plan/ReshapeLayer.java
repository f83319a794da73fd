package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Flatten. An image {@code [b, c, h, w]} is already laid out as DL4J's flattened {@code [b, c*h*w]}: the output is a
 * view of the same memory, and so is its gradient. A time-major sequence {@code [t, b, f]} is copied into DL4J's
 * order {@code [b, f*t]} (feature-major within an example), and its gradient copied back. A vector passes through.
 */
final class ReshapeLayer extends PlanLayer {
    private final String inputId;
    private Tensor in;
    private Tensor out;

    ReshapeLayer(String id, String inputId) {
        super(id);
        this.inputId = inputId;
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.plain(b.tensors.get(inputId));
        switch (in.layout) {
            case VECTOR -> out = b.alias(id, Tensor.Layout.VECTOR, in, in.value, in.grad);
            case IMAGE -> {
                long features = in.value.length() / b.batch;
                out = b.alias(id, Tensor.Layout.VECTOR, in, Views.reshape(in.value, b.batch, features),
                        in.grad == null ? null : Views.reshape(in.grad, b.batch, features));
            }
            case SEQUENCE -> {
                long t = in.value.size(0);
                long f = in.value.size(2);
                INDArray flat = b.buffer(b.batch, f * t);
                // [b, f, t] view of the flat buffer, filled from the [t, b, f] sequence permuted to [b, f, t]
                INDArray target = Views.reshape(flat, b.batch, f, t);
                b.forward(b.op(NativeOp.of("assign").in(target, in.value.permute(1, 2, 0)).out(target)));
                out = b.output(id, Tensor.Layout.VECTOR, flat, in.needsGrad());
            }
            case TOKENS -> throw new IllegalStateException("flatten of token ids");
        }
    }

    @Override
    void backward(PlanBuilder b) {
        if (in.layout != Tensor.Layout.SEQUENCE || !in.needsGrad() || !out.gradWritten()) {
            return;
        }
        long t = in.value.size(0);
        long f = in.value.size(2);
        INDArray gradBft = Views.reshape(out.grad, b.batch, f, t).permute(2, 0, 1);
        b.backward(accumulate(b, in, gradBft));
    }
}
