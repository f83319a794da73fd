package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Backward steps shared by the layers that end in {@code z = x W + b}. */
final class Gradients {
    private Gradients() {
    }

    /**
     * From {@code dz} ({@code [batch, out]}): {@code dW = x^T dz}, {@code db = sum(dz)} over the batch, and
     * {@code dx = dz W^T} when the input needs a gradient.
     */
    static void dense(PlanBuilder b, String id, Tensor in, INDArray dz, boolean bias) {
        INDArray w = b.param(id, "W");
        b.backward(b.op(NativeOp.of("matmul").in(in.value, dz).out(b.paramGrad(id, "W")).ints(1, 0, 0)));
        if (bias) {
            b.backward(sumOverBatch(b, dz, b.paramGrad(id, "b")));
        }
        if (in.needsGrad()) {
            boolean first = in.claimFirstGradWrite();
            b.backward(b.op(NativeOp.of("matmul").in(dz, w).out(in.grad).ints(0, 1, 0)
                    .reals(1.0, first ? 0.0 : 1.0)));
        }
    }

    /** {@code target[j] = sum_i dz[i, j]}; {@code target} is a {@code [1, n]} (or {@code [n]}) contiguous view. */
    static Step sumOverBatch(PlanBuilder b, INDArray dz, INDArray target) {
        INDArray flat = Views.flat(target);
        return b.op(NativeOp.of("reduce_sum").in(dz).out(flat).ints(0));
    }
}
