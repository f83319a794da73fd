package org.layercanvas.runtime.engine.plan;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_BIAS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_backward_data;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_dilated_convolution_backward_data_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_dilated_convolution_backward_weights_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_dilated_convolution_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_oihw;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_convolution_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Conv2D with oneDNN: forward with the activation fused into the convolution, backward through the activation
 * (from the output), then weights and bias gradients and, when the input needs one, the input gradient. DL4J's
 * parameters stay in its {@code [out, in, k, k]} layout; oneDNN's preferred weight layout is a copy made before
 * every forward pass (a few thousand values) and its weight gradient is copied back into DL4J's gradient view.
 * Padding follows DL4J: none for {@code valid}, TensorFlow's split (extra row and column at the bottom and right)
 * for {@code same}.
 */
final class ConvLayer extends PlanLayer {
    private final String inputId;
    private final TensorShape inShape;
    private final TensorShape outShape;
    private final int kernel;
    private final int stride;
    private final int dilation;
    private final boolean same;
    private final DnnlActivation activation;
    private Tensor in;
    private Tensor src;
    private Tensor out;
    private dnnl_primitive_desc forwardPd;
    private dnnl_memory_desc_t weightsMd;
    private INDArray weights;
    private long[] strides;
    private long[] dilates;
    private long[] padLeft;
    private long[] padRight;

    ConvLayer(String id, String inputId, TensorShape inShape, TensorShape outShape, int kernel, int stride,
              int dilation, boolean same, DnnlActivation activation) {
        super(id);
        this.inputId = inputId;
        this.inShape = inShape;
        this.outShape = outShape;
        this.kernel = kernel;
        this.stride = stride;
        this.dilation = dilation;
        this.same = same;
        this.activation = activation;
    }

    @Override
    void forward(PlanBuilder b) {
        Dnnl dnnl = b.dnnl();
        in = b.tensors.get(inputId);
        long n = b.batch;
        long c = inShape.dim(2);
        long o = outShape.dim(2);
        long[] srcDims = {n, c, inShape.dim(0), inShape.dim(1)};
        long[] dstDims = {n, o, outShape.dim(0), outShape.dim(1)};
        long[] wDims = {o, c, kernel, kernel};
        strides = new long[] {stride, stride};
        dilates = new long[] {dilation - 1, dilation - 1};
        padLeft = new long[2];
        padRight = new long[2];
        for (int axis = 0; axis < 2; axis++) {
            long total = same ? Math.max(0, (dstDims[2 + axis] - 1) * stride + (long) (kernel - 1) * dilation + 1
                    - srcDims[2 + axis]) : 0;
            padLeft[axis] = total / 2;
            padRight[axis] = total - total / 2;
        }
        dnnl_convolution_desc_t desc = new dnnl_convolution_desc_t();
        Dnnl.check(dnnl_dilated_convolution_forward_desc_init(desc, dnnl_forward_training, dnnl_convolution_direct,
                Dnnl.any(srcDims), Dnnl.any(wDims), Dnnl.md(dnnl_x, o), Dnnl.any(dstDims), strides, dilates, padLeft,
                padRight), "describe the convolution of " + id);
        forwardPd = dnnl.describe(desc, activation.postOps(), null, "plan the convolution of " + id);
        src = b.convert(in, Dnnl.query(forwardPd, dnnl_query_src_md));
        // DL4J's weights as oneDNN wants them, refreshed from the parameters before every forward pass
        INDArray w = b.param(id, "W");
        dnnl_memory_desc_t plainW = Dnnl.md(dnnl_oihw, wDims);
        weightsMd = Dnnl.query(forwardPd, dnnl_query_weights_md);
        if (Dnnl.same(weightsMd, plainW)) {
            weights = w;
        } else {
            weights = Dnnl.allocate(weightsMd);
            b.forward("weights layout", dnnl.reorder(plainW, w, weightsMd, weights));
        }
        out = b.image(id, dstDims, Dnnl.query(forwardPd, dnnl_query_dst_md), true);
        b.forward("convolution" + activation.suffix(), dnnl.step(forwardPd, "convolution",
                DNNL_ARG_SRC, dnnl.memory(PlanBuilder.format(src), src.value),
                DNNL_ARG_WEIGHTS, dnnl.memory(weightsMd, weights),
                DNNL_ARG_BIAS, dnnl.memory(Dnnl.md(dnnl_x, o), b.param(id, "b")),
                DNNL_ARG_DST, dnnl.memory(PlanBuilder.format(out), out.value)));
    }

