package org.layercanvas.runtime.interop.exports;

import java.util.List;
import java.util.Map;
import onnx.Onnx;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The ONNX nodes of each layer, in DL4J's layouts (see {@link OnnxExporter}); the tensor a layer produces is named
 * by its node id. Weights are read from the DL4J layer of the same name: dense {@code W [in, out]} is Gemm's B as
 * it is; convolution {@code W [out, in, kh, kw]} is ONNX's layout; recurrent weights are transposed and, for the
 * LSTM, their gate blocks reordered from DL4J's (cell input, forget, output, input) to ONNX's (input, output,
 * forget, cell).
 */
final class OnnxLayers {
    private final OnnxGraph onnx;
    private final ComputationGraph dl4j;

    OnnxLayers(OnnxGraph onnx, ComputationGraph dl4j) {
        this.onnx = onnx;
        this.dl4j = dl4j;
    }

    void add(Layer l) throws ExportException {
        String x = l.inputs().isEmpty() ? null : l.inputs().get(0);
        String id = l.id();
        TensorShape in = l.in();
        switch (l.type()) {
            case DENSE -> activation(l, gemm(l, x, l.b("useBias")), l.s("activation"), 0.01, id);
            case OUTPUT -> activation(l, gemm(l, x, true), outputActivation(l.s("loss")), 0, id);
            case ACTIVATION -> activation(l, x, l.s("function"), l.d("alpha"), id);
            case DROPOUT -> onnx.node("Identity", List.of(x), id);
            case BATCH_NORM -> batchNorm(l, x);
            case LAYER_NORM -> layerNorm(l, x, in);
            case CONV2D -> conv(l, x, in);
            case MAX_POOL2D, AVG_POOL2D -> pool(l, x, in);
            case GLOBAL_AVG_POOL -> {
                if (in.kind() == TensorShape.Kind.IMAGE) {
                    String pooled = onnx.apply("GlobalAveragePool", id + "_pooled", x);
                    onnx.node("Flatten", List.of(pooled), id).addAttribute(OnnxGraph.integer("axis", 1));
                } else {
                    onnx.node("ReduceMean", List.of(x), id).addAttribute(OnnxGraph.ints("axes", 2))
                            .addAttribute(OnnxGraph.integer("keepdims", 0));
                }
            }
            case FLATTEN -> {
                if (in.kind() == TensorShape.Kind.VECTOR) {
                    onnx.node("Identity", List.of(x), id);
                } else {
                    onnx.node("Flatten", List.of(x), id).addAttribute(OnnxGraph.integer("axis", 1));
                }
            }
            case EMBEDDING -> embedding(l, x);
            case LSTM, SIMPLE_RNN -> new OnnxRecurrent(onnx, params(l)).add(l, x);
            case SELF_ATTENTION -> new OnnxAttention(onnx).add(l, x, params(l));
            case ADD -> onnx.node("Sum", l.inputs(), id);
            case CONCATENATE -> onnx.node("Concat", l.inputs(), id).addAttribute(OnnxGraph.integer("axis", 1));
            case INPUT -> throw new IllegalStateException("inputs are declared, not computed");
        }
    }

    private Map<String, INDArray> params(Layer l) {
        return dl4j.getLayer(l.id()).paramTable();
    }

    /**
     * {@code x W + b}: Gemm with DL4J's {@code W [in, out]} as B, or MatMul without a bias. On a sequence
     * {@code [N, F, T]} (DL4J's TimeDistributed) the same at every time step: {@code [N, T, F]} times W, back.
     */
    private String gemm(Layer l, String x, boolean bias) {
        Map<String, INDArray> p = params(l);
        INDArray w = p.get("W");
        String weights = onnx.floats(l.id() + "_W", w, w.size(0), w.size(1));
        if (l.in().kind() == TensorShape.Kind.SEQUENCE) {
            String steps = onnx.fresh(l.id() + "_steps");
            onnx.node("Transpose", List.of(x), steps).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
            String product = onnx.apply("MatMul", l.id() + "_product", steps, weights);
            if (bias && p.get("b") != null) {
                product = onnx.apply("Add", l.id() + "_biased", product,
                        onnx.floats(l.id() + "_b", p.get("b"), w.size(1)));
            }
            String linear = onnx.fresh(l.id() + "_linear");
            onnx.node("Transpose", List.of(product), linear).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
            return linear;
        }
        if (!bias || p.get("b") == null) {
            return onnx.apply("MatMul", l.id() + "_linear", x, weights);
        }
        String b = onnx.floats(l.id() + "_b", p.get("b"), w.size(1));
        return onnx.apply("Gemm", l.id() + "_linear", x, weights, b);
    }

