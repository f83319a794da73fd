package org.layercanvas.model.shape;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerType;

/**
 * The shape rule of every layer type: from a node's resolved parameters and the shapes on its input wires, its
 * output shape and parameter count, or a diagnostic that says why the inputs do not fit (with a fix where one is
 * obvious, such as inserting a Flatten).
 */
final class LayerShapes {
    /** A node's output shape and its number of trainable parameters. */
    record Result(TensorShape shape, long params) {
    }

    private final Problems problems;

    LayerShapes(Problems problems) {
        this.problems = problems;
    }

    /** The shape an Input node with parameters {@code p} produces. */
    static TensorShape inputShape(Map<String, Object> p) {
        return switch ((String) p.get("kind")) {
            case "image" -> TensorShape.image(i(p, "height"), i(p, "width"), i(p, "channels"));
            case "tokens" -> TensorShape.tokens(i(p, "length"), i(p, "vocabSize"));
            case "timeseries" -> TensorShape.sequence(i(p, "length"), i(p, "features"));
            default -> TensorShape.vector(i(p, "size"));
        };
    }

    /**
     * The output of non-Input node {@code n}.
     *
     * @param inputs the shapes on its input wires, in the order of {@code in}
     * @return null when the inputs do not fit (a diagnostic was reported)
     */
    Result infer(Node n, Map<String, Object> p, List<TensorShape> inputs, List<Edge> in) {
        TensorShape x = inputs.get(0);
        Edge wire = in.get(0);
        return switch (n.type()) {
            case DENSE -> dense(n, p, x, wire);
            case OUTPUT -> output(n, p, x, wire);
            case ACTIVATION, DROPOUT -> needNotTokens(n, x, wire) ? new Result(x, 0) : null;
            case BATCH_NORM -> needKind(n, x, "shape.needVectorOrImage", TensorShape.Kind.VECTOR,
                    TensorShape.Kind.IMAGE) ? new Result(x, 4L * x.channels()) : null;
            case LAYER_NORM -> needKind(n, x, "shape.needVectorOrSequence", TensorShape.Kind.VECTOR,
                    TensorShape.Kind.SEQUENCE) ? new Result(x, 2L * x.channels()) : null;
            case CONV2D -> conv(n, p, x);
            case MAX_POOL2D, AVG_POOL2D -> pool(n, p, x);
            case GLOBAL_AVG_POOL -> needKind(n, x, "shape.needImageOrSequence", TensorShape.Kind.IMAGE,
                    TensorShape.Kind.SEQUENCE) ? new Result(TensorShape.vector(x.channels()), 0) : null;
            case FLATTEN -> flatten(n, x);
            case EMBEDDING -> embedding(n, p, x);
            case LSTM, SIMPLE_RNN -> recurrent(n, p, x);
            case SELF_ATTENTION -> needKind(n, x, "shape.needSequence", TensorShape.Kind.SEQUENCE)
                    ? new Result(x, 4L * i(p, "heads") * i(p, "headSize") * x.dim(1)) : null;
            case ADD -> add(n, inputs, in);
            case CONCATENATE -> concat(n, inputs, in);
            case INPUT -> throw new IllegalStateException("Input has no inputs");
        };
    }

    private boolean needVector(Node n, TensorShape x, Edge wire) {
        if (x.kind() == TensorShape.Kind.VECTOR) {
            return true;
        }
        if (x.kind() == TensorShape.Kind.TOKENS) {
            problems.error(n, "in", "shape.tokensNeedEmbedding", Problems.typeName(n), n.id(), x.label());
        } else {
            problems.errorWithFix(n, "in", Fix.insert(LayerType.FLATTEN, wire), "shape.needVector",
                    Problems.typeName(n), n.id(), x.label(), Long.toString(x.size()));
        }
        return false;
    }

    private boolean needNotTokens(Node n, TensorShape x, Edge wire) {
        if (x.kind() == TensorShape.Kind.TOKENS) {
            problems.errorWithFix(n, "in", Fix.insert(LayerType.EMBEDDING, wire), "shape.tokensNeedEmbedding",
                    Problems.typeName(n), n.id(), x.label());
            return false;
        }
        return true;
    }

