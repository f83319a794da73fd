package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELUDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.GELU;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Activation functions as plan steps, with the same kernels DL4J's activation classes use, so that both engines
 * compute the same numbers. The backward forms take the pre-activation {@code z} (as DL4J's do).
 */
final class Activations {
    private Activations() {
    }

    /** Whether the plan has kernels for this activation (the catalog's names). */
    static boolean supported(String name) {
        return switch (name) {
            case "relu", "leakyrelu", "elu", "gelu", "sigmoid", "tanh", "softmax", "identity" -> true;
            default -> false;
        };
    }

    static boolean isIdentity(String name) {
        return "identity".equals(name);
    }

    /** {@code a = f(z)}; {@code softmax} over the last axis. */
    static Step forward(PlanBuilder b, String name, double alpha, INDArray z, INDArray a) {
        return switch (name) {
            case "relu" -> b.op(NativeOp.of("relu").in(z).out(a).reals(0.0));
            case "leakyrelu" -> b.op(NativeOp.of("lrelu").in(z).out(a).reals(alpha));
            case "elu" -> b.op(NativeOp.of("elu").in(z).out(a).reals(1.0));
            case "sigmoid" -> b.op(NativeOp.of("sigmoid").in(z).out(a));
            case "tanh" -> b.op(NativeOp.of("tanh").in(z).out(a));
            case "softmax" -> b.op(NativeOp.of("softmax").in(z).out(a).ints(z.rank() - 1));
            case "gelu" -> {
                // No custom op in libnd4j M2.1: the legacy transform DL4J uses, prepared once.
                GELU op = new GELU(z, a);
                yield () -> Nd4j.getExecutioner().exec(op);
            }
            default -> throw new IllegalArgumentException("activation " + name);
        };
    }

    /** {@code dz = f'(z) * da}. */
    static Step backward(PlanBuilder b, String name, double alpha, INDArray z, INDArray da, INDArray dz) {
        return switch (name) {
            case "relu" -> b.op(NativeOp.of("relu_bp").in(z, da).out(dz).reals(0.0));
            case "leakyrelu" -> b.op(NativeOp.of("lrelu_bp").in(z, da).out(dz).reals(alpha));
            case "elu" -> b.op(NativeOp.of("elu_bp").in(z, da).out(dz).reals(1.0));
            case "sigmoid" -> b.op(NativeOp.of("sigmoid_bp").in(z, da).out(dz));
            case "tanh" -> b.op(NativeOp.of("tanh_bp").in(z, da).out(dz));
            case "softmax" -> b.op(NativeOp.of("softmax_bp").in(z, da).out(dz).ints(z.rank() - 1));
            case "gelu" -> {
                GELUDerivative derivative = new GELUDerivative(z, dz);
                NativeOp times = b.op(NativeOp.of("multiply").in(dz, da).out(dz));
                yield () -> {
                    Nd4j.getExecutioner().exec(derivative);
                    times.run();
                };
            }
            default -> throw new IllegalArgumentException("activation " + name);
        };
    }
}
