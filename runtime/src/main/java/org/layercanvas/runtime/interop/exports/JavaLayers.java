package org.layercanvas.runtime.interop.exports;

import java.util.Locale;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * The Java statement that adds each layer to a DL4J {@code GraphBuilder graph}: the same layer, vertex and settings
 * that {@link org.layercanvas.runtime.compile.GraphCompiler} builds, written as source.
 */
final class JavaLayers {
    private JavaLayers() {
    }

    /** @param input the network's input, which DL4J's time-step vertices name */
    static String statement(Layer l, String input) {
        String id = str(l.id());
        String from = from(l);
        TensorShape in = l.in();
        return switch (l.type()) {
            case INPUT -> "graph.addInputs(" + id + ");";
            case DENSE -> layer(id, "new DenseLayer.Builder().nIn(" + in.dim(0) + ").nOut(" + l.i("units")
                    + ").activation(" + activation(l.s("activation"), 0.01) + ").hasBias(" + l.b("useBias")
                    + ").build()", from);
            case OUTPUT -> layer(id, output(l, in), from);
            case ACTIVATION -> layer(id, "new ActivationLayer.Builder().activation("
                    + activation(l.s("function"), l.d("alpha")) + ").build()", from);
            case DROPOUT -> layer(id, "new DropoutLayer.Builder(1.0 - " + num(l.d("rate")) + ").build()", from);
            case BATCH_NORM -> layer(id, "new BatchNormalization.Builder().decay(" + num(l.d("momentum"))
                    + ").eps(" + num(l.d("epsilon")) + ").build()", from);
            case LAYER_NORM -> layer(id, "new LayerNorm(" + num(l.d("epsilon")) + ")", from);
            case CONV2D -> layer(id, "new ConvolutionLayer.Builder(" + l.i("kernel") + ", " + l.i("kernel")
                    + ").stride(" + l.i("stride") + ", " + l.i("stride") + ").dilation(" + l.i("dilation") + ", "
                    + l.i("dilation") + ").convolutionMode(" + mode(l) + ").nOut(" + l.i("filters")
                    + ").activation(" + activation(l.s("activation"), 0.01) + ").build()", from);
            case MAX_POOL2D, AVG_POOL2D -> layer(id, "new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType."
                    + (l.type() == LayerType.MAX_POOL2D ? "MAX" : "AVG") + ", new int[] {" + l.i("size") + ", "
                    + l.i("size") + "}, new int[] {" + l.i("stride") + ", " + l.i("stride") + "}).convolutionMode("
                    + mode(l) + ").build()", from);
            case GLOBAL_AVG_POOL -> in.kind() == TensorShape.Kind.SEQUENCE
                    ? layer(str(l.id() + "-pool"), "new GlobalPoolingLayer.Builder(PoolingType.AVG).build()", from)
                    + "\n        graph.addVertex(" + id + ", new ReshapeVertex(-1, " + in.dim(1) + "), "
                    + str(l.id() + "-pool") + ");"
                    : layer(id, "new GlobalPoolingLayer.Builder(PoolingType.AVG).build()", from);
            case FLATTEN -> "graph.addVertex(" + id + ", " + flatten(in) + ", " + from + ");";
            case EMBEDDING -> layer(id, "new EmbeddingSequenceLayer.Builder().nIn(" + in.vocabSize() + ").nOut("
                    + l.i("dim") + ").inputLength(" + in.dim(0) + ").build()", from);
            case LSTM -> l.bidirectionalLastStep()
                    ? bidirectionalLastStep(l, lstm(l, in), from, input)
                    : layer(id, recurrent(l, lstm(l, in), l.b("bidirectional")), from);
            case SIMPLE_RNN -> layer(id, recurrent(l, "new SimpleRnn.Builder().nIn(" + in.dim(1) + ").nOut("
                    + l.i("units") + ").activation(" + activation(l.s("activation"), 0.01) + ").build()", false),
                    from);
            case SELF_ATTENTION -> layer(id, "new Attention(new SelfAttentionLayer.Builder().nIn(" + in.dim(1)
                    + ").nOut(" + in.dim(1) + ").nHeads(" + l.i("heads") + ").headSize(" + l.i("headSize")
                    + ").projectInput(true))", from);
            case ADD -> "graph.addVertex(" + id + ", new ElementWiseVertex(ElementWiseVertex.Op.Add), " + from + ");";
            case CONCATENATE -> "graph.addVertex(" + id + ", new MergeVertex(), " + from + ");";
        };
    }

