package org.layercanvas.app.editor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.grapheditor.ConnectionPolicy;
import org.layercanvas.grapheditor.GraphSnapshot;
import org.layercanvas.grapheditor.NodeModel;
import org.layercanvas.grapheditor.NodeState;
import org.layercanvas.grapheditor.NodeStatus;
import org.layercanvas.grapheditor.PortKey;
import org.layercanvas.grapheditor.PortModel;
import org.layercanvas.grapheditor.WireModel;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.PortRef;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerSpec;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.PortSpec;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.Diagnostic;
import org.layercanvas.model.shape.ShapeInference;

/**
 * Translates between the network document and the generic graph editor: document + analysis to a
 * {@link GraphSnapshot} (titles, shapes on wires, parameter counts, problems), and the editor's wire requests to
 * a {@link ConnectionPolicy} backed by shape inference. No JavaFX nodes; unit-tested without a stage.
 */
public final class GraphPresenter {
    private final LayerCatalog catalog;
    private final ShapeInference inference;

    public GraphPresenter(LayerCatalog catalog, ShapeInference inference) {
        this.catalog = catalog;
        this.inference = inference;
    }

    private Map<String, List<String>> notes = Map.of();

    /**
     * Warnings from outside the validator shown on nodes (the data's sanity report on the Input node): the node is
     * marked as a warning (unless it has an error) and the texts join its tooltip.
     */
    public void setNotes(Map<String, List<String>> notes) {
        this.notes = Map.copyOf(notes);
    }

    /** A status line for a node and the sentence that explains it (added to the node's tooltip). */
    public record Status(NodeStatus line, String explanation) {
    }

    private Map<String, Status> statuses = Map.of();

    /** Status lines at the foot of nodes (step mode's health of each layer); an empty map removes them. */
    public void setStatuses(Map<String, Status> statuses) {
        this.statuses = Map.copyOf(statuses);
    }

    public static String wireId(Edge e) {
        return e.from().nodeId() + "." + e.from().port() + "->" + e.to().nodeId() + "." + e.to().port();
    }

    public static Edge edge(PortKey from, PortKey to) {
        return new Edge(new PortRef(from.nodeId(), from.port()), new PortRef(to.nodeId(), to.port()));
    }

    public GraphSnapshot snapshot(NetworkDocument doc, Analysis analysis) {
        List<NodeModel> nodes = new ArrayList<>();
        for (Node n : doc.nodes()) {
            nodes.add(nodeModel(n, analysis));
        }
        List<WireModel> wires = new ArrayList<>();
        for (Edge e : doc.edges()) {
            String label = analysis.shapeOf(e).map(s -> s.label()).orElse("");
            boolean broken = analysis.diagnosticsFor(e.to().nodeId()).stream()
                    .anyMatch(d -> d.isError() && "in".equals(d.port()));
            wires.add(new WireModel(wireId(e), new PortKey(e.from().nodeId(), e.from().port()),
                    new PortKey(e.to().nodeId(), e.to().port()), label, broken ? NodeState.ERROR : NodeState.NORMAL));
        }
        return new GraphSnapshot(nodes, wires);
    }

    private NodeModel nodeModel(Node n, Analysis analysis) {
        LayerSpec spec = catalog.spec(n.type());
        List<PortModel> inputs = spec.inputs().stream()
                .map(p -> new PortModel(p.name(), "", p.multiple())).toList();
        List<PortModel> outputs = spec.hasOutput() ? List.of(new PortModel(PortSpec.OUT, "", false)) : List.of();
        List<Diagnostic> problems = analysis.diagnosticsFor(n.id());
        List<String> extra = notes.getOrDefault(n.id(), List.of());
        NodeState state = problems.stream().anyMatch(Diagnostic::isError) ? NodeState.ERROR
                : problems.isEmpty() && extra.isEmpty() ? NodeState.NORMAL : NodeState.WARNING;
        List<String> lines = new ArrayList<>(problems.stream().map(Diagnostic::message).toList());
        lines.addAll(extra);
        Status status = statuses.get(n.id());
        if (status != null && !status.explanation().isEmpty()) {
            lines.add(status.explanation());
        }
        String tooltip = String.join("\n", lines);
        long params = analysis.paramCount(n.id());
        String badge = params == 0 ? "" : Messages.get("node.params", Numbers.grouped(params));
        String subtitle = summary(n);
        return new NodeModel(n.id(), n.id(), subtitle, badge, LayerLook.icon(n.type()), LayerLook.category(n.type()),
                inputs, outputs, n.position().x(), n.position().y(), state, tooltip,
                status == null ? null : status.line());
    }

