package org.layercanvas.runtime.engine.plan;

/**
 * One document node translated into plan steps. {@link #forward} runs first for every node in topological order
 * (it creates the node's output), then {@link #backward} for every node in reverse order.
 */
abstract class PlanLayer {
    final String id;

    PlanLayer(String id) {
        this.id = id;
    }

    abstract void forward(PlanBuilder b);

    abstract void backward(PlanBuilder b);

    /** Adds {@code from} into {@code target}'s gradient, or copies it when this is the first contribution. */
    static Step accumulate(PlanBuilder b, Tensor target, org.nd4j.linalg.api.ndarray.INDArray from) {
        if (target.claimFirstGradWrite()) {
            return b.op(NativeOp.of("assign").in(target.grad, from).out(target.grad));
        }
        return b.op(NativeOp.of("add").in(target.grad, from).out(target.grad));
    }
}
