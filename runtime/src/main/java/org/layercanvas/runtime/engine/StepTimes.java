package org.layercanvas.runtime.engine;

/**
 * Nanoseconds an engine spent in the parts of its minibatch steps, summed. An engine that cannot tell the parts
 * apart (DL4J's {@code fit} does all three) reports everything as {@code forward} and sets {@code split} false.
 */
public final class StepTimes {
    private final boolean split;
    private long input;
    private long forward;
    private long backward;
    private long update;
    private long steps;

    public StepTimes(boolean split) {
        this.split = split;
    }

    /** Whether forward, backward and update are measured apart. */
    public boolean split() {
        return split;
    }

    /** Copying the minibatch into the engine's buffers. */
    public long inputNanos() {
        return input;
    }

    public long forwardNanos() {
        return forward;
    }

    public long backwardNanos() {
        return backward;
    }

    public long updateNanos() {
        return update;
    }

    public long steps() {
        return steps;
    }

    /** Adds one step's parts. */
    public void add(long inputNanos, long forwardNanos, long backwardNanos, long updateNanos) {
        input += inputNanos;
        forward += forwardNanos;
        backward += backwardNanos;
        update += updateNanos;
        steps++;
    }

    public void reset() {
        input = forward = backward = update = steps = 0;
    }
}
