package org.layercanvas.runtime.engine.plan;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_0;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC_1;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_add;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_div;
import static org.bytedeco.dnnl.global.dnnl.dnnl_binary_mul;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_forward_desc_init;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_linear;
import static org.bytedeco.dnnl.global.dnnl.dnnl_eltwise_sqrt;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_inference;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_append_sum;
import static org.bytedeco.dnnl.global.dnnl.dnnl_post_ops_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_post_ops;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_scales;
import static org.bytedeco.dnnl.global.dnnl.dnnl_x;

import org.bytedeco.dnnl.dnnl_binary_desc_t;
import org.bytedeco.dnnl.dnnl_eltwise_desc_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc_t;
import org.bytedeco.dnnl.dnnl_post_ops;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam on one updater block as five vectorised passes of oneDNN kernels plus one libnd4j scaling, instead of
 * libnd4j's {@code adam_updater}, whose loop runs one element at a time through index arithmetic (measured here:
 * 6.3 ns per parameter, 640 µs for the 101,770 parameters of the 784-128-10 MLP; this form takes a tenth of that).
 * Same arithmetic as DL4J's Adam:
 * <pre>
 *   m = b1 m + (1 - b1) g
 *   v = b2 v + (1 - b2) g^2
 *   g = alpha_t m / (sqrt(v) + eps),   alpha_t = lr sqrt(1 - b2^(t+1)) / (1 - b1^(t+1))
 * </pre>
 * The constant factors are oneDNN scales fixed when the primitives are made; {@code alpha_t}, which changes every
 * iteration (and with a learning-rate schedule), is a scalar the last pass reads.
 */
final class DnnlAdam {
    private final Step[] passes;
    private final INDArray alpha;
    private final double beta1;
    private final double beta2;
    private final double epsilon;

    /** {@code grad}, {@code m}, {@code v}: rank-1 'c' arrays of the same length (the block's views). */
    DnnlAdam(Dnnl dnnl, INDArray grad, INDArray m, INDArray v, double beta1, double beta2, double epsilon) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        long n = grad.length();
        dnnl_memory_desc_t md = Dnnl.md(dnnl_x, n);
        INDArray denominator = Nd4j.create(grad.dataType(), new long[] {n}, 'c');
        this.alpha = Nd4j.scalar(grad.dataType(), 0.0);
        dnnl_memory g = dnnl.memory(md, grad);
        dnnl_memory mm = dnnl.memory(md, m);
        dnnl_memory vm = dnnl.memory(md, v);
        dnnl_memory d = dnnl.memory(md, denominator);

        // m = b1 * m + (1 - b1) * g
        dnnl_primitive_attr mAttr = attr(dnnl, (float) beta1, (float) (1 - beta1), Float.NaN);
        Step mPass = dnnl.step(binary(dnnl, dnnl_binary_add, md, mAttr), "adam m", DNNL_ARG_SRC_0, mm,
                DNNL_ARG_SRC_1, g, DNNL_ARG_DST, mm);
        // v = (1 - b2) * g * g + b2 * v   (the sum post-op adds b2 times what dst held)
        dnnl_primitive_attr vAttr = attr(dnnl, (float) (1 - beta2), 1f, (float) beta2);
        Step vPass = dnnl.step(binary(dnnl, dnnl_binary_mul, md, vAttr), "adam v", DNNL_ARG_SRC_0, g,
                DNNL_ARG_SRC_1, g, DNNL_ARG_DST, vm);
        // d = sqrt(v); d = d + eps
        Step sqrt = dnnl.step(eltwise(dnnl, dnnl_eltwise_sqrt, md, 0f, 0f), "adam sqrt", DNNL_ARG_SRC, vm,
                DNNL_ARG_DST, d);
        Step plusEps = dnnl.step(eltwise(dnnl, dnnl_eltwise_linear, md, 1f, (float) epsilon), "adam + eps",
                DNNL_ARG_SRC, d, DNNL_ARG_DST, d);
        // g = m / d; g = alpha_t * g
        Step divide = dnnl.step(binary(dnnl, dnnl_binary_div, md, null), "adam divide", DNNL_ARG_SRC_0, mm,
                DNNL_ARG_SRC_1, d, DNNL_ARG_DST, g);
        NativeOp scale = NativeOp.of("multiply").in(grad, alpha).out(grad).build();
        dnnl.own(scale);
        this.passes = new Step[] {mPass, vPass, sqrt, plusEps, divide, scale};
    }

    /** One Adam step at iteration {@code iteration} (0-based, as DL4J counts) with learning rate {@code lr}. */
    void apply(double lr, int iteration) {
        double b1t = Math.pow(beta1, iteration + 1);
        double b2t = Math.pow(beta2, iteration + 1);
        // libnd4j computes this in the array's type and falls back to epsilon when it is not a usable number
        float a = (float) (lr * Math.sqrt(1.0 - b2t) / (1.0 - b1t));
        if (Float.isNaN(a) || Float.isInfinite(a) || a == 0f) {
            a = (float) epsilon;
        }
        alpha.putScalar(0, a);
        for (Step s : passes) {
            s.run();
        }
    }

    private static dnnl_primitive_desc binary(Dnnl dnnl, int algorithm, dnnl_memory_desc_t md,
            dnnl_primitive_attr attr) {
        dnnl_binary_desc_t desc = new dnnl_binary_desc_t();
        Dnnl.check(dnnl_binary_desc_init(desc, algorithm, md, md, md), "describe an Adam pass");
        return dnnl.describe(desc, attr, null, "plan Adam pass");
    }

    private static dnnl_primitive_desc eltwise(Dnnl dnnl, int algorithm, dnnl_memory_desc_t md, float alpha,
            float beta) {
        dnnl_eltwise_desc_t desc = new dnnl_eltwise_desc_t();
        Dnnl.check(dnnl_eltwise_forward_desc_init(desc, dnnl_forward_inference, algorithm, md, alpha, beta),
                "describe an Adam pass");
        return dnnl.describe(desc, null, null, "plan Adam pass");
    }

    /** Scales on both sources, and when {@code sum} is a number, a sum post-op adding {@code sum * dst}. */
    private static dnnl_primitive_attr attr(Dnnl dnnl, float scale0, float scale1, float sum) {
        dnnl_primitive_attr attr = new dnnl_primitive_attr();
        Dnnl.check(dnnl_primitive_attr_create(attr), "create attributes");
        dnnl.own(attr);
        Dnnl.check(dnnl_primitive_attr_set_scales(attr, DNNL_ARG_SRC_0, 1, 0, new float[] {scale0}),
                "scale an Adam pass");
        Dnnl.check(dnnl_primitive_attr_set_scales(attr, DNNL_ARG_SRC_1, 1, 0, new float[] {scale1}),
                "scale an Adam pass");
        if (!Float.isNaN(sum)) {
            dnnl_post_ops ops = new dnnl_post_ops();
            Dnnl.check(dnnl_post_ops_create(ops), "create post-ops");
            dnnl.own(ops);
            Dnnl.check(dnnl_post_ops_append_sum(ops, sum), "add a sum post-op");
            Dnnl.check(dnnl_primitive_attr_set_post_ops(attr, ops), "attach post-ops");
        }
        return attr;
    }
}