    @Override
    void backward(PlanBuilder b) {
        if (!out.gradWritten()) {
            return;
        }
        Dnnl dnnl = b.dnnl();
        dnnl_memory_desc_t outMd = PlanBuilder.format(out);
        INDArray dz = activation.backward(b, id, outMd, out.value, out.grad);
        long o = out.dims[1];
        long[] wDims = {o, src.dims[1], kernel, kernel};

        dnnl_convolution_desc_t wd = new dnnl_convolution_desc_t();
        Dnnl.check(dnnl_dilated_convolution_backward_weights_desc_init(wd, dnnl_convolution_direct,
                PlanBuilder.format(src), Dnnl.any(wDims), Dnnl.md(dnnl_x, o), outMd, strides, dilates, padLeft,
                padRight), "describe the weight gradient of " + id);
        dnnl_primitive_desc weightsPd = dnnl.describe(wd, null, forwardPd, "plan the weight gradient of " + id);
        INDArray dzForWeights = as(b, outMd, dz, Dnnl.query(weightsPd, dnnl_query_diff_dst_md));
        dnnl_memory_desc_t diffWMd = Dnnl.query(weightsPd, dnnl_query_diff_weights_md);
        dnnl_memory_desc_t plainW = Dnnl.md(dnnl_oihw, wDims);
        INDArray gradW = b.paramGrad(id, "W");
        INDArray diffW = Dnnl.same(diffWMd, plainW) ? gradW : Dnnl.allocate(diffWMd);
        b.backward("weight gradient", dnnl.step(weightsPd, "convolution weight gradient",
                DNNL_ARG_SRC, dnnl.memory(PlanBuilder.format(src), src.value),
                DNNL_ARG_DIFF_DST, dnnl.memory(Dnnl.query(weightsPd, dnnl_query_diff_dst_md), dzForWeights),
                DNNL_ARG_DIFF_WEIGHTS, dnnl.memory(diffWMd, diffW),
                DNNL_ARG_DIFF_BIAS, dnnl.memory(Dnnl.md(dnnl_x, o), b.paramGrad(id, "b"))));
        if (diffW != gradW) {
            b.backward("weight gradient layout", dnnl.reorder(diffWMd, diffW, plainW, gradW));
        }

        if (src.needsGrad()) {
            dnnl_convolution_desc_t dd = new dnnl_convolution_desc_t();
            // Weights in any layout: the backward-data kernels block them differently from the forward ones, and
            // holding oneDNN to the forward layout left it only its reference kernel (seconds per minibatch).
            Dnnl.check(dnnl_dilated_convolution_backward_data_desc_init(dd, dnnl_convolution_direct,
                    Dnnl.any(src.dims), Dnnl.any(wDims), outMd, strides, dilates, padLeft, padRight),
                    "describe the input gradient of " + id);
            dnnl_primitive_desc dataPd = dnnl.describe(dd, null, forwardPd, "plan the input gradient of " + id);
            dnnl_memory_desc_t dataWeightsMd = Dnnl.query(dataPd, dnnl_query_weights_md);
            INDArray dataWeights = weights;
            if (!Dnnl.same(dataWeightsMd, weightsMd)) {
                dataWeights = Dnnl.allocate(dataWeightsMd);
                b.backward("weights layout", dnnl.reorder(weightsMd, weights, dataWeightsMd, dataWeights));
            }
            INDArray dzForData = as(b, outMd, dz, Dnnl.query(dataPd, dnnl_query_diff_dst_md));
            dnnl_memory_desc_t diffSrcMd = Dnnl.query(dataPd, dnnl_query_diff_src_md);
            dnnl_memory_desc_t srcMd = PlanBuilder.format(src);
            boolean direct = Dnnl.same(diffSrcMd, srcMd) && !src.gradWritten();
            INDArray diffSrc = direct ? src.grad : Dnnl.allocate(diffSrcMd);
            if (direct) {
                src.claimFirstGradWrite();
            }
            b.backward("input gradient", dnnl.step(dataPd, "convolution input gradient",
                    DNNL_ARG_DIFF_DST, dnnl.memory(Dnnl.query(dataPd, dnnl_query_diff_dst_md), dzForData),
                    DNNL_ARG_WEIGHTS, dnnl.memory(dataWeightsMd, dataWeights),
                    DNNL_ARG_DIFF_SRC, dnnl.memory(diffSrcMd, diffSrc)));
            if (!direct) {
                INDArray same = Dnnl.same(diffSrcMd, srcMd) ? diffSrc : Dnnl.allocate(srcMd);
                if (same != diffSrc) {
                    b.backward("input gradient layout", dnnl.reorder(diffSrcMd, diffSrc, srcMd, same));
                }
                b.accumulateSameLayout(src, same);
            }
        }
    }

    /** {@code values} (layout {@code from}) in layout {@code to}: itself, or a copy reordered each pass. */
    private static INDArray as(PlanBuilder b, dnnl_memory_desc_t from, INDArray values, dnnl_memory_desc_t to) {
        if (Dnnl.same(from, to)) {
            return values;
        }
        INDArray copy = Dnnl.allocate(to);
        b.backward("gradient layout", b.dnnl().reorder(from, values, to, copy));
        return copy;
    }
}
