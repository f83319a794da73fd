package org.layercanvas.runtime.interop.exports;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/**
 * Mermaid flowchart text of a document, in the grammar of docs/file-format.md ("Mermaid"): one node line per layer,
 * labelled {@code <LayerType> <positional values> <name>=<value>...}, and one edge line per wire, labelled with the
 * shape it carries. Works on documents with errors too (a diagram of a broken network is still a diagram); wires
 * whose shape is unknown have no label.
 */
public final class MermaidExporter {
    /** Parameters written without their name, in this order, when the layer type has them. */
    static final Map<LayerType, List<String>> POSITIONAL = Map.ofEntries(
            Map.entry(LayerType.INPUT, List.of("kind")),
            Map.entry(LayerType.DENSE, List.of("units", "activation")),
            Map.entry(LayerType.ACTIVATION, List.of("function")),
            Map.entry(LayerType.DROPOUT, List.of("rate")),
            Map.entry(LayerType.CONV2D, List.of("filters", "kernel", "activation")),
            Map.entry(LayerType.MAX_POOL2D, List.of("size")),
            Map.entry(LayerType.AVG_POOL2D, List.of("size")),
            Map.entry(LayerType.EMBEDDING, List.of("dim")),
            Map.entry(LayerType.LSTM, List.of("units")),
            Map.entry(LayerType.SIMPLE_RNN, List.of("units")),
            Map.entry(LayerType.SELF_ATTENTION, List.of("heads")),
            Map.entry(LayerType.OUTPUT, List.of("units", "loss")));
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Set<String> MERMAID_WORDS = Set.of("end", "graph", "flowchart", "subgraph", "style",
            "classDef", "class", "click", "linkStyle", "direction");

    private final LayerCatalog catalog;

    public MermaidExporter(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public String export(NetworkDocument doc) {
        Analysis analysis = new ShapeInference(catalog).analyze(doc);
        Map<String, String> ids = mermaidIds(doc);
        StringBuilder b = new StringBuilder("flowchart TD\n");
        b.append("    %% ").append(oneLine(doc.metadata().title())).append('\n');
        for (Node n : doc.nodes()) {
            b.append("    ").append(ids.get(n.id())).append("[\"").append(label(n)).append("\"]\n");
        }
        for (Edge e : doc.edges()) {
            String from = ids.get(e.from().nodeId());
            String to = ids.get(e.to().nodeId());
            if (from == null || to == null) {
                continue; // a wire to a node that does not exist: the validator reports it, a diagram skips it
            }
            String shape = analysis.shapeOf(e).map(s -> s.label()).orElse(null);
            b.append("    ").append(from).append(shape == null ? " --> " : " -->|\"" + shape + "\"| ")
                    .append(to).append('\n');
        }
        return b.toString();
    }

    /** {@code Dense 128 relu}, {@code Conv2D 32 3 relu padding=same}: type, positional values, changed values. */
    String label(Node n) {
        Map<String, Object> values = catalog.resolve(n);
        List<String> positional = POSITIONAL.getOrDefault(n.type(), List.of());
        StringBuilder b = new StringBuilder(n.type().jsonName());
        for (String name : positional) {
            b.append(' ').append(value(values.get(name)));
        }
        for (ParamDef def : catalog.visibleParams(n)) {
            Object v = values.get(def.name());
            boolean isDefault = v != null && v.equals(def.defaultValue());
            // An Input's sizes are always written: they are the point of an Input.
            if (!positional.contains(def.name()) && (!isDefault || n.type() == LayerType.INPUT)) {
                b.append(' ').append(def.name()).append('=').append(value(v));
            }
        }
        return b.toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Double.toString(d); // keeps "1.0": a double stays a double when read back
        }
        return String.valueOf(v);
    }

    /** Node ids as Mermaid accepts them; others become a safe form, made unique. */
    static Map<String, String> mermaidIds(NetworkDocument doc) {
        Map<String, String> ids = new HashMap<>();
        Set<String> used = new HashSet<>();
        for (Node n : doc.nodes()) {
            String id = n.id();
            if (SAFE_ID.matcher(id).matches() && !MERMAID_WORDS.contains(id) && used.add(id)) {
                ids.put(id, id);
            }
        }
        for (Node n : doc.nodes()) {
            if (!ids.containsKey(n.id())) {
                String base = n.id().replaceAll("[^A-Za-z0-9_]", "_");
                base = base.isEmpty() || !Character.isLetter(base.charAt(0)) ? "n_" + base : base;
                String name = MERMAID_WORDS.contains(base) ? base + "_" : base;
                for (int k = 2; !used.add(name); k++) {
                    name = base + "_" + k;
                }
                ids.put(n.id(), name);
            }
        }
        return ids;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }
}
