package org.layercanvas.runtime.compile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.Examples;
import org.layercanvas.runtime.train.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Small documents built in code for the compiler tests. Layers made by the helpers have no id; {@link #chain}
 * and {@link #graph} name them {@code <type><index>} (e.g. {@code dense1}) unless {@link #id} gave one.
 */
public final class Networks {
    private Networks() {
    }

    // ---- nodes -------------------------------------------------------------------------------------------

    /** A node of this type with the given parameters as alternating name/value pairs. */
    public static Node node(LayerType type, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("name/value pairs expected");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (int k = 0; k < nameValues.length; k += 2) {
            p.put((String) nameValues[k], nameValues[k + 1]);
        }
        return new Node("", type, p, null);
    }

    /** The same node with an explicit id. */
    public static Node id(String id, Node n) {
        return new Node(id, n.type(), n.params(), n.position());
    }

    public static Node vectorInput(int size) {
        return node(LayerType.INPUT, "kind", "vector", "size", size);
    }

    public static Node imageInput(int height, int width, int channels) {
        return node(LayerType.INPUT, "kind", "image", "height", height, "width", width, "channels", channels);
    }

    public static Node tokensInput(int length, int vocabSize) {
        return node(LayerType.INPUT, "kind", "tokens", "length", length, "vocabSize", vocabSize);
    }

    public static Node seriesInput(int length, int features) {
        return node(LayerType.INPUT, "kind", "timeseries", "length", length, "features", features);
    }

    public static Node dense(int units, String activation) {
        return node(LayerType.DENSE, "units", units, "activation", activation);
    }

    public static Node activation(String function) {
        return node(LayerType.ACTIVATION, "function", function);
    }

    public static Node conv(int filters, int kernel, int stride, String padding, int dilation, String activation) {
        return node(LayerType.CONV2D, "filters", filters, "kernel", kernel, "stride", stride, "padding", padding,
                "dilation", dilation, "activation", activation);
    }

    public static Node pool(LayerType type, int size, int stride, String padding) {
        return node(type, "size", size, "stride", stride, "padding", padding);
    }

    public static Node lstm(int units, boolean returnSequences, boolean bidirectional) {
        return node(LayerType.LSTM, "units", units, "returnSequences", returnSequences, "bidirectional",
                bidirectional);
    }

    public static Node rnn(int units, boolean returnSequences, String activation) {
        return node(LayerType.SIMPLE_RNN, "units", units, "returnSequences", returnSequences, "activation",
                activation);
    }

    public static Node attention(int heads, int headSize) {
        return node(LayerType.SELF_ATTENTION, "heads", heads, "headSize", headSize);
    }

    public static Node output(int units, String loss) {
        return node(LayerType.OUTPUT, "units", units, "loss", loss);
    }

    public static Node of(LayerType type) {
        return node(type);
    }

    // ---- documents ---------------------------------------------------------------------------------------

    /** The nodes wired one after the other. */
    public static NetworkDocument chain(Node... nodes) {
        List<Node> named = name(List.of(nodes));
        List<String> wires = new ArrayList<>();
        for (int k = 1; k < named.size(); k++) {
            wires.add(named.get(k - 1).id() + "->" + named.get(k).id());
        }
        return document(named, wires);
    }

    /**
     * Nodes (named as in {@link #chain}) wired by {@code "from->to"} strings, e.g. {@code graph(List.of(in, a,
     * b, add, out), "input0->dense1", ...)}.
     */
    public static NetworkDocument graph(List<Node> nodes, String... wires) {
        return document(name(nodes), List.of(wires));
    }

    private static List<Node> name(List<Node> nodes) {
        List<Node> named = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            Node n = nodes.get(k);
            named.add(n.id().isEmpty() ? id(n.type().jsonName().toLowerCase() + k, n) : n);
        }
        return named;
    }

    private static NetworkDocument document(List<Node> nodes, List<String> wires) {
        List<Edge> edges = wires.stream().map(w -> {
            String[] ends = w.split("->");
            return Edge.of(ends[0].strip(), ends[1].strip());
        }).toList();
        TrainingSettings t = TrainingSettings.DEFAULT.withSeed(12345);
        return new NetworkDocument(new Metadata("test", ""), nodes, edges, null, t);
    }

    // ---- data --------------------------------------------------------------------------------------------

    /**
     * Random features for {@code n} examples of this Input shape, laid out by {@link Tensors#features} (so the
     * tests also exercise the training layout). Token ids are random integers below the vocabulary size.
     */
    public static INDArray features(TensorShape shape, int n, DataType type, long seed) {
        Random r = new Random(seed);
        int size = Math.toIntExact(shape.size());
        float[][] x = new float[n][size];
        for (float[] row : x) {
            for (int k = 0; k < size; k++) {
                row[k] = shape.kind() == TensorShape.Kind.TOKENS ? r.nextInt(shape.vocabSize())
                        : (float) r.nextGaussian();
            }
        }
        return Tensors.features(new Examples(x, new int[n], List.of("a")), shape, type);
    }

    /** Labels fitting a loss: one-hot rows (softmax_ce), 0/1 (sigmoid_bce) or Gaussian targets (mse, mae). */
    public static INDArray labels(String loss, int units, int n, DataType type, long seed) {
        Random r = new Random(seed);
        INDArray y = Nd4j.zeros(type, n, units);
        for (int i = 0; i < n; i++) {
            switch (loss) {
                case "softmax_ce" -> y.putScalar(i, r.nextInt(units), 1.0);
                case "sigmoid_bce" -> {
                    for (int j = 0; j < units; j++) {
                        y.putScalar(i, j, r.nextBoolean() ? 1.0 : 0.0);
                    }
                }
                default -> {
                    for (int j = 0; j < units; j++) {
                        y.putScalar(i, j, r.nextGaussian());
                    }
                }
            }
        }
        return y;
    }
}
