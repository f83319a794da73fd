package org.layercanvas.runtime.engine.plan;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_backward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_elu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_elu_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_logistic;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_logistic_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_relu_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_tanh;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_tanh_use_dst_for_bwd;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_append_eltwise;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_post_ops;

import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An activation of an image layer as oneDNN's element-wise kernels: fused into the producing primitive on the way
 * forward ({@link #postOps()}), and differentiated from the layer's output on the way back (oneDNN's
 * "use destination" forms), so the pre-activation never needs to be kept. Covers DL4J's relu, leaky relu (slope
 * 0.01 in a layer, or the Activation node's alpha), elu (alpha 1), sigmoid and tanh.
 */
final class DnnlActivation {
    static final DnnlActivation IDENTITY = new DnnlActivation("identity", -1, -1, 0);

    private final String name;
    private final int forward;
    private final int backward;
    private final float alpha;

    private DnnlActivation(String name, int forward, int backward, float alpha) {
        this.name = name;
        this.forward = forward;
        this.backward = backward;
        this.alpha = alpha;
    }

    /** The activation, or null when oneDNN has no kernel for it here (gelu, softmax). */
    static DnnlActivation of(String name, double alpha) {
        return switch (name) {
            case "identity" -> IDENTITY;
            case "relu" -> new DnnlActivation(name, dnnl_eltwise_relu, dnnl_eltwise_relu_use_dst_for_bwd, 0);
            case "leakyrelu" -> new DnnlActivation(name, dnnl_eltwise_relu, dnnl_eltwise_relu_use_dst_for_bwd,
                    (float) alpha);
            case "elu" -> new DnnlActivation(name, dnnl_eltwise_elu, dnnl_eltwise_elu_use_dst_for_bwd, 1f);
            case "sigmoid" -> new DnnlActivation(name, dnnl_eltwise_logistic, dnnl_eltwise_logistic_use_dst_for_bwd,
                    0);
            case "tanh" -> new DnnlActivation(name, dnnl_eltwise_tanh, dnnl_eltwise_tanh_use_dst_for_bwd, 0);
            default -> null;
        };
    }

    boolean identity() {
        return forward < 0;
    }

    /** For step labels. */
    String suffix() {
        return identity() ? "" : " + " + name;
    }

    /** Attributes fusing the activation into a primitive's output, or null for identity. */
    dnnl_primitive_attr postOps() {
        if (identity()) {
            return null;
        }
        dnnl_post_ops ops = new dnnl_post_ops();
        Dnnl.check(dnnl_post_ops_create(ops), "create post-ops");
        Dnnl.check(dnnl_post_ops_append_eltwise(ops, 1f, forward, alpha, 0f), "fuse " + name);
        dnnl_primitive_attr attr = new dnnl_primitive_attr();
        Dnnl.check(dnnl_primitive_attr_create(attr), "create attributes");
        Dnnl.check(dnnl_primitive_attr_set_post_ops(attr, ops), "attach " + name);
        return attr;
    }

    /** oneDNN's kernel {@code f} on {@code length} contiguous values (layout does not matter element-wise). */
    static Vector vector(PlanBuilder b, String name, long length) {
        DnnlActivation a = of(name, 0);
        if (a == null || a.identity()) {
            throw new IllegalArgumentException("no element-wise kernel " + name);
        }
        return a.new Vector(b.dnnl(), Dnnl.md(org.bytedeco.dnnl.global.dnnl.dnnl_x, length));
    }

    /** One activation's forward and backward primitives for vectors of one length, applied to many buffers. */
    final class Vector {
        private final Dnnl dnnl;
        private final dnnl_memory_desc_t md;
        private final dnnl_primitive_desc forwardPd;
        private final dnnl_primitive_desc backwardPd;

        private Vector(Dnnl dnnl, dnnl_memory_desc_t md) {
            this.dnnl = dnnl;
            this.md = md;
            this.forwardPd = forwardPd(dnnl, md, forward);
            dnnl_primitive_desc hint = forwardPd(dnnl, md, backward);
            dnnl_eltwise_desc_t bd = new dnnl_eltwise_desc_t();
            Dnnl.check(dnnl_eltwise_backward_desc_init(bd, backward, md, md, alpha, 0f), "describe " + name
                    + " backward");
            this.backwardPd = dnnl.describe(bd, null, hint, "plan " + name + " backward");
        }

        /** {@code a = f(z)}. */
        Step forward(INDArray z, INDArray a) {
            return dnnl.step(forwardPd, name, DNNL_ARG_SRC, dnnl.memory(md, z), DNNL_ARG_DST, dnnl.memory(md, a));
        }

        /** {@code dz = f'(.) * da}, from the output {@code a}. */
        Step backward(INDArray a, INDArray da, INDArray dz) {
            return dnnl.step(backwardPd, name + " backward", DNNL_ARG_DST, dnnl.memory(md, a), DNNL_ARG_DIFF_DST,
                    dnnl.memory(md, da), DNNL_ARG_DIFF_SRC, dnnl.memory(md, dz));
        }
    }

    /** A step computing {@code a = f(z)} for a stand-alone activation, in layout {@code md}. */
    Step forward(PlanBuilder b, dnnl_memory_desc_t md, INDArray z, INDArray a) {
        Dnnl dnnl = b.dnnl();
        dnnl_primitive_desc pd = forwardPd(dnnl, md, forward);
        return dnnl.step(pd, name, DNNL_ARG_SRC, dnnl.memory(md, z), DNNL_ARG_DST, dnnl.memory(md, a));
    }

    /**
     * Adds the step {@code dz = f'(z) * da} computed from the output {@code a} (layout {@code md}) and returns
     * {@code dz}; identity returns {@code da} itself.
     */
    INDArray backward(PlanBuilder b, String layer, dnnl_memory_desc_t md, INDArray a, INDArray da) {
        if (identity()) {
            return da;
        }
        Dnnl dnnl = b.dnnl();
        dnnl_primitive_desc hint = forwardPd(dnnl, md, backward);
        dnnl_eltwise_desc_t bd = new dnnl_eltwise_desc_t();
        Dnnl.check(dnnl_eltwise_backward_desc_init(bd, backward, md, md, alpha, 0f), "describe " + name + " backward");
        dnnl_primitive_desc pd = dnnl.describe(bd, null, hint, "plan " + name + " backward of " + layer);
        INDArray dz = Dnnl.allocate(md);
        b.backward(name + " backward", dnnl.step(pd, name + " backward", DNNL_ARG_DST, dnnl.memory(md, a),
                DNNL_ARG_DIFF_DST, dnnl.memory(md, da), DNNL_ARG_DIFF_SRC, dnnl.memory(md, dz)));
        return dz;
    }

    private dnnl_primitive_desc forwardPd(Dnnl dnnl, dnnl_memory_desc_t md, int algorithm) {
        dnnl_eltwise_desc_t fd = new dnnl_eltwise_desc_t();
        Dnnl.check(dnnl_eltwise_forward_desc_init(fd, dnnl_forward_training, algorithm, md, alpha, 0f),
                "describe " + name);
        return dnnl.describe(fd, null, null, "plan " + name);
    }
}