    /** Applies a catalog activation to {@code x} into the tensor {@code out}. */
    private void activation(Layer l, String x, String name, double alpha, String out) throws ExportException {
        switch (name) {
            case "relu" -> onnx.node("Relu", List.of(x), out);
            case "leakyrelu" -> onnx.node("LeakyRelu", List.of(x), out).addAttribute(OnnxGraph.real("alpha", alpha));
            case "elu" -> onnx.node("Elu", List.of(x), out).addAttribute(OnnxGraph.real("alpha", 1.0));
            case "sigmoid" -> onnx.node("Sigmoid", List.of(x), out);
            case "tanh" -> onnx.node("Tanh", List.of(x), out);
            case "identity" -> onnx.node("Identity", List.of(x), out);
            case "gelu" -> {
                // DL4J's GELU (precise=false) is the sigmoid form x * sigmoid(1.702 x); opset 17 has no Gelu.
                String scaled = onnx.apply("Mul", out + "_scaled", x, onnx.floats(out + "_k", new float[] {1.702f}));
                onnx.node("Mul", List.of(x, onnx.apply("Sigmoid", out + "_gate", scaled)), out);
            }
            case "softmax" -> {
                if (l.type() != LayerType.OUTPUT && l.in().kind() != TensorShape.Kind.VECTOR) {
                    throw new ExportException(l.id(), ExportMessages.format("onnx.softmaxNotVector",
                            l.in().label()));
                }
                onnx.node("Softmax", List.of(x), out).addAttribute(OnnxGraph.integer("axis", 1));
            }
            default -> throw new ExportException(l.id(), ExportMessages.format("onnx.activation", name));
        }
    }

    private static String outputActivation(String loss) {
        return switch (loss) {
            case "sigmoid_bce" -> "sigmoid";
            case "mse", "mae" -> "identity";
            default -> "softmax";
        };
    }

    /**
     * DL4J keeps {@code log10(std)} (std = sqrt(var + eps) is computed from {@code var = (10^l)^2} plus eps at
     * inference), or the variance itself when configured so.
     */
    private void batchNorm(Layer l, String x) {
        Map<String, INDArray> p = params(l);
        long c = l.in().channels();
        String var;
        if (p.get("var") != null) {
            var = onnx.floats(l.id() + "_var", p.get("var"), c);
        } else {
            double[] log10std = p.get("log10stdev").castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c')
                    .data().asDouble();
            float[] variance = new float[log10std.length];
            for (int k = 0; k < variance.length; k++) {
                variance[k] = (float) Math.pow(10, 2 * log10std[k]);
            }
            var = onnx.floats(l.id() + "_var", variance, c);
        }
        onnx.node("BatchNormalization", List.of(x, onnx.floats(l.id() + "_gamma", p.get("gamma"), c),
                onnx.floats(l.id() + "_beta", p.get("beta"), c), onnx.floats(l.id() + "_mean", p.get("mean"), c), var), l.id()).addAttribute(OnnxGraph.real("epsilon", l.d("epsilon")));
    }

    /** LayerNormalization over the features: the last axis of a vector, axis 1 of a DL4J sequence. */
    private void layerNorm(Layer l, String x, TensorShape in) {
        Map<String, INDArray> p = params(l);
        long c = in.channels();
        String gain = onnx.floats(l.id() + "_gain", p.get("gain"), c);
        String bias = onnx.floats(l.id() + "_bias", p.get("bias"), c);
        Onnx.AttributeProto eps = OnnxGraph.real("epsilon", l.d("epsilon"));
        Onnx.AttributeProto axis = OnnxGraph.integer("axis", -1);
        if (in.kind() == TensorShape.Kind.VECTOR) {
            onnx.node("LayerNormalization", List.of(x, gain, bias), l.id()).addAttribute(axis).addAttribute(eps);
            return;
        }
        String steps = onnx.fresh(l.id() + "_steps");
        onnx.node("Transpose", List.of(x), steps).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
        String normed = onnx.fresh(l.id() + "_normed");
        onnx.node("LayerNormalization", List.of(steps, gain, bias), normed).addAttribute(axis).addAttribute(eps);
        onnx.node("Transpose", List.of(normed), l.id()).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
    }