    /** The DL4J input type, as GraphCompiler.inputType. */
    static String inputType(TensorShape s) {
        return switch (s.kind()) {
            case VECTOR -> "InputType.feedForward(" + s.dim(0) + ")";
            case IMAGE -> "InputType.convolutional(" + s.dim(0) + ", " + s.dim(1) + ", " + s.dim(2) + ")";
            case SEQUENCE -> "InputType.recurrent(" + s.dim(1) + ", " + s.dim(0) + ")";
            case TOKENS -> "InputType.recurrent(" + s.vocabSize() + ", " + s.dim(0) + ")";
        };
    }

    private static String layer(String id, String layer, String from) {
        return "graph.addLayer(" + id + ", " + layer + ", " + from + ");";
    }

    private static String from(Layer l) {
        StringBuilder b = new StringBuilder();
        for (String f : l.inputs()) {
            b.append(b.length() == 0 ? "" : ", ").append(str(f));
        }
        return b.toString();
    }

    private static String output(Layer l, TensorShape in) {
        String[] lossAndActivation = switch (l.s("loss")) {
            case "sigmoid_bce" -> new String[] {"XENT", "SIGMOID"};
            case "mse" -> new String[] {"MSE", "IDENTITY"};
            case "mae" -> new String[] {"MEAN_ABSOLUTE_ERROR", "IDENTITY"};
            default -> new String[] {"MCXENT", "SOFTMAX"};
        };
        return "new OutputLayer.Builder(LossFunction." + lossAndActivation[0] + ").nIn(" + in.dim(0) + ").nOut("
                + l.i("units") + ").activation(Activation." + lossAndActivation[1] + ").build()";
    }

    private static String lstm(Layer l, TensorShape in) {
        return "new LSTM.Builder().nIn(" + in.dim(1) + ").nOut(" + l.i("units")
                + ").activation(Activation.TANH).gateActivationFunction(Activation."
                + (l.hardSigmoidGates() ? "HARDSIGMOID" : "SIGMOID") + ").build()";
    }

    /**
     * What the compiler's own {@code BidirectionalLastStep} computes, from DL4J's vertices: the forward half of the
     * last step next to the backward half of the first step (the backward direction after the whole reversed
     * sequence, as Keras's {@code Bidirectional(LSTM(n))}).
     */
    private static String bidirectionalLastStep(Layer l, String lstm, String from, String input) {
        int h = l.i("units");
        String steps = str(l.id() + "-steps");
        String last = str(l.id() + "-last");
        String reversed = str(l.id() + "-reversed");
        String first = str(l.id() + "-first");
        String forward = str(l.id() + "-forward");
        String backward = str(l.id() + "-backward");
        String next = "\n        ";
        return "// forward direction after the whole sequence, backward direction after the whole reversed sequence"
                + next + layer(steps, "new Bidirectional(Bidirectional.Mode.CONCAT, " + lstm + ")", from)
                + next + vertex(last, "new LastTimeStepVertex(" + str(input) + ")", steps)
                + next + vertex(reversed, "new ReverseTimeSeriesVertex()", steps)
                + next + vertex(first, "new LastTimeStepVertex(" + str(input) + ")", reversed)
                + next + vertex(forward, "new SubsetVertex(0, " + (h - 1) + ")", last)
                + next + vertex(backward, "new SubsetVertex(" + h + ", " + (2 * h - 1) + ")", first)
                + next + vertex(str(l.id()), "new MergeVertex()", forward + ", " + backward);
    }

    private static String vertex(String id, String vertex, String from) {
        return "graph.addVertex(" + id + ", " + vertex + ", " + from + ");";
    }

    private static String recurrent(Layer l, String rnn, boolean bidirectional) {
        String layer = bidirectional ? "new Bidirectional(Bidirectional.Mode.CONCAT, " + rnn + ")" : rnn;
        return l.b("returnSequences") ? layer : "new LastTimeStep(" + layer + ")";
    }

    private static String flatten(TensorShape in) {
        return switch (in.kind()) {
            case IMAGE -> "new PreprocessorVertex(new CnnToFeedForwardPreProcessor(" + in.dim(0) + ", " + in.dim(1)
                    + ", " + in.dim(2) + "))";
            case SEQUENCE -> "new ReshapeVertex(-1, " + (in.dim(0) * in.dim(1)) + ")";
            default -> "new ElementWiseVertex(ElementWiseVertex.Op.Add)";
        };
    }

    private static String mode(Layer l) {
        return "same".equals(l.s("padding")) ? "ConvolutionMode.Same" : "ConvolutionMode.Truncate";
    }

    static String activation(String name, double alpha) {
        return switch (name) {
            case "leakyrelu" -> "new ActivationLReLU(" + num(alpha) + ")";
            default -> "Activation." + name.toUpperCase(Locale.ROOT);
        };
    }

    static String num(double d) {
        return Double.toString(d);
    }

    static String str(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
