package org.layercanvas.runtime.interop.exports;

import java.util.List;
import java.util.Map;
import onnx.Onnx;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * LSTM and SimpleRNN as ONNX's LSTM and RNN operators. DL4J sequences are {@code [N, F, T]}, ONNX's {@code [T, N, F]}
 * in and {@code [T, directions, N, H]} out; the output goes back to {@code [N, directions * H, T]} (forward
 * direction first, as DL4J's bidirectional concatenation) and, without returnSequences, to its last step; a
 * bidirectional LSTM without returnSequences answers both directions' final states (ONNX's {@code Y_h}: the backward
 * direction's is its output at the first step, as the compiler's {@code BidirectionalLastStep}). DL4J has one bias per
 * gate: it is ONNX's input bias, the recurrent bias is zero.
 */
final class OnnxRecurrent {
    private final OnnxGraph onnx;
    private final Map<String, INDArray> params;

    OnnxRecurrent(OnnxGraph onnx, Map<String, INDArray> params) {
        this.onnx = onnx;
        this.params = params;
    }

    void add(Layer l, String x) throws ExportException {
        boolean lstm = l.type() == LayerType.LSTM;
        boolean bidirectional = lstm && l.b("bidirectional");
        int h = l.i("units");
        TensorShape in = l.in();
        int features = in.dim(1);
        int steps = in.dim(0);
        String[] prefixes = bidirectional ? new String[] {"f", "b"} : new String[] {""};
        int gates = lstm ? 4 : 1;
        int dirs = prefixes.length;
        float[] w = new float[dirs * gates * h * features];
        float[] r = new float[dirs * gates * h * h];
        float[] b = new float[dirs * 2 * gates * h];
        for (int d = 0; d < dirs; d++) {
            String p = prefixes[d];
            copy(onnxOrder(params.get(p + "W"), h, lstm).transpose(), w, d * gates * h * features);
            copy(onnxOrder(params.get(p + "RW"), h, lstm).transpose(), r, d * gates * h * h);
            copy(onnxOrder(params.get(p + "b").reshape(1, gates * h), h, lstm), b, d * 2 * gates * h);
        }
        String sequence = onnx.fresh(l.id() + "_tnf");
        onnx.node("Transpose", List.of(x), sequence).addAttribute(OnnxGraph.ints("perm", 2, 0, 1));
        String y = onnx.fresh(l.id() + "_y");
        var node = onnx.node(lstm ? "LSTM" : "RNN", List.of(sequence,
                onnx.floats(l.id() + "_W", w, dirs, gates * h, features),
                onnx.floats(l.id() + "_R", r, dirs, gates * h, h),
                onnx.floats(l.id() + "_B", b, dirs, 2L * gates * h)), y)
                .addAttribute(OnnxGraph.integer("hidden_size", h))
                .addAttribute(OnnxGraph.text("direction", bidirectional ? "bidirectional" : "forward"));
        if (!lstm) {
            node.addAllAttribute(activation(l));
        } else if (l.hardSigmoidGates()) {
            node.addAllAttribute(hardSigmoidGates(dirs));
        }
        if (l.bidirectionalLastStep()) { // each direction's final state: Y_h, [directions, N, H]
            String finals = onnx.fresh(l.id() + "_yh");
            node.addOutput(finals);
            String ndh = onnx.fresh(l.id() + "_ndh");
            onnx.node("Transpose", List.of(finals), ndh).addAttribute(OnnxGraph.ints("perm", 1, 0, 2));
            onnx.node("Reshape", List.of(ndh, onnx.longs(l.id() + "_shape", new long[] {0, 2L * h}, 2)), l.id());
            return;
        }
        String nhdt = onnx.fresh(l.id() + "_ndht");
        onnx.node("Transpose", List.of(y), nhdt).addAttribute(OnnxGraph.ints("perm", 2, 1, 3, 0));
        String shape = onnx.longs(l.id() + "_shape", new long[] {0, (long) dirs * h, steps}, 3);
        boolean all = l.b("returnSequences");
        String joined = all ? l.id() : onnx.fresh(l.id() + "_all");
        onnx.node("Reshape", List.of(nhdt, shape), joined);
        if (!all) {
            String last = onnx.longs(l.id() + "_last", new long[] {steps - 1});
            onnx.node("Gather", List.of(joined, last), l.id()).addAttribute(OnnxGraph.integer("axis", 2));
        }
    }

    /** DL4J's LSTM gate blocks (cell input, forget, output, input gate) in ONNX's order (input, output, forget, cell). */
    private static INDArray onnxOrder(INDArray a, int h, boolean lstm) {
        if (!lstm) {
            return a;
        }
        return Nd4j.hstack(OnnxLayers.columns(a, 3L * h, h), OnnxLayers.columns(a, 2L * h, h),
                OnnxLayers.columns(a, h, h), OnnxLayers.columns(a, 0, h));
    }

    private static void copy(INDArray a, float[] into, int offset) {
        float[] data = a.castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').data().asFloat();
        System.arraycopy(data, 0, into, offset, data.length);
    }

    private static List<Onnx.AttributeProto> activation(Layer l) throws ExportException {
        String f = l.s("activation");
        return switch (f) {
            case "tanh" -> List.of(OnnxGraph.texts("activations", "Tanh"));
            case "relu" -> List.of(OnnxGraph.texts("activations", "Relu"));
            case "sigmoid" -> List.of(OnnxGraph.texts("activations", "Sigmoid"));
            case "identity" -> List.of(OnnxGraph.texts("activations", "Affine"),
                    attributeFloats("activation_alpha", 1f), attributeFloats("activation_beta", 0f));
            case "leakyrelu" -> List.of(OnnxGraph.texts("activations", "LeakyRelu"),
                    attributeFloats("activation_alpha", 0.01f));
            case "elu" -> List.of(OnnxGraph.texts("activations", "Elu"), attributeFloats("activation_alpha", 1f));
            default -> throw new ExportException(l.id(), ExportMessages.format("onnx.activation", f));
        };
    }

    /**
     * Gates (f), cell input (g) and cell output (h) per direction: HardSigmoid(alpha 0.2, beta 0.5) is DL4J's
     * max(0, min(1, 0.2x + 0.5)); alphas and betas are consumed in the order of the functions that take them.
     */
    private static List<Onnx.AttributeProto> hardSigmoidGates(int directions) {
        List<String> functions = new java.util.ArrayList<>();
        var alpha = Onnx.AttributeProto.newBuilder().setName("activation_alpha")
                .setType(Onnx.AttributeProto.AttributeType.FLOATS);
        var beta = Onnx.AttributeProto.newBuilder().setName("activation_beta")
                .setType(Onnx.AttributeProto.AttributeType.FLOATS);
        for (int d = 0; d < directions; d++) {
            functions.addAll(List.of("HardSigmoid", "Tanh", "Tanh"));
            alpha.addFloats(0.2f);
            beta.addFloats(0.5f);
        }
        return List.of(OnnxGraph.texts("activations", functions.toArray(String[]::new)), alpha.build(),
                beta.build());
    }

    private static Onnx.AttributeProto attributeFloats(String name, float value) {
        return Onnx.AttributeProto.newBuilder().setName(name)
                .setType(Onnx.AttributeProto.AttributeType.FLOATS).addFloats(value).build();
    }
}