    private void conv(Layer l, String x, TensorShape in) throws ExportException {
        Map<String, INDArray> p = params(l);
        INDArray w = p.get("W");
        int k = l.i("kernel");
        int s = l.i("stride");
        int d = l.i("dilation");
        String weights = onnx.floats(l.id() + "_W", w, w.shape());
        String bias = onnx.floats(l.id() + "_b", p.get("b"), w.size(0));
        String conv = onnx.fresh(l.id() + "_conv");
        onnx.node("Conv", List.of(x, weights, bias), conv).addAttribute(OnnxGraph.ints("kernel_shape", k, k))
                .addAttribute(OnnxGraph.ints("strides", s, s)).addAttribute(OnnxGraph.ints("dilations", d, d))
                .addAttribute(OnnxGraph.ints("pads", pads(l, in, k + (k - 1) * (d - 1), s)));
        activation(l, conv, l.s("activation"), 0.01, l.id());
    }

    private void pool(Layer l, String x, TensorShape in) {
        int k = l.i("size");
        int s = l.i("stride");
        boolean max = l.type() == LayerType.MAX_POOL2D;
        // DL4J's average pooling divides by the cells inside the image only: ONNX's count_include_pad = 0.
        onnx.node(max ? "MaxPool" : "AveragePool", List.of(x), l.id())
                .addAttribute(OnnxGraph.ints("kernel_shape", k, k)).addAttribute(OnnxGraph.ints("strides", s, s))
                .addAttribute(OnnxGraph.ints("pads", pads(l, in, k, s)));
    }

    /** ONNX pads {@code [top, left, bottom, right]}: none for valid; for same DL4J's, the odd cell last. */
    private static long[] pads(Layer l, TensorShape in, int effective, int stride) {
        if (!"same".equals(l.s("padding"))) {
            return new long[4];
        }
        long[] pads = new long[4];
        for (int axis = 0; axis < 2; axis++) {
            int size = in.dim(axis);
            int out = (size + stride - 1) / stride;
            int total = Math.max((out - 1) * stride + effective - size, 0);
            pads[axis] = total / 2;
            pads[axis + 2] = total - total / 2;
        }
        return pads;
    }

    /**
     * Token ids {@code [N, 1, T]} (floats) -> Gather from {@code W [vocab, dim]} -> {@code [N, dim, T]}; with learned
     * positions (the compiler's vertex {@code id-tokens} holds the token vectors) plus {@code positions [dim, T]}.
     */
    private void embedding(Layer l, String x) {
        boolean positions = l.b("positions");
        Map<String, INDArray> p = positions
                ? dl4j.getLayer(l.id() + GraphCompiler.TOKENS_SUFFIX).paramTable() : params(l);
        INDArray w = p.get("W");
        String ids = onnx.fresh(l.id() + "_ids");
        onnx.node("Flatten", List.of(x), ids).addAttribute(OnnxGraph.integer("axis", 1));
        String whole = onnx.fresh(l.id() + "_int");
        onnx.node("Cast", List.of(ids), whole).addAttribute(OnnxGraph.integer("to",
                Onnx.TensorProto.DataType.INT64.getNumber()));
        String table = onnx.floats(l.id() + "_W", w, w.size(0), w.size(1));
        String looked = onnx.fresh(l.id() + "_rows");
        onnx.node("Gather", List.of(table, whole), looked).addAttribute(OnnxGraph.integer("axis", 0));
        boolean last = p.get("b") == null && !positions;
        String vectors = last ? l.id() : onnx.fresh(l.id() + "_vectors");
        onnx.node("Transpose", List.of(looked), vectors).addAttribute(OnnxGraph.ints("perm", 0, 2, 1));
        if (p.get("b") != null) {
            String b = onnx.floats(l.id() + "_b", p.get("b"), 1, w.size(1), 1);
            String biased = positions ? onnx.fresh(l.id() + "_biased") : l.id();
            onnx.node("Add", List.of(vectors, b), biased);
            vectors = biased;
        }
        if (positions) {
            INDArray learned = params(l).get("positions");
            String added = onnx.floats(l.id() + "_positions", learned, 1, learned.size(0), learned.size(1));
            onnx.node("Add", List.of(vectors, added), l.id());
        }
    }

    /** Columns {@code [from, from + n)} of a 2-D array. */
    static INDArray columns(INDArray a, long from, long n) {
        return a.get(NDArrayIndex.all(), NDArrayIndex.interval(from, from + n));
    }
}
