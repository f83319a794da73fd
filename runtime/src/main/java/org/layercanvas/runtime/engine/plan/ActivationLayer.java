package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A stand-alone activation on any layout (element-wise, except softmax over the last axis of a vector). */
final class ActivationLayer extends PlanLayer {
    private final String inputId;
    private final String function;
    private final double alpha;
    private Tensor in;
    private Tensor out;
    /** For images: oneDNN's kernel on the image's own layout (null: libnd4j's on a plain array). */
    private DnnlActivation image;

    ActivationLayer(String id, String inputId, String function, double alpha) {
        super(id);
        this.inputId = inputId;
        this.function = function;
        this.alpha = alpha;
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.tensors.get(inputId);
        if (Activations.isIdentity(function)) {
            out = b.alias(id, in.layout, in, in.value, in.grad);
            return;
        }
        image = in.layout == Tensor.Layout.IMAGE && Dnnl.available() ? DnnlActivation.of(function, alpha) : null;
        if (image != null) {
            out = b.image(id, in.dims, PlanBuilder.format(in), in.needsGrad());
            b.forward(image.forward(b, PlanBuilder.format(in), in.value, out.value));
            return;
        }
        in = b.plain(in);
        INDArray a = b.buffer(in.value.shape());
        b.forward(Activations.forward(b, function, alpha, in.value, a));
        out = b.output(id, in.layout, a, in.needsGrad());
    }

    @Override
    void backward(PlanBuilder b) {
        if (Activations.isIdentity(function) || !out.gradWritten() || !in.needsGrad()) {
            return;
        }
        if (image != null) {
            b.accumulateSameLayout(in, image.backward(b, id, PlanBuilder.format(out), out.value, out.grad));
            return;
        }
        if (in.claimFirstGradWrite()) {
            b.backward(Activations.backward(b, function, alpha, in.value, out.grad, in.grad));
        } else {
            INDArray dz = b.buffer(in.value.shape());
            b.backward(Activations.backward(b, function, alpha, in.value, out.grad, dz));
            b.backward(b.op(NativeOp.of("add").in(in.grad, dz).out(in.grad)));
        }
    }
}
