package org.layercanvas.runtime.engine.plan;

import java.util.List;

/**
 * The steps of a plan for one minibatch size: the buffers of every node's output and gradient are allocated for
 * that size. A plan has one program for its batch size and makes another for a smaller last minibatch.
 */
final class Program implements AutoCloseable {
    final int batch;
    final InputLayer input;
    final OutputLayer output;
    private final Step[] forward;
    private final Step[] backward;
    private final String[] forwardLabels;
    private final String[] backwardLabels;
    private final long[] forwardNanos;
    private final long[] backwardNanos;
    private final boolean profile;
    private long runs;
    private final List<AutoCloseable> resources;

    Program(PlanBuilder b, InputLayer input, OutputLayer output, boolean profile) {
        this.batch = b.batch;
        this.input = input;
        this.output = output;
        this.forward = b.forward.toArray(new Step[0]);
        this.backward = b.backward.toArray(new Step[0]);
        this.forwardLabels = b.forwardLabels.toArray(new String[0]);
        this.backwardLabels = b.backwardLabels.toArray(new String[0]);
        this.forwardNanos = new long[forward.length];
        this.backwardNanos = new long[backward.length];
        this.profile = profile;
        this.resources = List.copyOf(b.resources);
    }

    void forward() {
        if (profile) {
            runs++;
            timed(forward, forwardNanos);
            return;
        }
        for (Step s : forward) {
            s.run();
        }
    }

    void backward() {
        if (profile) {
            timed(backward, backwardNanos);
            return;
        }
        for (Step s : backward) {
            s.run();
        }
    }

    private static void timed(Step[] steps, long[] nanos) {
        for (int i = 0; i < steps.length; i++) {
            long start = System.nanoTime();
            steps[i].run();
            nanos[i] += System.nanoTime() - start;
        }
    }

    /** Per-step times so far (when profiling). */
    List<org.layercanvas.runtime.engine.KernelTime> profile() {
        List<org.layercanvas.runtime.engine.KernelTime> out = new java.util.ArrayList<>();
        for (int i = 0; i < forward.length; i++) {
            out.add(new org.layercanvas.runtime.engine.KernelTime(forwardLabels[i], "forward", runs,
                    forwardNanos[i]));
        }
        for (int i = 0; i < backward.length; i++) {
            out.add(new org.layercanvas.runtime.engine.KernelTime(backwardLabels[i], "backward", runs,
                    backwardNanos[i]));
        }
        return out;
    }

    /** Number of steps, forward and backward (for reports). */
    int size() {
        return forward.length + backward.length;
    }

    @Override
    public void close() {
        Resources.closeAll(resources);
    }
}
