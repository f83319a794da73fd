package org.layercanvas.runtime.engine.plan;

import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Not a node of the document: an image copied into another memory layout for a layer that needs it (made by
 * {@link PlanBuilder#convert}). Forward reorders the values; backward reorders the gradient back and adds it to the
 * source's.
 */
final class ConvertLayer extends PlanLayer {
    private final Tensor source;
    private final dnnl_memory_desc_t target;
    Tensor out;

    ConvertLayer(Tensor source, dnnl_memory_desc_t target) {
        super("(layout)");
        this.source = source;
        this.target = target;
    }

    @Override
    void forward(PlanBuilder b) {
        Dnnl dnnl = b.dnnl();
        out = b.image(null, source.dims, target, source.needsGrad());
        b.forward("reorder", dnnl.reorder(PlanBuilder.format(source), source.value, PlanBuilder.format(out),
                out.value));
    }

    @Override
    void backward(PlanBuilder b) {
        if (!source.needsGrad() || !out.gradWritten()) {
            return;
        }
        Dnnl dnnl = b.dnnl();
        if (source.claimFirstGradWrite()) {
            b.backward("reorder", dnnl.reorder(PlanBuilder.format(out), out.grad, PlanBuilder.format(source),
                    source.grad));
        } else {
            INDArray temp = Dnnl.allocate(PlanBuilder.format(source));
            b.backward("reorder", dnnl.reorder(PlanBuilder.format(out), out.grad, PlanBuilder.format(source), temp));
            INDArray to = Views.flat(source.grad);
            INDArray from = Views.flat(temp).get(
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, to.length()));
            b.backward(b.op(NativeOp.of("add").in(to, from).out(to)));
        }
    }
}
