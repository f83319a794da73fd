package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.random.impl.DropOutInverted;

/**
 * Inverted dropout exactly as DL4J's {@code Dropout}: a mask of {@code 1/keep} or {@code 0} drawn by the same
 * random kernel from ND4J's random generator of the training thread, so that with the same seed both engines drop
 * the same units. Backward multiplies the gradient by the same mask.
 */
final class DropoutLayer extends PlanLayer {
    private final String inputId;
    private final double keep;
    private Tensor in;
    private Tensor out;
    private INDArray mask;

    DropoutLayer(String id, String inputId, double rate) {
        super(id);
        this.inputId = inputId;
        this.keep = 1.0 - rate;
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.plain(b.tensors.get(inputId));
        INDArray ones = b.buffer(in.value.shape()).assign(1.0);
        mask = b.buffer(in.value.shape());
        b.forward("dropout mask (random)", RandomKernel.of(new DropOutInverted(ones, mask, keep), ones, mask));
        INDArray a = b.buffer(in.value.shape());
        b.forward(b.op(NativeOp.of("multiply").in(in.value, mask).out(a)));
        out = b.output(id, in.layout, a, in.needsGrad());
    }

    @Override
    void backward(PlanBuilder b) {
        if (!in.needsGrad() || !out.gradWritten()) {
            return;
        }
        if (in.claimFirstGradWrite()) {
            b.backward(b.op(NativeOp.of("multiply").in(out.grad, mask).out(in.grad)));
        } else {
            INDArray d = b.buffer(in.value.shape());
            b.backward(b.op(NativeOp.of("multiply").in(out.grad, mask).out(d)));
            b.backward(b.op(NativeOp.of("add").in(in.grad, d).out(in.grad)));
        }
    }
}
