package org.layercanvas.model.shape;

import org.layercanvas.i18n.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

/**
 * Infers every wire's tensor shape and every node's parameter count, and finds what is wrong, in one pass over a
 * document. Pure Java and fast enough to run after every edit (see the model benchmark). Errors do not cascade:
 * a node whose input is unknown because of an upstream problem is left without a shape and without a message.
 *
 * <p>The work is shared out: {@code GraphStructure} reads nodes and wires and orders them, {@code LayerShapes}
 * applies each layer's shape rule, {@code DocumentChecks} and {@code SettingsChecks} check the document as a whole.
 * Diagnostics come out in that order.
 */
public final class ShapeInference {
    private final LayerCatalog catalog;

    public ShapeInference(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public Analysis analyze(NetworkDocument doc) {
        Problems problems = new Problems();
        GraphStructure graph = GraphStructure.read(doc, catalog, problems);
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        LayerShapes rules = new LayerShapes(problems);
        for (String id : graph.order()) {
            inferNode(graph, rules, graph.node(id), shapes, counts);
        }
        DocumentChecks checks = new DocumentChecks(graph, shapes, problems);
        checks.checkInputsAndOutputs();
        checks.checkDataset(doc.dataset());
        SettingsChecks.checkTraining(doc.training(), problems.list());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Analysis(shapes, counts, total, problems.list(), graph.order());
    }

    /** Adds node {@code n}'s shape and parameter count when its parameters are valid and its inputs known. */
    private void inferNode(GraphStructure graph, LayerShapes rules, Node n, Map<String, TensorShape> shapes,
                           Map<String, Long> counts) {
        if (graph.hasBadParams(n.id())) {
            return;
        }
        Map<String, Object> p = graph.params(n.id());
        if (n.type() == LayerType.INPUT) {
            shapes.put(n.id(), LayerShapes.inputShape(p));
            counts.put(n.id(), 0L);
            return;
        }
        List<Edge> in = graph.incoming(n.id());
        if (in.isEmpty() || (!catalog.spec(n.type()).inputs().get(0).multiple() && in.size() > 1)) {
            return;
        }
        List<TensorShape> inputs = new ArrayList<>();
        for (Edge e : in) {
            TensorShape s = shapes.get(e.from().nodeId());
            if (s == null) {
                return;
            }
            inputs.add(s);
        }
        LayerShapes.Result r = rules.infer(n, p, inputs, in);
        if (r != null) {
            shapes.put(n.id(), r.shape());
            counts.put(n.id(), r.params());
        }
    }

    /** A number for a message: whole numbers without ".0", others with at most 6 significant digits. */
    static String num(double d) {
        return Numbers.significant(d, 6);
    }
}
