package org.layercanvas.app.start;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import org.layercanvas.app.editor.LayerLook;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;

/**
 * A small picture of a network as the canvas lays it out: a bar per layer in its category's colour, lines for the
 * wires, scaled to fit. Colours come from CSS ({@code .network-picture .layer.category-...}), so both themes work.
 */
final class NetworkPicture extends Pane {
    private static final double NODE_W = 150;
    private static final double NODE_H = 44;

    NetworkPicture(NetworkDocument doc, double width, double height) {
        getStyleClass().add("network-picture");
        setPrefSize(width, height);
        setMinSize(width, height);
        setMaxSize(width, height);
        if (doc.nodes().isEmpty()) {
            return;
        }
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (Node n : doc.nodes()) {
            minX = Math.min(minX, n.position().x());
            minY = Math.min(minY, n.position().y());
            maxX = Math.max(maxX, n.position().x() + NODE_W);
            maxY = Math.max(maxY, n.position().y() + NODE_H);
        }
        double pad = 8;
        double scale = Math.min((width - 2 * pad) / (maxX - minX), (height - 2 * pad) / (maxY - minY));
        double offsetX = (width - (maxX - minX) * scale) / 2 - minX * scale;
        double offsetY = (height - (maxY - minY) * scale) / 2 - minY * scale;
        Map<String, double[]> centres = new HashMap<>();
        for (Node n : doc.nodes()) {
            double x = offsetX + n.position().x() * scale;
            double y = offsetY + n.position().y() * scale;
            centres.put(n.id(), new double[] {x + NODE_W * scale / 2, y, y + NODE_H * scale});
        }
        for (Edge e : doc.edges()) {
            double[] from = centres.get(e.from().nodeId());
            double[] to = centres.get(e.to().nodeId());
            if (from != null && to != null) {
                Line line = new Line(from[0], from[2], to[0], to[1]);
                line.getStyleClass().add("wire");
                getChildren().add(line);
            }
        }
        for (Node n : doc.nodes()) {
            Region bar = new Region();
            bar.getStyleClass().addAll("layer", "category-" + LayerLook.category(n.type()));
            bar.resizeRelocate(offsetX + n.position().x() * scale, offsetY + n.position().y() * scale,
                    NODE_W * scale, Math.max(3, NODE_H * scale));
            bar.setManaged(false);
            getChildren().add(bar);
        }
    }
}
