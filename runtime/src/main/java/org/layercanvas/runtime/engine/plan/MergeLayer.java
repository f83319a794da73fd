package org.layercanvas.runtime.engine.plan;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Add (element-wise sum of same-shaped inputs) and Concatenate (along features for vectors and sequences, along
 * channels for images, as DL4J's MergeVertex). Backward hands each input the gradient, or its slice of it.
 */
final class MergeLayer extends PlanLayer {
    private final List<String> inputIds;
    private final boolean concatenate;
    private Tensor[] ins;
    private Tensor out;
    private int axis;

    MergeLayer(String id, List<String> inputIds, boolean concatenate) {
        super(id);
        this.inputIds = inputIds;
        this.concatenate = concatenate;
    }

    @Override
    void forward(PlanBuilder b) {
        ins = inputIds.stream().map(i -> b.plain(b.tensors.get(i))).toArray(Tensor[]::new);
        boolean grad = false;
        INDArray[] values = new INDArray[ins.length];
        for (int i = 0; i < ins.length; i++) {
            values[i] = ins[i].value;
            grad |= ins[i].needsGrad();
        }
        Tensor.Layout layout = ins[0].layout;
        if (ins.length == 1) {
            out = b.alias(id, layout, ins[0], ins[0].value, ins[0].grad);
            return;
        }
        INDArray result;
        if (concatenate) {
            axis = layout == Tensor.Layout.SEQUENCE ? 2 : 1;
            long[] shape = values[0].shape().clone();
            shape[axis] = 0;
            for (INDArray v : values) {
                shape[axis] += v.size(axis);
            }
            result = b.buffer(shape);
            b.forward(b.op(NativeOp.of("concat").in(values).out(result).ints(axis)));
        } else {
            result = b.buffer(values[0].shape());
            b.forward(b.op(NativeOp.of("mergeadd").in(values).out(result)));
        }
        out = b.output(id, layout, result, grad);
    }

    @Override
    void backward(PlanBuilder b) {
        if (ins.length == 1 || !out.gradWritten()) {
            return;
        }
        long offset = 0;
        for (Tensor in : ins) {
            INDArray part = out.grad;
            if (concatenate) {
                long width = in.value.size(axis);
                INDArrayIndex[] index = new INDArrayIndex[out.grad.rank()];
                for (int d = 0; d < index.length; d++) {
                    index[d] = d == axis ? NDArrayIndex.interval(offset, offset + width) : NDArrayIndex.all();
                }
                part = out.grad.get(index);
                offset += width;
            }
            if (in.needsGrad()) {
                b.backward(accumulate(b, in, part));
            }
        }
    }
}
