package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;

/** Small graphs for tests. */
final class TestGraphs {
    static final PortModel IN = new PortModel("in", "input", false);
    static final PortModel OUT = new PortModel("out", "output", false);

    private TestGraphs() {
    }

    static NodeModel node(String id, double x, double y, NodeState state) {
        return new NodeModel(id, "Node " + id, "Dense 128", "1.2k", null, "dense", List.of(IN), List.of(OUT), x, y,
                state, "");
    }

    static NodeModel source(String id, double x, double y) {
        return new NodeModel(id, "Input " + id, "28x28x1", "", null, "input", List.of(), List.of(OUT), x, y,
                NodeState.NORMAL, "");
    }

    /** a (source) -> b; c unconnected. Reading order: a, b, c. */
    static GraphSnapshot abc() {
        return new GraphSnapshot(
                List.of(source("a", 100, 60), node("b", 100, 260, NodeState.NORMAL), node("c", 400, 260, NodeState.NORMAL)),
                List.of(new WireModel("w1", new PortKey("a", "out"), new PortKey("b", "in"), "128", NodeState.NORMAL)));
    }

    static List<CreateChoice> choices() {
        return List.of(
                new CreateChoice("dense", "Dense", "Fully connected layer", "Core", null),
                new CreateChoice("dropout", "Dropout", "Randomly zeroes activations", "Regularization", null),
                new CreateChoice("conv2d", "Conv2D", "2D convolution", "Convolution", null));
    }

    /** A chain-with-branches graph of n nodes and about 1.2 n wires, on a grid. */
    static GraphSnapshot big(int n, int wires) {
        List<NodeModel> nodes = new ArrayList<>();
        int cols = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            NodeState s = i % 37 == 0 ? NodeState.ERROR : i % 23 == 0 ? NodeState.WARNING : NodeState.NORMAL;
            nodes.add(new NodeModel("n" + i, "Layer " + i, "Dense " + (16 << (i % 4)), (i * 7 % 100) + "k", null,
                    i % 3 == 0 ? "dense" : i % 3 == 1 ? "conv" : "activation", List.of(IN), List.of(OUT),
                    (i % cols) * 220, (i / cols) * 140, s, ""));
        }
        List<WireModel> ws = new ArrayList<>();
        for (int i = 0; ws.size() < wires && i < n * 4; i++) {
            int from = i % n;
            int to = i < n ? from + 1 : (from * 7 + i) % n;
            if (to <= from || to >= n) {
                continue;
            }
            ws.add(new WireModel("w" + ws.size(), new PortKey("n" + from, "out"), new PortKey("n" + to, "in"),
                    (16 << (i % 4)) + "", NodeState.NORMAL));
        }
        return new GraphSnapshot(nodes, ws);
    }
}