    private boolean needKind(Node n, TensorShape x, String code, TensorShape.Kind... kinds) {
        if (Arrays.asList(kinds).contains(x.kind())) {
            return true;
        }
        problems.error(n, "in", code, Problems.typeName(n), n.id(), x.label());
        return false;
    }

    /** A vector gives a vector; a sequence gives a sequence, the same weights applied at every time step. */
    private Result dense(Node n, Map<String, Object> p, TensorShape x, Edge wire) {
        int units = i(p, "units");
        long count = x.channels() * (long) units + (b(p, "useBias") ? units : 0);
        if (x.kind() == TensorShape.Kind.SEQUENCE) {
            return new Result(TensorShape.sequence(x.dim(0), units), count);
        }
        return needVector(n, x, wire) ? new Result(TensorShape.vector(units), count) : null;
    }

    private Result output(Node n, Map<String, Object> p, TensorShape x, Edge wire) {
        if (!needVector(n, x, wire)) {
            return null;
        }
        int units = i(p, "units");
        String loss = (String) p.get("loss");
        if ("softmax_ce".equals(loss) && units == 1) {
            problems.errorWithFix(n, null, Fix.setParam(n.id(), "loss", "sigmoid_bce"), "output.softmaxOneUnit",
                    Problems.typeName(n), n.id());
        }
        return new Result(TensorShape.vector(units), x.dim(0) * (long) units + units);
    }

    private Result conv(Node n, Map<String, Object> p, TensorShape x) {
        if (!needKind(n, x, "shape.needImage", TensorShape.Kind.IMAGE)) {
            return null;
        }
        int k = i(p, "kernel");
        int s = i(p, "stride");
        int d = i(p, "dilation");
        int filters = i(p, "filters");
        int effective = k + (k - 1) * (d - 1);
        boolean same = "same".equals(p.get("padding"));
        int h = spatial(n, x, 0, effective, s, same, k, d, "conv");
        int w = h < 1 ? 0 : spatial(n, x, 1, effective, s, same, k, d, "conv");
        if (h < 1 || w < 1) {
            return null;
        }
        long count = (long) k * k * x.dim(2) * filters + filters;
        return new Result(TensorShape.image(h, w, filters), count);
    }

    private Result pool(Node n, Map<String, Object> p, TensorShape x) {
        if (!needKind(n, x, "shape.needImage", TensorShape.Kind.IMAGE)) {
            return null;
        }
        int k = i(p, "size");
        int s = i(p, "stride");
        boolean same = "same".equals(p.get("padding"));
        int h = spatial(n, x, 0, k, s, same, k, 1, "pool");
        int w = h < 1 ? 0 : spatial(n, x, 1, k, s, same, k, 1, "pool");
        if (h < 1 || w < 1) {
            return null;
        }
        return new Result(TensorShape.image(h, w, x.dim(2)), 0);
    }

    /**
     * Output size along one spatial axis. "same" padding: ceil(in / stride). "valid": floor((in - k) / stride)
     * + 1 with the dilated kernel size k; reports the arithmetic when nothing is left.
     */
    private int spatial(Node n, TensorShape x, int axis, int effective, int stride, boolean same, int k, int d,
                        String what) {
        int in = x.dim(axis);
        if (same) {
            return (in + stride - 1) / stride;
        }
        int out = Math.floorDiv(in - effective, stride) + 1;
        if (out < 1) {
            String code = d > 1 ? "shape." + what + ".emptyDilated" : "shape." + what + ".empty";
            problems.error(n, "in", code, Problems.typeName(n), n.id(), Integer.toString(k), Integer.toString(stride),
                    x.dim(0) + "x" + x.dim(1), Integer.toString(in), Integer.toString(effective),
                    Integer.toString(out), Integer.toString(d));
        }
        return out;
    }

