package org.layercanvas.app.document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.layercanvas.app.Messages;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Fix;
import org.layercanvas.model.shape.Fixes;

/** The edits a user can make, as commands. Every factory returns a pure {@link Command}. */
public final class DocumentCommands {
    private DocumentCommands() {
    }

    private static Command of(String description, UnaryOperator<NetworkDocument> edit) {
        return new Command() {
            @Override
            public NetworkDocument apply(NetworkDocument doc) {
                return edit.apply(doc);
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    /** The first free id of the form {@code dense1}, {@code dense2}, ... for a layer type. */
    public static String freshId(NetworkDocument doc, LayerType type, Set<String> alsoTaken) {
        String base = type.jsonName().toLowerCase(Locale.ROOT);
        Set<String> taken = new HashSet<>(alsoTaken);
        doc.nodes().forEach(n -> taken.add(n.id()));
        for (int i = 1; ; i++) {
            String id = base + i;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    /** Adds a layer with default parameters; {@code id} should come from {@link #freshId}. */
    public static Command addNode(String id, LayerType type, Position at) {
        return of(Messages.get("command.add", type.jsonName()), doc -> {
            if (doc.node(id).isPresent()) {
                return doc;
            }
            List<Node> nodes = new ArrayList<>(doc.nodes());
            nodes.add(new Node(id, type, Map.of(), at));
            return new NetworkDocument(doc.metadata(), nodes, doc.edges(), doc.dataset(), doc.training());
        });
    }

    /** Adds a layer and wires {@code from} into it: one undo step. */
    public static Command addConnectedNode(String id, LayerType type, Position at, String fromNode, String fromPort) {
        Command add = addNode(id, type, at);
        Command connect = connect(new Edge(new org.layercanvas.model.PortRef(fromNode, fromPort),
                new org.layercanvas.model.PortRef(id, "in")));
        return of(add.description(), doc -> connect.apply(add.apply(doc)));
    }

    public static Command connect(Edge edge) {
        return of(Messages.get("command.connect", edge.from().nodeId(), edge.to().nodeId()), doc -> {
            if (doc.edges().contains(edge)) {
                return doc;
            }
            List<Edge> edges = new ArrayList<>(doc.edges());
            edges.add(edge);
            return doc.withEdges(edges);
        });
    }

    /** Moves a wire's end to another input: removes {@code old} and adds {@code replacement}, one undo step. */
    public static Command reconnect(Edge old, Edge replacement) {
        return of(Messages.get("command.reconnect", replacement.from().nodeId(), replacement.to().nodeId()), doc -> {
            List<Edge> edges = new ArrayList<>(doc.edges());
            int at = edges.indexOf(old);
            if (at < 0) {
                return doc;
            }
            edges.remove(at);
            if (!edges.contains(replacement)) {
                edges.add(at, replacement);
            }
            return doc.withEdges(edges);
        });
    }

    /** Deletes nodes (with every wire touching them) and wires: one undo step. */
    public static Command delete(Collection<String> nodeIds, Collection<Edge> edges) {
        Set<String> ids = Set.copyOf(nodeIds);
        Set<Edge> wires = Set.copyOf(edges);
        String description = ids.size() + wires.size() == 1 && ids.size() == 1
                ? Messages.get("command.deleteOne", ids.iterator().next())
                : Messages.get("command.delete", ids.size(), wires.size());
        return of(description, doc -> {
            List<Node> nodes = doc.nodes().stream().filter(n -> !ids.contains(n.id())).toList();
            List<Edge> kept = doc.edges().stream()
                    .filter(e -> !wires.contains(e) && !ids.contains(e.from().nodeId())
                            && !ids.contains(e.to().nodeId()))
                    .toList();
            return new NetworkDocument(doc.metadata(), nodes, kept, doc.dataset(), doc.training());
        });
    }

    public static Command move(Map<String, Position> positions) {
        Map<String, Position> copy = Map.copyOf(positions);
        return of(Messages.get("command.move", copy.size()), doc -> {
            List<Node> nodes = doc.nodes().stream()
                    .map(n -> copy.containsKey(n.id()) ? n.withPosition(copy.get(n.id())) : n).toList();
            return new NetworkDocument(doc.metadata(), nodes, doc.edges(), doc.dataset(), doc.training());
        });
    }

    /** Sets one parameter; a value equal to what is there is a no-op. */
    public static Command setParam(String nodeId, String param, Object value) {
        return of(Messages.get("command.setParam", nodeId, param), doc -> doc.node(nodeId)
                .filter(n -> !Objects.equals(n.params().get(param), value))
                .map(n -> doc.withNode(n.withParam(param, value)))
                .orElse(doc));
    }

    public static Command setMetadata(Metadata metadata) {
        return of(Messages.get("command.metadata"), doc -> new NetworkDocument(metadata, doc.nodes(), doc.edges(),
                doc.dataset(), doc.training()));
    }

    public static Command setTraining(TrainingSettings settings) {
        return of(Messages.get("command.training"), doc -> doc.withTraining(settings));
    }

    public static Command setDataset(DatasetSpec dataset) {
        return of(Messages.get("command.dataset"), doc -> doc.withDataset(dataset));
    }

    /** Diagnostics whose fix makes the network follow its dataset: the Input shape, the Output units or loss. */
    static final Set<String> FOLLOW_DATASET = Set.of("dataset.inputMismatch", "dataset.imagesNeedImageInput",
            "dataset.classMismatch", "dataset.regressionUnits", "dataset.regressionLoss");

    /**
     * Chooses a dataset and, in the same undo step, makes the Input and Output nodes follow it: every fix the
     * validator offers for a shape or class mismatch with the dataset is applied (a mismatch without a fix stays
     * reported).
     */
    public static Command setDatasetAndFollow(DatasetSpec dataset, org.layercanvas.model.shape.ShapeInference inference) {
        return of(Messages.get("command.dataset"), doc -> {
            NetworkDocument next = doc.withDataset(dataset);
            // Output fixes can only be computed once the Input fits, so go round until nothing more applies.
            for (int round = 0; round < 3; round++) {
                List<Fix> fixes = inference.analyze(next).diagnostics().stream()
                        .filter(d -> FOLLOW_DATASET.contains(d.code()) && d.fix() != null)
                        .map(org.layercanvas.model.shape.Diagnostic::fix).toList();
                if (fixes.isEmpty()) {
                    break;
                }
                for (Fix f : fixes) {
                    next = Fixes.apply(next, f);
                }
            }
            return next;
        });
    }

    public static Command applyFix(Fix fix) {
        String description = switch (fix.kind()) {
            case INSERT_LAYER -> Messages.get("command.insert", fix.layer().jsonName());
            case SET_PARAM -> Messages.get("command.setParam", fix.nodeId(), fix.param());
            case SET_PARAMS -> Messages.get("command.setParams", fix.nodeId());
        };
        return of(description, doc -> Fixes.apply(doc, fix));
    }

    /**
     * Adds copies of {@code fragment}'s nodes (with fresh ids, shifted by dx, dy) and of the wires between them;
     * returns the command and, through {@code newIds}, which id each copied node got.
     */
    public static Command paste(NetworkDocument fragment, double dx, double dy, Map<String, String> newIds) {
        return of(Messages.get("command.paste", fragment.nodes().size()), doc -> {
            Map<String, String> ids = new LinkedHashMap<>();
            Set<String> taken = new HashSet<>();
            List<Node> nodes = new ArrayList<>(doc.nodes());
            for (Node n : fragment.nodes()) {
                String id = freshId(doc, n.type(), taken);
                taken.add(id);
                ids.put(n.id(), id);
                nodes.add(new Node(id, n.type(), n.params(),
                        new Position(n.position().x() + dx, n.position().y() + dy)));
            }
            List<Edge> edges = new ArrayList<>(doc.edges());
            for (Edge e : fragment.edges()) {
                String from = ids.get(e.from().nodeId());
                String to = ids.get(e.to().nodeId());
                if (from != null && to != null) {
                    edges.add(new Edge(new org.layercanvas.model.PortRef(from, e.from().port()),
                            new org.layercanvas.model.PortRef(to, e.to().port())));
                }
            }
            newIds.clear();
            newIds.putAll(ids);
            return new NetworkDocument(doc.metadata(), nodes, edges, doc.dataset(), doc.training());
        });
    }

    /** The selected nodes and the wires between them, as a document of their own (for copy and duplicate). */
    public static NetworkDocument fragment(NetworkDocument doc, Collection<String> nodeIds) {
        Set<String> ids = new HashSet<>(nodeIds);
        List<Node> nodes = doc.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<Edge> edges = doc.edges().stream()
                .filter(e -> ids.contains(e.from().nodeId()) && ids.contains(e.to().nodeId())).toList();
        return new NetworkDocument(new Metadata(doc.metadata().title(), ""), nodes, edges, null, doc.training());
    }
}
