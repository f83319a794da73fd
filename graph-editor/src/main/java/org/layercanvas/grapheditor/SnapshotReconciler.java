package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;

/**
 * Keeps the node and wire views in step with the shown {@link GraphSnapshot}: applies each {@link SnapshotDiff}
 * (unchanged nodes and wires keep their views) and re-shapes the wires whose ends moved.
 */
final class SnapshotReconciler {
    private final Group wireLayer = new Group();
    private final Pane nodeLayer = new Pane() {
        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            // Node skins have just been sized: wires can now meet their ports exactly.
            updateDirtyWires();
        }
    };
    private final Group labelLayer = new Group();
    private final Set<String> selectedNodes;
    private final Set<String> selectedWires;
    /** Whether a zoom gesture is going on: new bitmaps are then cached coarsely. */
    private final BooleanSupplier zooming;

    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<String, WireView> wireViews = new LinkedHashMap<>();
    private final Map<String, List<WireView>> wiresByNode = new HashMap<>();
    private final Set<WireView> dirtyWires = new LinkedHashSet<>();
    /** Nodes whose view position is owned by a running gesture or animation, not by the snapshot. */
    private final Set<String> transientNodes = new HashSet<>();
    private GraphSnapshot shown = GraphSnapshot.EMPTY;

    SnapshotReconciler(Set<String> selectedNodes, Set<String> selectedWires, BooleanSupplier zooming) {
        this.selectedNodes = selectedNodes;
        this.selectedWires = selectedWires;
        this.zooming = zooming;
        nodeLayer.setPickOnBounds(false);
        labelLayer.setMouseTransparent(true);
    }

    Group wireLayer() {
        return wireLayer;
    }

    Pane nodeLayer() {
        return nodeLayer;
    }

    Group labelLayer() {
        return labelLayer;
    }

    GraphSnapshot shown() {
        return shown;
    }

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    Map<String, WireView> wireViews() {
        return wireViews;
    }

    Set<String> transientNodes() {
        return transientNodes;
    }

    /** Shows {@code next}: views of removed nodes and wires go, new ones come, changed ones are updated. */
    void apply(GraphSnapshot next) {
        SnapshotDiff diff = SnapshotDiff.between(shown, next);
        shown = next;
        Set<String> moved = applyNodes(next, diff);
        applyWires(next, diff);
        markWiresDirty(moved);
        updateDirtyWires();
    }

    /** Returns the ids of nodes whose ports may have moved. */
    private Set<String> applyNodes(GraphSnapshot next, SnapshotDiff diff) {
        if (!diff.removedNodes().isEmpty()) {
            Set<Node> gone = new HashSet<>();
            for (String id : diff.removedNodes()) {
                gone.add(nodeViews.remove(id));
                transientNodes.remove(id);
            }
            nodeLayer.getChildren().removeAll(gone);
        }
        Set<String> moved = new HashSet<>();
        List<Node> added = new ArrayList<>();
        for (NodeModel m : diff.addedNodes()) {
            NodeView v = createNodeView(m);
            nodeViews.put(m.id(), v);
            added.add(v);
            moved.add(m.id());
        }
        for (NodeModel m : diff.changedNodes()) {
            if (nodeViews.get(m.id()).update(m)) {
                moved.add(m.id());
            }
        }
        Set<String> ids = new HashSet<>();
        for (NodeModel m : next.nodes()) {
            ids.add(m.id());
            NodeView v = nodeViews.get(m.id());
            // Also puts back views a gesture moved but the application did not confirm.
            if (!transientNodes.contains(m.id()) && (v.getLayoutX() != m.x() || v.getLayoutY() != m.y())) {
                v.relocate(m.x(), m.y());
                moved.add(m.id());
            }
        }
        nodeLayer.getChildren().addAll(added);
        selectedNodes.retainAll(ids);
        return moved;
    }

    private NodeView createNodeView(NodeModel m) {
        NodeView v = new NodeView(m);
        cache(v);
        v.setSelected(selectedNodes.contains(m.id()));
        v.widthProperty().addListener(obs -> markWiresDirty(List.of(v.nodeId())));
        v.heightProperty().addListener(obs -> markWiresDirty(List.of(v.nodeId())));
        return v;
    }

    private void applyWires(GraphSnapshot next, SnapshotDiff diff) {
        if (!diff.removedWires().isEmpty()) {
            Set<Node> curves = new HashSet<>();
            Set<Node> labels = new HashSet<>();
            for (String id : diff.removedWires()) {
                WireView v = wireViews.remove(id);
                curves.add(v.curve());
                labels.add(v.label());
                dirtyWires.remove(v);
            }
            wireLayer.getChildren().removeAll(curves);
            labelLayer.getChildren().removeAll(labels);
        }
        List<Node> curves = new ArrayList<>();
        List<Node> labels = new ArrayList<>();
        for (WireModel m : diff.addedWires()) {
            WireView v = new WireView(m);
            cache(v.label());
            v.curve().getProperties().put(GraphEditor.WIRE_ID_KEY, m.id());
            v.setSelected(selectedWires.contains(m.id()));
            wireViews.put(m.id(), v);
            curves.add(v.curve());
            labels.add(v.label());
            dirtyWires.add(v);
        }
        for (WireModel m : diff.changedWires()) {
            WireView v = wireViews.get(m.id());
            v.update(m);
            if (diff.rewiredWires().contains(m.id())) {
                dirtyWires.add(v);
            }
        }
        wireLayer.getChildren().addAll(curves);
        labelLayer.getChildren().addAll(labels);
        Set<String> ids = new HashSet<>();
        next.wires().forEach(w -> ids.add(w.id()));
        selectedWires.retainAll(ids);
        if (diff.topologyChanged()) {
            rebuildWireIndex();
        }
    }

    /**
     * Node skins and wire labels are cached as bitmaps: panning then only copies pixels, which in software rendering
     * is several times faster than drawing text and rounded backgrounds. While zooming the bitmaps are scaled
     * (SPEED); when zooming pauses they are redrawn sharp at the new scale (QUALITY), and the level of detail is
     * switched then, so restyling never happens mid-gesture.
     */
    private void cache(Node n) {
        n.setCache(true);
        n.setCacheHint(zooming.getAsBoolean() ? CacheHint.SPEED : CacheHint.QUALITY);
    }

    void setCacheHints(CacheHint hint) {
        for (NodeView v : nodeViews.values()) {
            v.setCacheHint(hint);
        }
        for (WireView w : wireViews.values()) {
            w.label().setCacheHint(hint);
        }
    }

    private void rebuildWireIndex() {
        wiresByNode.clear();
        for (WireView w : wireViews.values()) {
            wiresByNode.computeIfAbsent(w.model().from().nodeId(), k -> new ArrayList<>()).add(w);
            wiresByNode.computeIfAbsent(w.model().to().nodeId(), k -> new ArrayList<>()).add(w);
        }
    }

    void markWiresDirty(Collection<String> nodeIds) {
        for (String id : nodeIds) {
            List<WireView> ws = wiresByNode.get(id);
            if (ws != null) {
                dirtyWires.addAll(ws);
            }
        }
    }

    void updateDirtyWires() {
        if (dirtyWires.isEmpty()) {
            return;
        }
        for (WireView w : dirtyWires) {
            WireModel m = w.model();
            NodeView a = nodeViews.get(m.from().nodeId());
            NodeView b = nodeViews.get(m.to().nodeId());
            boolean visible = a != null && b != null;
            w.curve().setVisible(visible);
            w.label().setVisible(visible && !m.label().isEmpty());
            if (visible) {
                w.setEnds(a.portCenterInCanvas(m.from().port(), false), b.portCenterInCanvas(m.to().port(), true));
            }
        }
        dirtyWires.clear();
    }

    /** The wire nearest to a canvas point within {@code tolerance} canvas units, or null. */
    WireView wireAt(Point2D canvasPoint, double tolerance) {
        WireView best = null;
        double bestD = tolerance;
        for (WireView w : wireViews.values()) {
            double d = w.distanceTo(canvasPoint, tolerance);
            if (d <= bestD) {
                best = w;
                bestD = d;
            }
        }
        return best;
    }

    Rectangle2D nodeBounds(String id) {
        NodeView v = nodeViews.get(id);
        return v == null ? null
                : new Rectangle2D(v.getLayoutX(), v.getLayoutY(), v.effectiveWidth(), v.effectiveHeight());
    }

    /** Union of all node bounds as shown, or null without nodes. */
    Rectangle2D nodesBounds() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (NodeView v : nodeViews.values()) {
            minX = Math.min(minX, v.getLayoutX());
            minY = Math.min(minY, v.getLayoutY());
            maxX = Math.max(maxX, v.getLayoutX() + v.effectiveWidth());
            maxY = Math.max(maxY, v.getLayoutY() + v.effectiveHeight());
        }
        return minX > maxX ? null : new Rectangle2D(minX, minY, maxX - minX, maxY - minY);
    }

    /** Sizes of the node skins as laid out, by node id. */
    Map<String, Dimension2D> nodeSizes() {
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        for (NodeView v : nodeViews.values()) {
            sizes.put(v.nodeId(), new Dimension2D(v.effectiveWidth(), v.effectiveHeight()));
        }
        return sizes;
    }

    /** Node ids in reading order: top to bottom, then left to right. */
    List<String> readingOrder() {
        List<NodeView> views = new ArrayList<>(nodeViews.values());
        views.sort(Comparator.comparingDouble((NodeView v) -> v.model().y()).thenComparingDouble(v -> v.model().x()));
        List<String> ids = new ArrayList<>(views.size());
        views.forEach(v -> ids.add(v.nodeId()));
        return ids;
    }
}
