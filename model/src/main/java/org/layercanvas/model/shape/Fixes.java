package org.layercanvas.model.shape;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.PortSpec;

/**
 * Applies a {@link Fix} to a document. Pure: the given document is left unchanged and a new one is returned.
 */
public final class Fixes {
    private Fixes() {
    }

    /**
     * The document with the fix applied.
     * <ul>
     * <li>{@code INSERT_LAYER}: the wire {@code A -> B} becomes {@code A -> new -> B}, where {@code new} is a node of
     * the fix's layer type with default parameters, a fresh id derived from the type ({@code flatten},
     * {@code flatten2}, ...) and a position halfway between A and B. The new wire into B keeps B's port.</li>
     * <li>{@code SET_PARAM}: the node's parameter is set to the fix's value.</li>
     * <li>{@code SET_PARAMS}: each of the fix's parameters is set, in order.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if the fix names a wire or node that is not in the document, or an
     *                                  insertion of a layer without both an input and an output (Input, Output)
     */
    public static NetworkDocument apply(NetworkDocument doc, Fix fix) {
        Objects.requireNonNull(doc, "doc");
        Objects.requireNonNull(fix, "fix");
        return switch (fix.kind()) {
            case INSERT_LAYER -> insert(doc, fix.layer(), fix.edge());
            case SET_PARAM -> setParam(doc, fix.nodeId(), fix.param(), fix.value());
            case SET_PARAMS -> {
                NetworkDocument d = doc;
                for (Map.Entry<String, Object> e : fix.params().entrySet()) {
                    d = setParam(d, fix.nodeId(), e.getKey(), e.getValue());
                }
                yield d;
            }
        };
    }

    private static NetworkDocument insert(NetworkDocument doc, LayerType layer, Edge edge) {
        if (layer == null || layer == LayerType.INPUT || layer == LayerType.OUTPUT) {
            throw new IllegalArgumentException("cannot insert a layer of type " + layer + " on a wire");
        }
        if (edge == null) {
            throw new IllegalArgumentException("the fix names no wire");
        }
        int index = doc.edges().indexOf(edge);
        if (index < 0) {
            throw new IllegalArgumentException("no wire " + edge.from() + "->" + edge.to() + " in the document");
        }
        Node from = doc.node(edge.from().nodeId()).orElseThrow(
                () -> new IllegalArgumentException("no node '" + edge.from().nodeId() + "' in the document"));
        Node to = doc.node(edge.to().nodeId()).orElseThrow(
                () -> new IllegalArgumentException("no node '" + edge.to().nodeId() + "' in the document"));

        String id = freshId(doc, layer);
        Position mid = new Position((from.position().x() + to.position().x()) / 2,
                (from.position().y() + to.position().y()) / 2);
        Node inserted = new Node(id, layer, Map.of(), mid);

        List<Edge> edges = new ArrayList<>(doc.edges());
        edges.set(index, new Edge(edge.from(), new PortRef(id, PortSpec.SINGLE_IN.name())));
        edges.add(index + 1, new Edge(new PortRef(id, PortSpec.OUT), edge.to()));
        List<Node> nodes = new ArrayList<>(doc.nodes());
        nodes.add(inserted);
        return new NetworkDocument(doc.metadata(), nodes, edges, doc.dataset(), doc.training());
    }

    /** Lower-case type name, then the same with 2, 3, ... appended, until no node of the document has it. */
    static String freshId(NetworkDocument doc, LayerType layer) {
        Set<String> taken = new HashSet<>();
        for (Node n : doc.nodes()) {
            taken.add(n.id());
        }
        String base = layer.jsonName().toLowerCase(Locale.ROOT);
        if (!taken.contains(base)) {
            return base;
        }
        for (int k = 2; ; k++) {
            String candidate = base + k;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static NetworkDocument setParam(NetworkDocument doc, String nodeId, String param, Object value) {
        if (nodeId == null || param == null) {
            throw new IllegalArgumentException("the fix names no node or parameter");
        }
        Node node = doc.node(nodeId).orElseThrow(
                () -> new IllegalArgumentException("no node '" + nodeId + "' in the document"));
        return doc.withNode(node.withParam(param, value));
    }
}