    private Result flatten(Node n, TensorShape x) {
        switch (x.kind()) {
            case IMAGE, SEQUENCE -> {
                if (x.size() > Integer.MAX_VALUE) {
                    problems.error(n, "in", "shape.tooLarge", Problems.typeName(n), n.id(), x.label(),
                            Long.toString(x.size()));
                    return null;
                }
                return new Result(TensorShape.vector((int) x.size()), 0);
            }
            case VECTOR -> {
                problems.warning(n, "in", n.id(), "shape.alreadyFlat", Problems.typeName(n), n.id(), x.label());
                return new Result(x, 0);
            }
            default -> {
                problems.error(n, "in", "shape.tokensNeedEmbedding", Problems.typeName(n), n.id(), x.label());
                return null;
            }
        }
    }

    private Result embedding(Node n, Map<String, Object> p, TensorShape x) {
        if (x.kind() != TensorShape.Kind.TOKENS) {
            problems.error(n, "in", "shape.needTokens", Problems.typeName(n), n.id(), x.label());
            return null;
        }
        int dim = i(p, "dim");
        // Learned positions: one more vector per time step, added to the token's vector.
        long rows = (long) x.vocabSize() + (b(p, "positions") ? x.dim(0) : 0);
        return new Result(TensorShape.sequence(x.dim(0), dim), rows * dim);
    }

    private Result recurrent(Node n, Map<String, Object> p, TensorShape x) {
        if (x.kind() == TensorShape.Kind.TOKENS) {
            problems.error(n, "in", "shape.tokensNeedEmbedding", Problems.typeName(n), n.id(), x.label());
            return null;
        }
        if (!needKind(n, x, "shape.needSequence", TensorShape.Kind.SEQUENCE)) {
            return null;
        }
        int units = i(p, "units");
        long f = x.dim(1);
        long count;
        int directions = 1;
        if (n.type() == LayerType.LSTM) {
            directions = b(p, "bidirectional") ? 2 : 1;
            count = 4L * (f * units + (long) units * units + units) * directions;
        } else {
            count = f * units + (long) units * units + units;
        }
        int width = units * directions;
        TensorShape out = b(p, "returnSequences") ? TensorShape.sequence(x.dim(0), width)
                : TensorShape.vector(width);
        return new Result(out, count);
    }

    private Result add(Node n, List<TensorShape> inputs, List<Edge> in) {
        TensorShape first = inputs.get(0);
        for (int k = 1; k < inputs.size(); k++) {
            if (!inputs.get(k).equals(first)) {
                problems.error(n, "in", "shape.addMismatch", Problems.typeName(n), n.id(), first.label(),
                        in.get(0).from().nodeId(), inputs.get(k).label(), in.get(k).from().nodeId());
                return null;
            }
        }
        return new Result(first, 0);
    }

    private Result concat(Node n, List<TensorShape> inputs, List<Edge> in) {
        TensorShape first = inputs.get(0);
        long channels = 0;
        for (int k = 0; k < inputs.size(); k++) {
            TensorShape s = inputs.get(k);
            boolean compatible = s.kind() == first.kind() && s.kind() != TensorShape.Kind.TOKENS
                    && s.dims().subList(0, s.dims().size() - 1)
                    .equals(first.dims().subList(0, first.dims().size() - 1));
            if (!compatible) {
                problems.error(n, "in", "shape.concatMismatch", Problems.typeName(n), n.id(), first.label(),
                        in.get(0).from().nodeId(), s.label(), in.get(k).from().nodeId());
                return null;
            }
            channels += s.channels();
        }
        if (channels > Integer.MAX_VALUE) {
            problems.error(n, "in", "shape.tooLarge", Problems.typeName(n), n.id(), first.label(),
                    Long.toString(channels));
            return null;
        }
        int joined = (int) channels;
        TensorShape out = switch (first.kind()) {
            case VECTOR -> TensorShape.vector(joined);
            case IMAGE -> TensorShape.image(first.dim(0), first.dim(1), joined);
            default -> TensorShape.sequence(first.dim(0), joined);
        };
        return new Result(out, 0);
    }

    /** Integer parameter {@code name} of resolved parameters {@code p}. */
    static int i(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).intValue();
    }

    private static boolean b(Map<String, Object> p, String name) {
        return Boolean.TRUE.equals(p.get(name));
    }
}
