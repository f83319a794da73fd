package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** GlobalAvgPool over time: the mean of a time-major sequence {@code [t, b, f]} over its steps, {@code [b, f]}. */
final class SequencePoolLayer extends PlanLayer {
    private final String inputId;
    private Tensor in;
    private Tensor out;

    SequencePoolLayer(String id, String inputId) {
        super(id);
        this.inputId = inputId;
    }

    @Override
    void forward(PlanBuilder b) {
        in = b.tensors.get(inputId);
        INDArray mean = b.buffer(in.dims[1], in.dims[2]);
        b.forward(b.op(NativeOp.of("reduce_mean").in(in.value).out(mean).ints(0)));
        out = b.output(id, Tensor.Layout.VECTOR, mean, in.needsGrad());
    }

    @Override
    void backward(PlanBuilder b) {
        if (!in.needsGrad() || !out.gradWritten()) {
            return;
        }
        // every step gets the gradient of the mean / t
        INDArray share = b.buffer(in.dims[1], in.dims[2]);
        INDArray scale = Nd4j.scalar(share.dataType(), 1.0 / in.dims[0]);
        b.backward(b.op(NativeOp.of("multiply").in(out.grad, scale).out(share)));
        b.backward(in.claimFirstGradWrite() ? b.op(NativeOp.of("assign").in(in.grad, share).out(in.grad))
                : b.op(NativeOp.of("add").in(in.grad, share).out(in.grad)));
    }
}
