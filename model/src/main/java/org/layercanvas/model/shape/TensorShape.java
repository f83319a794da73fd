package org.layercanvas.model.shape;

import java.util.List;

/**
 * The shape of what flows on a wire, per example (the batch dimension is implicit).
 * <ul>
 * <li>{@code VECTOR [n]}: n features, shown {@code 128}</li>
 * <li>{@code IMAGE [h, w, c]}: shown {@code 32x32x3}</li>
 * <li>{@code SEQUENCE [t, f]}: t steps of f features, shown {@code 50x64}</li>
 * <li>{@code TOKENS [t]}: t integer token ids below {@code vocabSize}, shown {@code 50 tokens}</li>
 * </ul>
 */
public record TensorShape(Kind kind, List<Integer> dims, int vocabSize) {
    public enum Kind { VECTOR, IMAGE, SEQUENCE, TOKENS }

    public TensorShape {
        dims = List.copyOf(dims);
    }

    public static TensorShape vector(int n) {
        return new TensorShape(Kind.VECTOR, List.of(n), 0);
    }

    public static TensorShape image(int h, int w, int c) {
        return new TensorShape(Kind.IMAGE, List.of(h, w, c), 0);
    }

    public static TensorShape sequence(int steps, int features) {
        return new TensorShape(Kind.SEQUENCE, List.of(steps, features), 0);
    }

    public static TensorShape tokens(int steps, int vocabSize) {
        return new TensorShape(Kind.TOKENS, List.of(steps), vocabSize);
    }

    public int dim(int i) {
        return dims.get(i);
    }

    /** Values per example. */
    public long size() {
        long s = 1;
        for (int d : dims) {
            s *= d;
        }
        return s;
    }

    /** Feature (vector, sequence) or channel (image) count: the axis that Concatenate joins. */
    public int channels() {
        return switch (kind) {
            case VECTOR -> dim(0);
            case IMAGE -> dim(2);
            case SEQUENCE -> dim(1);
            case TOKENS -> 1;
        };
    }

    /** Short label shown on wires: {@code 128}, {@code 32x32x3}, {@code 50x64}, {@code 50 tokens}. */
    public String label() {
        return switch (kind) {
            case VECTOR -> Integer.toString(dim(0));
            case IMAGE -> dim(0) + "x" + dim(1) + "x" + dim(2);
            case SEQUENCE -> dim(0) + "x" + dim(1);
            case TOKENS -> dim(0) + " tokens";
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
