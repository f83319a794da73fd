package org.layercanvas.runtime.engine;

/**
 * Time spent in one step of an engine's minibatch (a kernel of the compiled plan), summed over {@code calls}
 * minibatches. Only measured when profiling was asked for ({@code -Dlayercanvas.plan.profile=true}).
 *
 * @param label the node id and the kernel, e.g. {@code dense1 matmul}
 * @param phase {@code forward}, {@code backward} or {@code update}
 */
public record KernelTime(String label, String phase, long calls, long nanos) {
    public double microsPerCall() {
        return calls == 0 ? 0 : nanos / 1e3 / calls;
    }
}