    /** Type and the settings that matter most, e.g. {@code Dense 128 · relu}; output shape for an Input. */
    String summary(Node n) {
        Map<String, Object> p = catalog.resolve(n);
        String type = n.type().jsonName();
        return switch (n.type()) {
            case INPUT -> type + " \u00b7 " + p.get("kind");
            case DENSE -> type + " " + p.get("units") + " \u00b7 " + p.get("activation");
            case OUTPUT -> type + " " + p.get("units") + " \u00b7 " + p.get("loss");
            case ACTIVATION -> type + " \u00b7 " + p.get("function");
            case DROPOUT -> type + " " + p.get("rate");
            case CONV2D -> type + " " + p.get("filters") + " \u00b7 " + p.get("kernel") + "x" + p.get("kernel")
                    + (((Number) p.get("stride")).intValue() > 1 ? " /" + p.get("stride") : "");
            case MAX_POOL2D, AVG_POOL2D -> type + " " + p.get("size") + "x" + p.get("size");
            case EMBEDDING -> type + " " + p.get("dim");
            case LSTM, SIMPLE_RNN -> type + " " + p.get("units");
            case SELF_ATTENTION -> type + " \u00b7 " + p.get("heads") + "h";
            default -> type;
        };
    }

    /**
     * Allows a wire when the network with it has no new error at the target node and no cycle; otherwise refuses
     * with the message the validator would show. The network is analysed as it would be after connecting, so the
     * reason is exactly the one the student would see on the node.
     */
    public ConnectionPolicy policy(java.util.function.Supplier<NetworkDocument> current) {
        return (from, to) -> {
            NetworkDocument doc = current.get();
            if (from.nodeId().equals(to.nodeId())) {
                return ConnectionPolicy.Verdict.refuse(Messages.get("wire.self"));
            }
            Edge edge = edge(from, to);
            if (doc.edges().contains(edge)) {
                return ConnectionPolicy.Verdict.refuse(Messages.get("wire.exists"));
            }
            Node target = doc.node(to.nodeId()).orElse(null);
            if (target == null) {
                return ConnectionPolicy.Verdict.refuse(Messages.get("wire.noNode"));
            }
            boolean single = catalog.spec(target.type()).input(to.port()).map(p -> !p.multiple()).orElse(true);
            if (single && doc.edgesInto(to.nodeId()).stream().anyMatch(e -> e.to().port().equals(to.port()))) {
                return ConnectionPolicy.Verdict.refuse(Messages.get("wire.portTaken", target.type().jsonName(),
                        target.id()));
            }
            Analysis before = analysisOf(doc);
            List<Edge> edges = new ArrayList<>(doc.edges());
            edges.add(edge);
            Analysis after = inference.analyze(doc.withEdges(edges));
            Set<String> old = new HashSet<>();
            before.diagnosticsFor(to.nodeId()).forEach(d -> old.add(d.code() + d.args()));
            for (Diagnostic d : after.diagnostics()) {
                if (!d.isError()) {
                    continue;
                }
                boolean cycle = "graph.cycle".equals(d.code());
                boolean newAtTarget = to.nodeId().equals(d.nodeId()) && !old.contains(d.code() + d.args());
                if (cycle || newAtTarget) {
                    return ConnectionPolicy.Verdict.refuse(d.message());
                }
            }
            return ConnectionPolicy.Verdict.OK;
        };
    }

    private NetworkDocument cachedDoc;
    private Analysis cachedAnalysis;

    /** The editor asks about every input port at the start of a wire drag: analyse the unchanged document once. */
    private Analysis analysisOf(NetworkDocument doc) {
        if (doc != cachedDoc) {
            cachedAnalysis = inference.analyze(doc);
            cachedDoc = doc;
        }
        return cachedAnalysis;
    }

    /** Whether a layer type can be created from a dangling wire (it has an input). */
    public static boolean takesInput(LayerType type) {
        return type != LayerType.INPUT;
    }
}
