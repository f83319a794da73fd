package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ONNX export runs in ONNX Runtime and gives DL4J's outputs within 1e-4 on the same inputs. Weights are random
 * (not the initial ones: batch-norm statistics of 0 and 1 would hide a wrong formula).
 */
class OnnxExportTest {
    private static final double TOLERANCE = 1e-4;
    private static final int BATCH = 3;

    static Stream<Arguments> networks() throws Exception {
        List<Arguments> all = new ArrayList<>();
        for (String sample : ExportFixtures.SAMPLES) {
            all.add(Arguments.of(sample, ExportFixtures.sample(sample)));
        }
        all.add(Arguments.of("every-vector-layer", vectorLayers()));
        all.add(Arguments.of("every-image-layer", imageLayers()));
        all.add(Arguments.of("every-sequence-layer", sequenceLayers()));
        all.add(Arguments.of("self-attention", attention()));
        all.add(Arguments.of("bidirectional-last-step", bidirectionalLastStep()));
        // Embedding with learned positions (two DL4J vertices): the export failed on it with a NullPointerException.
        all.add(Arguments.of("transformer-block", ExportFixtures.sample("transformer-block")));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("networks")
    void onnxRuntimeGivesDl4jsOutputs(String name, NetworkDocument doc) throws Exception {
        assertSameOutputs(name, doc, 1);
    }

    /**
     * LSTMs with hard_sigmoid gates (ONNX's HardSigmoid, alpha 0.2, beta 0.5), one bidirectional; weights in
     * [-2, 2] so that many gates sit on the flat parts of hard_sigmoid, as well as on its slope.
     */
    @Test
    void hardSigmoidGatesGiveDl4jsOutputs() throws Exception {
        assertSameOutputs("hard-sigmoid-lstms", hardSigmoidLstms(), 4);
    }

    static NetworkDocument hardSigmoidLstms() {
        return graph(List.of(
                node("in", LayerType.INPUT, "kind", "timeseries", "length", 6, "features", 3),
                node("bi", LayerType.LSTM, "units", 4, "returnSequences", true, "bidirectional", true,
                        "gateActivation", "hard_sigmoid"),
                node("last", LayerType.LSTM, "units", 3, "gateActivation", "hard_sigmoid"),
                node("out", LayerType.OUTPUT, "units", 2)),
                List.of(Edge.of("in", "bi"), Edge.of("bi", "last"), Edge.of("last", "out")));
    }

    private static void assertSameOutputs(String name, NetworkDocument doc, float scale) throws Exception {
        ComputationGraph graph = Exporters.initialised(doc);
        Nd4j.getRandom().setSeed(7);
        graph.setParams(Nd4j.rand(DataType.FLOAT, 1, graph.numParams()).subi(0.5).muli(scale));
        byte[] model = new OnnxExporter().export(doc, graph);

        TensorShape in = new ShapeInference(LayerCatalog.standard()).analyze(doc).inputShape(doc).orElseThrow();
        long[] shape = shape(in);
        INDArray x = in.kind() == TensorShape.Kind.TOKENS
                ? Nd4j.rand(DataType.FLOAT, shape).muli(in.vocabSize() - 1).castTo(DataType.INT32)
                .castTo(DataType.FLOAT)
                : Nd4j.rand(DataType.FLOAT, shape).muli(2).subi(1);
        float[] expected = graph.outputSingle(x).castTo(DataType.FLOAT).dup('c').data().asFloat();

        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(model, new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.dup('c').data().asFloat()), shape);
             OrtSession.Result result = session.run(Map.of(doc.inputNode().orElseThrow().id(), input))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            assertThat(out.remaining()).isEqualTo(expected.length);
            double max = 0;
            for (float e : expected) {
                max = Math.max(max, Math.abs(e - out.get()));
            }
            System.out.printf("ONNX %s: %d outputs, max |DL4J - ONNX Runtime| = %.3g%n", name, expected.length, max);
            assertThat(max).as(name).isLessThanOrEqualTo(TOLERANCE);
        }
    }

    @Test
    void aSoftmaxOverAnImageIsRefusedNamingTheNode() {
        NetworkDocument doc = chain(node("in", LayerType.INPUT, "kind", "image", "height", 4, "width", 4),
                node("soft", LayerType.ACTIVATION, "function", "softmax"),
                node("flat", LayerType.FLATTEN),
                node("out", LayerType.OUTPUT, "units", 2));
        assertThatThrownBy(() -> new OnnxExporter().export(doc, Exporters.initialised(doc)))
                .isInstanceOf(ExportException.class).hasMessageStartingWith("soft: a softmax over a 4x4x1 tensor");
    }

    static NetworkDocument attention() {
        return chain(node("in", LayerType.INPUT, "kind", "timeseries", "length", 5, "features", 6),
                node("att", LayerType.SELF_ATTENTION, "heads", 2, "headSize", 3),
                node("ln", LayerType.LAYER_NORM),
                node("att2", LayerType.SELF_ATTENTION, "heads", 1, "headSize", 4),
                node("flat", LayerType.FLATTEN),
                node("out", LayerType.OUTPUT, "units", 3));
    }

    private static long[] shape(TensorShape in) {
        long[] dims = OnnxExporter.dl4jDims(in);
        long[] shape = new long[dims.length + 1];
        shape[0] = BATCH;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        return shape;
    }

    static NetworkDocument vectorLayers() {
        return graph(List.of(
                node("in", LayerType.INPUT, "kind", "vector", "size", 6),
                node("bn", LayerType.BATCH_NORM, "epsilon", 1e-3),
                node("d1", LayerType.DENSE, "units", 8, "activation", "elu"),
                node("d2", LayerType.DENSE, "units", 8, "activation", "gelu", "useBias", false),
                node("act", LayerType.ACTIVATION, "function", "leakyrelu", "alpha", 0.2),
                node("ln", LayerType.LAYER_NORM),
                node("drop", LayerType.DROPOUT, "rate", 0.5),
                node("sum", LayerType.ADD),
                node("cat", LayerType.CONCATENATE),
                node("soft", LayerType.ACTIVATION, "function", "softmax"),
                node("out", LayerType.OUTPUT, "units", 3, "loss", "mse")),
                List.of(Edge.of("in", "bn"), Edge.of("bn", "d1"), Edge.of("d1", "d2"), Edge.of("d2", "act"),
                        Edge.of("act", "ln"), Edge.of("ln", "drop"), Edge.of("drop", "sum"), Edge.of("d1", "sum"),
                        Edge.of("sum", "cat"), Edge.of("bn", "cat"), Edge.of("cat", "soft"), Edge.of("soft", "out")));
    }

    static NetworkDocument imageLayers() {
        return graph(List.of(
                node("in", LayerType.INPUT, "kind", "image", "height", 9, "width", 7, "channels", 2),
                node("c1", LayerType.CONV2D, "filters", 4, "kernel", 3, "stride", 2, "padding", "same",
                        "activation", "tanh"),
                node("c2", LayerType.CONV2D, "filters", 4, "kernel", 2, "dilation", 2, "padding", "same",
                        "activation", "sigmoid"),
                node("bn", LayerType.BATCH_NORM),
                node("avg", LayerType.AVG_POOL2D, "size", 2, "stride", 2, "padding", "same"),
                node("max", LayerType.MAX_POOL2D, "size", 2, "stride", 1, "padding", "same"),
                node("cat", LayerType.CONCATENATE),
                node("gap", LayerType.GLOBAL_AVG_POOL),
                node("flat", LayerType.FLATTEN),
                node("join", LayerType.CONCATENATE),
                node("out", LayerType.OUTPUT, "units", 2, "loss", "sigmoid_bce")),
                List.of(Edge.of("in", "c1"), Edge.of("c1", "c2"), Edge.of("c2", "bn"), Edge.of("bn", "avg"),
                        Edge.of("avg", "max"), Edge.of("max", "cat"), Edge.of("avg", "cat"), Edge.of("cat", "gap"),
                        Edge.of("cat", "flat"), Edge.of("gap", "join"), Edge.of("flat", "join"),
                        Edge.of("join", "out")));
    }

    static NetworkDocument sequenceLayers() {
        return graph(List.of(
                node("in", LayerType.INPUT, "kind", "timeseries", "length", 5, "features", 3),
                node("ln", LayerType.LAYER_NORM),
                node("bi", LayerType.LSTM, "units", 4, "returnSequences", true, "bidirectional", true),
                node("rnn", LayerType.SIMPLE_RNN, "units", 3, "returnSequences", true, "activation", "relu"),
                node("gap", LayerType.GLOBAL_AVG_POOL),
                node("last", LayerType.LSTM, "units", 2),
                node("flat", LayerType.FLATTEN),
                node("cat", LayerType.CONCATENATE),
                node("out", LayerType.OUTPUT, "units", 4)),
                List.of(Edge.of("in", "ln"), Edge.of("ln", "bi"), Edge.of("bi", "rnn"), Edge.of("rnn", "gap"),
                        Edge.of("bi", "last"), Edge.of("rnn", "flat"), Edge.of("gap", "cat"), Edge.of("last", "cat"),
                        Edge.of("flat", "cat"), Edge.of("cat", "out")));
    }

    /** A Bidirectional LSTM answering its last step (Keras's default), then a second one over a stacked sequence. */
    static NetworkDocument bidirectionalLastStep() {
        return graph(List.of(
                node("in", LayerType.INPUT, "kind", "timeseries", "length", 6, "features", 3),
                node("seq", LayerType.LSTM, "units", 3, "returnSequences", true),
                node("bi", LayerType.LSTM, "units", 4, "bidirectional", true),
                node("out", LayerType.OUTPUT, "units", 3)),
                List.of(Edge.of("in", "seq"), Edge.of("seq", "bi"), Edge.of("bi", "out")));
    }

    static Node node(String id, LayerType type, Object... params) {
        Map<String, Object> p = new java.util.LinkedHashMap<>();
        for (int k = 0; k < params.length; k += 2) {
            p.put((String) params[k], params[k + 1]);
        }
        return new Node(id, type, p, Position.ORIGIN);
    }

    static NetworkDocument graph(List<Node> nodes, List<Edge> edges) {
        return new NetworkDocument(new Metadata("test", ""), nodes, edges, null, null);
    }

    private static NetworkDocument chain(Node... nodes) {
        List<Edge> edges = new ArrayList<>();
        for (int k = 1; k < nodes.length; k++) {
            edges.add(Edge.of(nodes[k - 1].id(), nodes[k].id()));
        }
        return graph(List.of(nodes), edges);
    }
}
