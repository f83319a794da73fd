package org.layercanvas.runtime.engine.plan;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What one node of the plan produces for a minibatch, and its gradient. Layouts inside a plan: vectors
 * {@code [b, f]}, images {@code [b, c, h, w]} (as DL4J), sequences time-major {@code [t, b, f]} (so one time step is
 * a contiguous {@code [b, f]} block), tokens as int ids {@code [t * b]} in time-major order.
 */
final class Tensor {
    enum Layout { VECTOR, IMAGE, SEQUENCE, TOKENS }

    final Layout layout;
    /** The logical shape ({@code [b, c, h, w]} for images), whatever the memory layout. */
    final long[] dims;
    /**
     * For images: oneDNN's layout of {@link #value} and {@link #grad} (then 1-D buffers), or null for the plain
     * {@code [b, c, h, w]} array.
     */
    final org.bytedeco.dnnl.dnnl_memory_desc_t format;
    final INDArray value;
    /** Null when nothing upstream has parameters: no gradient needs to reach it. */
    final INDArray grad;
    /** For a view of another tensor's memory (a flatten): that tensor, which keeps the write bookkeeping. */
    private final Tensor base;
    /** While the backward pass is being built: whether a step already writes {@link #grad} (later ones add). */
    private boolean gradWritten;

    Tensor(Layout layout, INDArray value, INDArray grad) {
        this(layout, value, grad, null);
    }

    /** A view of {@code base}'s memory in another layout; gradient writes to either count for both. */
    Tensor(Layout layout, INDArray value, INDArray grad, Tensor base) {
        this(layout, value.shape(), null, value, grad, base);
    }

    /** An image held in oneDNN's layout {@code format} (null: plain). */
    Tensor(Layout layout, long[] dims, org.bytedeco.dnnl.dnnl_memory_desc_t format, INDArray value, INDArray grad,
           Tensor base) {
        this.layout = layout;
        this.dims = dims.clone();
        this.format = format;
        this.value = value;
        this.grad = grad;
        this.base = base;
    }

    /** Whether the memory holds the plain row-major array of {@link #dims}. */
    boolean plain() {
        return format == null;
    }

    boolean needsGrad() {
        return grad != null;
    }

    /**
     * Called by each step that contributes to {@link #grad}, in the order the backward pass runs them: true for the
     * first (it overwrites), false afterwards (they accumulate).
     */
    boolean claimFirstGradWrite() {
        if (base != null) {
            return base.claimFirstGradWrite();
        }
        boolean first = !gradWritten;
        gradWritten = true;
        return first;
    }

    /** Whether any step writes the gradient (otherwise it must be zero-filled before use). */
    boolean gradWritten() {
        return base != null ? base.gradWritten() : gradWritten;
    }

}
