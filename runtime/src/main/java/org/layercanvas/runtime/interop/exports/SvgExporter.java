package org.layercanvas.runtime.interop.exports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/**
 * The document as an SVG diagram drawn from the node positions (canvas units are SVG user units): a box per node
 * with its id, its layer label (as in the Mermaid export) and its parameter count, and a curve per wire from the
 * bottom of one box to the top of the next, labelled with the shape it carries. Plain SVG text, no JavaFX, so the
 * command line and headless tests can write it; the app adds a PNG of the canvas itself.
 */
public final class SvgExporter {
    static final double WIDTH = 180;
    static final double HEIGHT = 56;
    private static final double MARGIN = 40;

    private final LayerCatalog catalog;

    public SvgExporter(LayerCatalog catalog) {
        this.catalog = catalog;
    }

    public String export(NetworkDocument doc) {
        Analysis analysis = new ShapeInference(catalog).analyze(doc);
        MermaidExporter labels = new MermaidExporter(catalog);
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node n : doc.nodes()) {
            minX = Math.min(minX, n.position().x());
            minY = Math.min(minY, n.position().y());
            maxX = Math.max(maxX, n.position().x() + WIDTH);
            maxY = Math.max(maxY, n.position().y() + HEIGHT);
        }
        if (doc.nodes().isEmpty()) {
            minX = minY = 0;
            maxX = maxY = 1;
        }
        double w = maxX - minX + 2 * MARGIN;
        double h = maxY - minY + 2 * MARGIN;
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" "
                + "viewBox=\"%s %s %s %s\" font-family=\"sans-serif\" font-size=\"12\">%n",
                n(w), n(h), n(minX - MARGIN), n(minY - MARGIN), n(w), n(h)));
        b.append("  <title>").append(escape(doc.metadata().title())).append("</title>\n");
        b.append("  <rect x=\"").append(n(minX - MARGIN)).append("\" y=\"").append(n(minY - MARGIN))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h))
                .append("\" fill=\"#ffffff\"/>\n");
        Map<String, Node> byId = new HashMap<>();
        doc.nodes().forEach(node -> byId.put(node.id(), node));
        b.append("  <g class=\"wires\" fill=\"none\" stroke=\"#6b7280\" stroke-width=\"1.5\">\n");
        for (Edge e : doc.edges()) {
            Node from = byId.get(e.from().nodeId());
            Node to = byId.get(e.to().nodeId());
            if (from != null && to != null) {
                wire(b, from, to, analysis.shapeOf(e).map(s -> s.label()).orElse(null));
            }
        }
        b.append("  </g>\n  <g class=\"nodes\">\n");
        for (Node node : doc.nodes()) {
            box(b, node, labels.label(node), analysis.paramCount(node.id()),
                    !analysis.diagnosticsFor(node.id()).stream().filter(d -> d.isError()).toList().isEmpty());
        }
        return b.append("  </g>\n</svg>\n").toString();
    }

    private static void wire(StringBuilder b, Node from, Node to, String shape) {
        double x1 = from.position().x() + WIDTH / 2;
        double y1 = from.position().y() + HEIGHT;
        double x2 = to.position().x() + WIDTH / 2;
        double y2 = to.position().y();
        double bend = Math.max(30, Math.abs(y2 - y1) / 2);
        b.append("    <path d=\"M ").append(n(x1)).append(' ').append(n(y1)).append(" C ").append(n(x1)).append(' ')
                .append(n(y1 + bend)).append(' ').append(n(x2)).append(' ').append(n(y2 - bend)).append(' ')
                .append(n(x2)).append(' ').append(n(y2)).append("\"/>\n");
        if (shape != null) {
            b.append("    <text x=\"").append(n((x1 + x2) / 2 + 6)).append("\" y=\"").append(n((y1 + y2) / 2 + 4))
                    .append("\" fill=\"#374151\" stroke=\"none\" font-size=\"11\">").append(escape(shape))
                    .append("</text>\n");
        }
    }

    private static void box(StringBuilder b, Node node, String label, long params, boolean broken) {
        double x = node.position().x();
        double y = node.position().y();
        b.append("    <g class=\"node\" id=\"").append(escape(node.id())).append("\">\n");
        b.append("      <rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(WIDTH)).append("\" height=\"").append(n(HEIGHT)).append("\" rx=\"8\" fill=\"")
                .append(broken ? "#fee2e2" : "#eef2ff").append("\" stroke=\"").append(broken ? "#dc2626" : "#4f46e5")
                .append("\" stroke-width=\"1.5\"/>\n");
        b.append("      <text x=\"").append(n(x + 10)).append("\" y=\"").append(n(y + 18))
                .append("\" font-weight=\"bold\">").append(escape(node.id())).append("</text>\n");
        b.append("      <text x=\"").append(n(x + 10)).append("\" y=\"").append(n(y + 34)).append("\">")
                .append(escape(label)).append("</text>\n");
        if (params > 0) {
            b.append("      <text x=\"").append(n(x + 10)).append("\" y=\"").append(n(y + 49))
                    .append("\" fill=\"#6b7280\" font-size=\"10\">")
                    .append(String.format(Locale.ROOT, "%,d", params)).append(" params</text>\n");
        }
        b.append("    </g>\n");
    }

    private static String n(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
