package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Views of arrays that the plan's kernels run fastest on. libnd4j's element-wise kernels take a fast loop only when
 * every array is contiguous and in the same order; DL4J's parameter, gradient and optimizer-state views are often
 * {@code [1, n]} in 'f' order, which sends them down a slow per-element path. The same memory seen as a rank-1
 * 'c' array takes the fast loop.
 */
final class Views {
    private Views() {
    }

    /** The same memory as a rank-1 'c' array; {@code a} must be contiguous (element-wise stride 1). */
    static INDArray flat(INDArray a) {
        if (a.length() > 1 && a.elementWiseStride() != 1) {
            throw new IllegalArgumentException("not contiguous: shape " + java.util.Arrays.toString(a.shape())
                    + " stride " + java.util.Arrays.toString(a.stride()));
        }
        return Nd4j.create(a.data(), new long[] {a.length()}, new long[] {1}, a.offset(), 'c');
    }

    /**
     * The same memory in another row-major shape. Unlike {@code INDArray.reshape}, never a copy (which would
     * silently cut a kernel off from the buffer it must write) and free of the overload trap where
     * {@code reshape('c', 12)} means the shape {@code [99, 12]}.
     */
    static INDArray reshape(INDArray a, long... shape) {
        INDArray r = a.reshape('c', shape);
        if (r.data().address() != a.data().address() || r.offset() != a.offset()) {
            throw new IllegalStateException("reshape of " + java.util.Arrays.toString(a.shape()) + " to "
                    + java.util.Arrays.toString(shape) + " would copy");
        }
        return r;
    }
}
