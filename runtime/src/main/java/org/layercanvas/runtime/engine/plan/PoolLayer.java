package org.layercanvas.runtime.engine.plan;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WORKSPACE;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_avg_exclude_padding;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_max;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_v2_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_pooling_v2_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_workspace_md;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_pooling_v2_desc_t;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MaxPool2D, AvgPool2D and GlobalAvgPool over an image, with oneDNN. Max pooling keeps oneDNN's workspace (where
 * each maximum came from) for the backward pass. Average pooling leaves padding out of the divisor, as DL4J's
 * builder does by default; padding follows DL4J (none for {@code valid}, TensorFlow's split for {@code same}). The
 * global form averages each channel's whole plane and produces a vector {@code [b, c]}.
 */
final class PoolLayer extends PlanLayer {
    private final String inputId;
    private final boolean max;
    private final int size;
    private final int stride;
    private final boolean same;
    private final boolean global;
    /** The output shape from the document's analysis (null for the global form). */
    private final org.layercanvas.model.shape.TensorShape outShape;
    private Tensor in;
    private Tensor out;
    private dnnl_primitive_desc forwardPd;
    private dnnl_memory_desc_t outMd;
    private INDArray workspace;
    private dnnl_memory_desc_t workspaceMd;
    private long[] strides;
    private long[] kernel;
    private long[] padLeft;
    private long[] padRight;

    PoolLayer(String id, String inputId, boolean max, int size, int stride, boolean same,
              org.layercanvas.model.shape.TensorShape outShape) {
        this(id, inputId, max, size, stride, same, false, outShape);
    }

    private PoolLayer(String id, String inputId, boolean max, int size, int stride, boolean same, boolean global,
                      org.layercanvas.model.shape.TensorShape outShape) {
        super(id);
        this.outShape = outShape;
        this.inputId = inputId;
        this.max = max;
        this.size = size;
        this.stride = stride;
        this.same = same;
        this.global = global;
    }

    /** Global average pooling of an image into a vector. */
    static PoolLayer globalAverage(String id, String inputId) {
        return new PoolLayer(id, inputId, false, 0, 0, false, true, null);
    }

    @Override
    void forward(PlanBuilder b) {
        Dnnl dnnl = b.dnnl();
        in = b.tensors.get(inputId);
        long[] src = in.dims;
        long h = src[2];
        long w = src[3];
        long kh = global ? h : size;
        long kw = global ? w : size;
        long sh = global ? 1 : stride;
        long sw = global ? 1 : stride;
        long oh = global ? 1 : outShape.dim(0);
        long ow = global ? 1 : outShape.dim(1);
        long[] dst = {src[0], src[1], oh, ow};
        kernel = new long[] {kh, kw};
        strides = new long[] {sh, sw};
        padLeft = new long[2];
        padRight = new long[2];
        long[] in2 = {h, w};
        long[] out2 = {oh, ow};
        for (int axis = 0; axis < 2; axis++) {
            long total = same ? Math.max(0, (out2[axis] - 1) * strides[axis] + kernel[axis] - in2[axis]) : 0;
            padLeft[axis] = total / 2;
            padRight[axis] = total - total / 2;
        }
        dnnl_memory_desc_t inMd = PlanBuilder.format(in);
        // a global pool hands its [b, c, 1, 1] result to vector layers: plain
        dnnl_memory_desc_t dstMd = global ? Dnnl.md(org.bytedeco.dnnl.global.dnnl.dnnl_nchw, dst) : Dnnl.any(dst);
        dnnl_pooling_v2_desc_t desc = new dnnl_pooling_v2_desc_t();
        Dnnl.check(dnnl_pooling_v2_forward_desc_init(desc, dnnl_forward_training, algorithm(), inMd, dstMd,
                strides, kernel, new long[2], padLeft, padRight), "describe the pooling of " + id);
        forwardPd = dnnl.describe(desc, null, null, "plan the pooling of " + id);
        outMd = Dnnl.query(forwardPd, dnnl_query_dst_md);
        boolean grad = in.needsGrad();
        List<Object> args = new ArrayList<>(List.of(DNNL_ARG_SRC, dnnl.memory(inMd, in.value)));
        if (global) {
            INDArray v = b.buffer(src[0], src[1]);
            out = b.output(id, Tensor.Layout.VECTOR, v, grad);
            args.addAll(List.of(DNNL_ARG_DST, dnnl.memory(outMd, v)));
        } else {
            out = b.image(id, dst, outMd, grad);
            args.addAll(List.of(DNNL_ARG_DST, dnnl.memory(outMd, out.value)));
        }
        if (max) {
            workspaceMd = Dnnl.query(forwardPd, dnnl_query_workspace_md);
            workspace = Dnnl.allocate(workspaceMd);
            args.addAll(List.of(DNNL_ARG_WORKSPACE, dnnl.memory(workspaceMd, workspace)));
        }
        b.forward(max ? "max pooling" : "average pooling", dnnl.step(forwardPd, "pooling", args.toArray()));
    }

    private int algorithm() {
        return max ? dnnl_pooling_max : dnnl_pooling_avg_exclude_padding;
    }

    @Override
    void backward(PlanBuilder b) {
        if (!in.needsGrad() || !out.gradWritten()) {
            return;
        }
        Dnnl dnnl = b.dnnl();
        dnnl_memory_desc_t inMd = PlanBuilder.format(in);
        dnnl_pooling_v2_desc_t desc = new dnnl_pooling_v2_desc_t();
        Dnnl.check(dnnl_pooling_v2_backward_desc_init(desc, algorithm(), inMd, outMd, strides, kernel, new long[2],
                padLeft, padRight), "describe the pooling gradient of " + id);
        dnnl_primitive_desc pd = dnnl.describe(desc, null, forwardPd, "plan the pooling gradient of " + id);
        boolean direct = !in.gradWritten();
        INDArray target = direct ? in.grad : Dnnl.allocate(inMd);
        if (direct) {
            in.claimFirstGradWrite();
        }
        List<Object> args = new ArrayList<>(List.of(DNNL_ARG_DIFF_DST, dnnl.memory(outMd, out.grad),
                DNNL_ARG_DIFF_SRC, dnnl.memory(inMd, target)));
        if (max) {
            args.addAll(List.of(DNNL_ARG_WORKSPACE, dnnl.memory(workspaceMd, workspace)));
        }
        b.backward(max ? "max pooling backward" : "average pooling backward",
                dnnl.step(pd, "pooling backward", args.toArray()));
        if (!direct) {
            b.accumulateSameLayout(in, target);
        }
    }
}
