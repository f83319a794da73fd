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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * A node-graph editor: nodes with ports on their top (inputs) and bottom (outputs) edges, wires between them,
 * selection, dragging, wiring, a searchable create menu, zoom and pan over a grid.
 *
 * <p>The editor never changes its graph. It shows the last {@link GraphSnapshot} given to {@link #setGraph} and
 * reports what the user wants through {@link EditorIntents}; the application answers with a new snapshot. Snapshots
 * are diffed by id and applied at most once per pulse, so calling {@code setGraph} often is cheap.
 *
 * <p>Mouse: click selects (Shift/Ctrl toggles), drag on empty canvas draws a selection band, drag a node moves
 * the selection, drag from an output port draws a wire (drop on empty canvas opens the create menu), double-click
 * on empty canvas opens the create menu, double-click on a node inspects it. Wheel pans (Shift: sideways),
 * Ctrl+wheel or pinch zooms around the cursor, middle drag or Space+drag pans.
 *
 * <p>Keys (when the editor has focus): Tab/Shift+Tab next/previous node in reading order, Enter inspect,
 * Delete/Backspace delete, Ctrl+A select all, Esc cancel/clear, arrows move the selection one grid step,
 * {@code +}/{@code -} (also Ctrl+= / Ctrl+-) zoom, {@code F} or Ctrl+0 zoom to fit, {@code 1} zoom 100 %,
 * Space (tap) or Ctrl+Space opens the create menu.
 *
 * <p>Style: add {@link #STYLESHEET} (done by the constructor); classes and pseudo-classes are in
 * {@link GraphEditorStyles}.
 */
public class GraphEditor extends Region {
    /** The default stylesheet; neutral, uses AtlantaFX colours when the scene has them. */
    public static final String STYLESHEET =
            Objects.requireNonNull(GraphEditor.class.getResource("graph-editor.css")).toExternalForm();
    /** Key in {@link Node#getProperties()} of a node skin holding its node id. */
    public static final String NODE_ID_KEY = "graph-editor.nodeId";
    /** Key in {@link Node#getProperties()} of a wire curve holding its wire id. */
    public static final String WIRE_ID_KEY = "graph-editor.wireId";
    public static final double MIN_ZOOM = 0.1;
    public static final double MAX_ZOOM = 4.0;
    /** Wire labels are hidden below this zoom. */
    public static final double WIRE_LABEL_MIN_ZOOM = 0.5;
    /** Below this zoom the small text of nodes (subtitle, badge, icon) is hidden. */
    public static final double DETAIL_MIN_ZOOM = 0.35;
    /** Zoom steps of the keyboard and {@link #zoomIn()}/{@link #zoomOut()}. */
    public static final double ZOOM_STEP = 1.2;
    private static final double FIT_MARGIN = 40;
    private static final double FIT_MAX_ZOOM = 1.0;
    private static final double ZOOM_IDLE_MS = 250;
    static final String THEMED = "themed";

    private final GridLayer grid = new GridLayer();
    private final Group content = new Group();
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
    private final Group dragLayer = new Group();
    private final Pane overlay = new Pane();
    private final Rectangle clip = new Rectangle();
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final CreateMenu createMenu;

    private final Map<String, NodeView> nodeViews = new LinkedHashMap<>();
    private final Map<String, WireView> wireViews = new LinkedHashMap<>();
    private final Map<String, List<WireView>> wiresByNode = new HashMap<>();
    private final Set<WireView> dirtyWires = new LinkedHashSet<>();
    /** Nodes whose view position is owned by a running gesture or animation, not by the snapshot. */
    private final Set<String> transientNodes = new HashSet<>();
    private final List<Runnable> viewListeners = new CopyOnWriteArrayList<>();

    private GraphSnapshot graph = GraphSnapshot.EMPTY;
    private GraphSnapshot pending;
    private final PulseTask applyTask = new PulseTask(this, true, this::applyPending);
    private final PulseTask gridTask = new PulseTask(this, false, this::redrawGrid);
    private final PulseTask notifyTask = new PulseTask(this, true, this::fireViewChanged);

    private final ObservableSet<String> selectedNodes = FXCollections.observableSet(new LinkedHashSet<>());
    private final ObservableSet<String> selectedWires = FXCollections.observableSet(new LinkedHashSet<>());
    private final ReadOnlyObjectWrapper<String> focusedNode = new ReadOnlyObjectWrapper<>(this, "focusedNode");
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal");
    private final ObjectProperty<EditorIntents> intents =
            new SimpleObjectProperty<>(this, "intents", new EditorIntents() { });
    private final ObjectProperty<ConnectionPolicy> connectionPolicy =
            new SimpleObjectProperty<>(this, "connectionPolicy", ConnectionPolicy.ALLOW_ALL);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final DoubleProperty gridSize = new SimpleDoubleProperty(this, "gridSize", 20);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private double appliedZoom = 1;
    private boolean zoomAnchored;

    /** Ends a zoom gesture: a short pause after the last zoom change. */
    private final javafx.animation.PauseTransition zoomIdle =
            new javafx.animation.PauseTransition(Duration.millis(ZOOM_IDLE_MS));
    private boolean zooming;
    private Point2D createAt;
    private PortKey createFrom;
    private Transition animation;
    private boolean restyleForTheme;
    private final EditorGestures gestures;

    public GraphEditor() {
        getStyleClass().add(GraphEditorStyles.EDITOR);
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
        setClip(clip);

        content.setManaged(false);
        content.getTransforms().setAll(pan, scale);
        nodeLayer.setPickOnBounds(false);
        labelLayer.setMouseTransparent(true);
        dragLayer.setMouseTransparent(true);
        content.getChildren().addAll(wireLayer, nodeLayer, labelLayer, dragLayer);

        overlay.setManaged(false);
        overlay.setPickOnBounds(false);
        createMenu = new CreateMenu(this::onCreatePicked, this::onCreateMenuClosed);
        overlay.getChildren().add(createMenu);
        getChildren().addAll(grid, content, overlay);

        zoom.addListener(obs -> onZoomChanged());
        zoomIdle.setOnFinished(e -> zoomSettled());
        gridSize.addListener(obs -> gridTask.request());
        pan.xProperty().addListener(obs -> onViewMoved());
        pan.yProperty().addListener(obs -> onViewMoved());
        selectedNodes.addListener((SetChangeListener<String>) c -> {
            NodeView v = nodeViews.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (v != null) {
                v.setSelected(c.wasAdded());
            }
            if (c.wasRemoved() && Objects.equals(c.getElementRemoved(), focusedNode.get())) {
                focusedNode.set(null);
            }
            notifyTask.request();
        });
        selectedWires.addListener((SetChangeListener<String>) c -> {
            WireView v = wireViews.get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
            if (v != null) {
                v.setSelected(c.wasAdded());
            }
        });
        gestures = new EditorGestures(this);
    }

    // ---------------------------------------------------------------- graph

    /**
     * Shows a new graph. Applied at the next pulse (several calls within one pulse: only the last is applied);
     * unchanged nodes and wires keep their skins.
     */
    public void setGraph(GraphSnapshot snapshot) {
        pending = Objects.requireNonNull(snapshot, "snapshot");
        applyTask.request();
    }

    /** The newest graph given to {@link #setGraph}, applied or not. */
    public GraphSnapshot getGraph() {
        return pending != null ? pending : graph;
    }

    /** Applies a snapshot still waiting for the next pulse now (normally not needed). */
    public void applyPendingGraph() {
        applyTask.runNow();
    }

    private void applyPending() {
        GraphSnapshot next = pending;
        pending = null;
        if (next == null) {
            return;
        }
        graph = next;
        Map<String, NodeModel> nodes = new LinkedHashMap<>();
        for (NodeModel n : next.nodes()) {
            nodes.put(n.id(), n);
        }
        Set<String> moved = new HashSet<>();

        Set<Node> removedViews = new HashSet<>();
        nodeViews.entrySet().removeIf(e -> {
            if (!nodes.containsKey(e.getKey())) {
                removedViews.add(e.getValue());
                transientNodes.remove(e.getKey());
                return true;
            }
            return false;
        });
        if (!removedViews.isEmpty()) {
            nodeLayer.getChildren().removeAll(removedViews);
        }
        List<Node> addedViews = new ArrayList<>();
        for (NodeModel m : nodes.values()) {
            NodeView v = nodeViews.get(m.id());
            if (v == null) {
                v = createNodeView(m);
                nodeViews.put(m.id(), v);
                addedViews.add(v);
                moved.add(m.id());
            } else if (!v.model().equals(m) && v.update(m)) {
                moved.add(m.id());
            }
            if (!transientNodes.contains(m.id()) && (v.getLayoutX() != m.x() || v.getLayoutY() != m.y())) {
                v.relocate(m.x(), m.y());
                moved.add(m.id());
            }
        }
        nodeLayer.getChildren().addAll(addedViews);
        selectedNodes.retainAll(nodes.keySet());

        Map<String, WireModel> wires = new LinkedHashMap<>();
        for (WireModel w : next.wires()) {
            wires.put(w.id(), w);
        }
        boolean topologyChanged = false;
        Set<Node> removedWireNodes = new HashSet<>();
        Set<Node> removedLabels = new HashSet<>();
        var it = wireViews.entrySet().iterator();
        while (it.hasNext()) {
            var e = it.next();
            if (!wires.containsKey(e.getKey())) {
                removedWireNodes.add(e.getValue().curve());
                removedLabels.add(e.getValue().label());
                dirtyWires.remove(e.getValue());
                it.remove();
                topologyChanged = true;
            }
        }
        if (!removedWireNodes.isEmpty()) {
            wireLayer.getChildren().removeAll(removedWireNodes);
            labelLayer.getChildren().removeAll(removedLabels);
        }
        List<Node> addedWireNodes = new ArrayList<>();
        List<Node> addedLabels = new ArrayList<>();
        for (WireModel m : wires.values()) {
            WireView v = wireViews.get(m.id());
            if (v == null) {
                v = new WireView(m);
                cache(v.label());
                v.curve().getProperties().put(WIRE_ID_KEY, m.id());
                v.setSelected(selectedWires.contains(m.id()));
                wireViews.put(m.id(), v);
                addedWireNodes.add(v.curve());
                addedLabels.add(v.label());
                dirtyWires.add(v);
                topologyChanged = true;
            } else if (!v.model().equals(m)) {
                boolean endsChanged = !v.model().from().equals(m.from()) || !v.model().to().equals(m.to());
                v.update(m);
                if (endsChanged) {
                    dirtyWires.add(v);
                    topologyChanged = true;
                }
            }
        }
        wireLayer.getChildren().addAll(addedWireNodes);
        labelLayer.getChildren().addAll(addedLabels);
        selectedWires.retainAll(wires.keySet());
        if (topologyChanged) {
            rebuildWireIndex();
        }
        markWiresDirty(moved);
        updateDirtyWires();
        notifyTask.request();
    }

    private NodeView createNodeView(NodeModel m) {
        NodeView v = new NodeView(m);
        cache(v);
        v.setSelected(selectedNodes.contains(m.id()));
        v.widthProperty().addListener(obs -> markWiresDirty(List.of(v.nodeId())));
        v.heightProperty().addListener(obs -> markWiresDirty(List.of(v.nodeId())));
        return v;
    }

    private void rebuildWireIndex() {
        wiresByNode.clear();
        for (WireView w : wireViews.values()) {
            wiresByNode.computeIfAbsent(w.model().from().nodeId(), k -> new ArrayList<>()).add(w);
            wiresByNode.computeIfAbsent(w.model().to().nodeId(), k -> new ArrayList<>()).add(w);
        }
    }

    private void markWiresDirty(Collection<String> nodeIds) {
        for (String id : nodeIds) {
            List<WireView> ws = wiresByNode.get(id);
            if (ws != null) {
                dirtyWires.addAll(ws);
            }
        }
    }

    /** Re-shapes the wires touching these nodes at once (used while dragging and animating). */
    void updateWiresOf(Collection<String> nodeIds) {
        markWiresDirty(nodeIds);
        updateDirtyWires();
        notifyTask.request();
    }

    private void updateDirtyWires() {
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

    // ---------------------------------------------------------------- plumbing

    public final ObjectProperty<EditorIntents> intentsProperty() {
        return intents;
    }

    public final EditorIntents getIntents() {
        return intents.get();
    }

    /** Where user requests go; null means ignore them. */
    public final void setIntents(EditorIntents value) {
        intents.set(value);
    }

    EditorIntents intents() {
        EditorIntents i = intents.get();
        return i != null ? i : new EditorIntents() { };
    }

    public final ObjectProperty<ConnectionPolicy> connectionPolicyProperty() {
        return connectionPolicy;
    }

    public final ConnectionPolicy getConnectionPolicy() {
        return connectionPolicy.get();
    }

    /** Decides which wires may be drawn; asked for every input port when a wire drag starts. */
    public final void setConnectionPolicy(ConnectionPolicy value) {
        connectionPolicy.set(value);
    }

    ConnectionPolicy policy() {
        ConnectionPolicy p = connectionPolicy.get();
        return p != null ? p : ConnectionPolicy.ALLOW_ALL;
    }

    /** Whether dragged and keyboard-moved nodes land on the grid. Default true. */
    public final BooleanProperty snapToGridProperty() {
        return snapToGrid;
    }

    public final boolean isSnapToGrid() {
        return snapToGrid.get();
    }

    public final void setSnapToGrid(boolean value) {
        snapToGrid.set(value);
    }

    /** Grid step in canvas units; also the keyboard move step. Default 20. */
    public final DoubleProperty gridSizeProperty() {
        return gridSize;
    }

    public final double getGridSize() {
        return gridSize.get();
    }

    public final void setGridSize(double value) {
        gridSize.set(value);
    }

    /** Why the last wire drop was refused (the policy's reason); empty until then. */
    public final ReadOnlyStringProperty lastRefusalProperty() {
        return lastRefusal.getReadOnlyProperty();
    }

    public final String getLastRefusal() {
        return lastRefusal.get();
    }

    void setLastRefusal(String reason) {
        lastRefusal.set(reason);
    }

    Point2D snap(Point2D p) {
        double g = gridSize.get();
        if (!snapToGrid.get() || g <= 0) {
            return p;
        }
        return new Point2D(Math.round(p.getX() / g) * g, Math.round(p.getY() / g) * g);
    }

    // ---------------------------------------------------------------- selection

    /** Ids of selected nodes; observable, and may be changed directly. */
    public ObservableSet<String> getSelectedNodes() {
        return selectedNodes;
    }

    /** Ids of selected wires; observable, and may be changed directly. */
    public ObservableSet<String> getSelectedWires() {
        return selectedWires;
    }

    /** The primary selected node: the last one clicked or tabbed to; null when none. */
    public final ReadOnlyObjectProperty<String> focusedNodeProperty() {
        return focusedNode.getReadOnlyProperty();
    }

    public final String getFocusedNode() {
        return focusedNode.get();
    }

    /** Selects only this node and makes it the focused node. */
    public void select(String nodeId) {
        selectedWires.clear();
        selectedNodes.retainAll(Set.of(nodeId));
        selectedNodes.add(nodeId);
        focusedNode.set(nodeId);
    }

    /** Adds or removes a node from the selection (Shift/Ctrl-click). */
    public void toggleSelection(String nodeId) {
        if (selectedNodes.contains(nodeId)) {
            selectedNodes.remove(nodeId);
        } else {
            selectedNodes.add(nodeId);
            focusedNode.set(nodeId);
        }
    }

    /** Selects only this wire. */
    public void selectWire(String wireId) {
        selectedNodes.clear();
        selectedWires.retainAll(Set.of(wireId));
        selectedWires.add(wireId);
    }

    public void selectAll() {
        applyPendingGraph();
        selectedNodes.addAll(nodeViews.keySet());
        selectedWires.addAll(wireViews.keySet());
    }

    public void clearSelection() {
        selectedNodes.clear();
        selectedWires.clear();
        focusedNode.set(null);
    }

    /** Node ids in reading order: top to bottom, then left to right. */
    List<String> readingOrder() {
        List<NodeView> views = new ArrayList<>(nodeViews.values());
        views.sort(Comparator.comparingDouble((NodeView v) -> v.model().y()).thenComparingDouble(v -> v.model().x()));
        List<String> ids = new ArrayList<>(views.size());
        views.forEach(v -> ids.add(v.nodeId()));
        return ids;
    }

    // ---------------------------------------------------------------- zoom and pan

    /** Screen pixels per canvas unit, clamped to [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}]. Setting it zooms around the centre. */
    public final DoubleProperty zoomProperty() {
        return zoom;
    }

    public final double getZoom() {
        return zoom.get();
    }

    public final void setZoom(double value) {
        zoom.set(value);
    }

    private static double clampZoom(double z) {
        return Double.isNaN(z) ? 1 : Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
    }

    private void onZoomChanged() {
        double z = zoom.get();
        double c = clampZoom(z);
        if (c != z) {
            zoom.set(c);
            return;
        }
        if (c == appliedZoom) {
            return;
        }
        if (!zoomAnchored) {
            // Keep the canvas point at the centre of the view where it is.
            double cx = (getWidth() / 2 - pan.getX()) / appliedZoom;
            double cy = (getHeight() / 2 - pan.getY()) / appliedZoom;
            pan.setX(getWidth() / 2 - cx * c);
            pan.setY(getHeight() / 2 - cy * c);
        }
        appliedZoom = c;
        scale.setX(c);
        scale.setY(c);
        labelLayer.setVisible(c >= WIRE_LABEL_MIN_ZOOM);
        if (!zooming) {
            zooming = true;
            setCacheHints(CacheHint.SPEED);
        }
        zoomIdle.playFromStart();
        onViewMoved();
    }

    /**
     * Node skins and wire labels are cached as bitmaps: panning then only copies pixels, which in software rendering
     * is several times faster than drawing text and rounded backgrounds. While zooming the bitmaps are scaled
     * (SPEED); when zooming pauses they are redrawn sharp at the new scale (QUALITY), and the level of detail is
     * switched then, so restyling never happens mid-gesture.
     */
    private void cache(Node n) {
        n.setCache(true);
        n.setCacheHint(zooming ? CacheHint.SPEED : CacheHint.QUALITY);
    }

    private void setCacheHints(CacheHint hint) {
        for (NodeView v : nodeViews.values()) {
            v.setCacheHint(hint);
        }
        for (WireView w : wireViews.values()) {
            w.label().setCacheHint(hint);
        }
    }

    private void zoomSettled() {
        zooming = false;
        gridTask.request();
        setCacheHints(CacheHint.QUALITY);
        pseudoClassStateChanged(GraphEditorStyles.ZOOMED_OUT, appliedZoom < DETAIL_MIN_ZOOM);
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under {@code (x, y)} (editor coordinates) still. */
    public void zoomAt(double factor, double x, double y) {
        double target = clampZoom(appliedZoom * factor);
        if (target == appliedZoom) {
            return;
        }
        Point2D c = localToCanvas(x, y);
        zoomAnchored = true;
        try {
            pan.setX(x - c.getX() * target);
            pan.setY(y - c.getY() * target);
            zoom.set(target);
        } finally {
            zoomAnchored = false;
        }
    }

    public void zoomIn() {
        zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms (at most to 100 %) and pans so that every node is visible. Keys: F, Ctrl+0. */
    public void zoomToFit() {
        applyPendingGraph();
        Rectangle2D b = nodesBounds();
        if (b == null || getWidth() <= 0 || getHeight() <= 0) {
            return;
        }
        double availW = Math.max(1, getWidth() - 2 * FIT_MARGIN);
        double availH = Math.max(1, getHeight() - 2 * FIT_MARGIN);
        double z = clampZoom(Math.min(FIT_MAX_ZOOM, Math.min(availW / Math.max(1, b.getWidth()),
                availH / Math.max(1, b.getHeight()))));
        zoomAnchored = true;
        try {
            zoom.set(z);
        } finally {
            zoomAnchored = false;
        }
        centerOnPoint(new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2));
    }

    /** Pans so that this canvas point is at the centre of the view. */
    public void centerOnPoint(Point2D canvasPoint) {
        double z = appliedZoom;
        pan.setX(getWidth() / 2 - canvasPoint.getX() * z);
        pan.setY(getHeight() / 2 - canvasPoint.getY() * z);
    }

    /** Pans so that this node is at the centre of the view. */
    public void centerOn(String nodeId) {
        applyPendingGraph();
        Rectangle2D b = nodeBounds(nodeId);
        if (b != null) {
            centerOnPoint(new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2));
        }
    }

    /** Pans only if needed, so that this node is fully visible. */
    public void scrollIntoView(String nodeId) {
        Rectangle2D b = nodeBounds(nodeId);
        Rectangle2D v = visibleCanvasArea();
        if (b != null && !(v.contains(b.getMinX(), b.getMinY()) && v.contains(b.getMaxX(), b.getMaxY()))) {
            centerOn(nodeId);
        }
    }

    /** Moves the view by this many screen pixels. */
    public void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    /** The canvas coordinate at the centre of the visible area (where the application adds new nodes). */
    public Point2D viewportCenter() {
        return localToCanvas(getWidth() / 2, getHeight() / 2);
    }

    /** The part of the canvas that is visible, in canvas coordinates. */
    public Rectangle2D visibleCanvasArea() {
        Point2D a = localToCanvas(0, 0);
        return new Rectangle2D(a.getX(), a.getY(), Math.max(0, getWidth() / appliedZoom),
                Math.max(0, getHeight() / appliedZoom));
    }

    /** Editor (local) coordinates to canvas coordinates. */
    public Point2D localToCanvas(double x, double y) {
        return new Point2D((x - pan.getX()) / appliedZoom, (y - pan.getY()) / appliedZoom);
    }

    /** Canvas coordinates to editor (local) coordinates. */
    public Point2D canvasToLocal(double x, double y) {
        return new Point2D(x * appliedZoom + pan.getX(), y * appliedZoom + pan.getY());
    }

    private void onViewMoved() {
        gridTask.request();
        notifyTask.request();
    }

    private void redrawGrid() {
        grid.draw(pan.getX(), pan.getY(), appliedZoom, gridSize.get(), !zooming, gridMinorColor.get(),
                gridMajorColor.get());
    }

    // ---------------------------------------------------------------- create menu

    /** Sets what the create menu offers. */
    public void setCreateChoices(List<CreateChoice> choices) {
        createMenu.setChoices(List.copyOf(choices));
    }

    /**
     * Opens the searchable create menu at a canvas point; picking a choice calls
     * {@link EditorIntents#create(CreateChoice, Point2D, PortKey)} with this point and {@code fromOrNull}.
     */
    public void showCreateMenu(Point2D canvasPoint, PortKey fromOrNull) {
        createAt = canvasPoint;
        createFrom = fromOrNull;
        createMenu.open();
        createMenu.applyCss();
        Point2D local = canvasToLocal(canvasPoint.getX(), canvasPoint.getY());
        double w = createMenu.prefWidth(-1);
        double h = createMenu.prefHeight(-1);
        double x = Math.max(4, Math.min(local.getX(), getWidth() - w - 4));
        double y = Math.max(4, Math.min(local.getY(), getHeight() - h - 4));
        createMenu.resizeRelocate(Math.round(x), Math.round(y), w, Math.min(h, Math.max(120, getHeight() - 8)));
    }

    public void hideCreateMenu() {
        createMenu.close();
    }

    public boolean isCreateMenuShowing() {
        return createMenu.isVisible();
    }

    CreateMenu createMenu() {
        return createMenu;
    }

    private void onCreatePicked(CreateChoice choice) {
        intents().create(choice, createAt, createFrom);
    }

    private void onCreateMenuClosed() {
        gestures.createMenuClosed();
        requestFocus();
    }

    // ---------------------------------------------------------------- animation and sizes

    /**
     * Animates node views to new top-left positions (wires follow), then runs {@code onFinished}. Only the view
     * moves: the application commits the move in {@code onFinished}, and the snapshot that follows has the same
     * positions, so nothing jumps. A running animation is stopped (without its callback) when a new one starts.
     */
    public void animateTo(Map<String, Point2D> positions, Duration duration, Runnable onFinished) {
        applyPendingGraph();
        if (animation != null) {
            animation.stop();
            animation = null;
        }
        Map<NodeView, Point2D[]> moves = new LinkedHashMap<>();
        positions.forEach((id, to) -> {
            NodeView v = nodeViews.get(id);
            if (v != null) {
                moves.put(v, new Point2D[] {new Point2D(v.getLayoutX(), v.getLayoutY()), to});
            }
        });
        List<String> ids = new ArrayList<>();
        moves.keySet().forEach(v -> ids.add(v.nodeId()));
        transientNodes.addAll(ids);
        Transition t = new Transition() {
            {
                setCycleDuration(duration == null || duration.lessThan(Duration.ONE) ? Duration.ONE : duration);
                setInterpolator(Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double f) {
                moves.forEach((v, ft) -> v.relocate(ft[0].getX() + (ft[1].getX() - ft[0].getX()) * f,
                        ft[0].getY() + (ft[1].getY() - ft[0].getY()) * f));
                updateWiresOf(ids);
            }
        };
        t.setOnFinished(e -> {
            animation = null;
            ids.forEach(transientNodes::remove);
            if (onFinished != null) {
                onFinished.run();
            }
        });
        animation = t;
        t.play();
    }

    /** Sizes of the laid-out node skins by node id, for layout algorithms. */
    public Map<String, Dimension2D> nodeSizes() {
        applyPendingGraph();
        Map<String, Dimension2D> sizes = new LinkedHashMap<>();
        boolean needCss = nodeViews.values().stream().anyMatch(v -> v.getWidth() <= 0);
        if (needCss && getScene() != null) {
            applyCss();
        }
        for (NodeView v : nodeViews.values()) {
            sizes.put(v.nodeId(), new Dimension2D(v.effectiveWidth(), v.effectiveHeight()));
        }
        return sizes;
    }

    // ---------------------------------------------------------------- package internals for gestures and minimap

    Map<String, NodeView> nodeViews() {
        return nodeViews;
    }

    Map<String, WireView> wireViews() {
        return wireViews;
    }

    Set<String> transientNodes() {
        return transientNodes;
    }

    Pane overlay() {
        return overlay;
    }

    Group dragLayer() {
        return dragLayer;
    }

    double appliedZoom() {
        return appliedZoom;
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

    /** Called after anything the minimap shows changed (coalesced to once per pulse). */
    void addViewListener(Runnable r) {
        viewListeners.add(r);
    }

    void removeViewListener(Runnable r) {
        viewListeners.remove(r);
    }

    private void fireViewChanged() {
        viewListeners.forEach(Runnable::run);
    }

    CubicCurve newDanglingCurve() {
        CubicCurve c = new CubicCurve();
        c.getStyleClass().addAll(GraphEditorStyles.WIRE, GraphEditorStyles.DANGLING);
        c.setFill(null);
        c.setMouseTransparent(true);
        return c;
    }

    // ---------------------------------------------------------------- CSS

    private static final ColorCss<GraphEditor> GRID_MINOR_COLOR = new ColorCss<>("-ge-grid-minor-color",
            Color.rgb(128, 128, 128, 0.08), e -> e.gridMinorColor);
    private static final ColorCss<GraphEditor> GRID_MAJOR_COLOR = new ColorCss<>("-ge-grid-major-color",
            Color.rgb(128, 128, 128, 0.17), e -> e.gridMajorColor);
    /** The theme's background; null (without a warning) when the scene has no AtlantaFX colours. */
    private static final ColorCss<GraphEditor> THEME_COLOR = new ColorCss<>("-ge-theme-color",
            ThemeColorConverter.INSTANCE, null, e -> e.themeColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.addAll(List.of(GRID_MINOR_COLOR, GRID_MAJOR_COLOR, THEME_COLOR));
        CSS_META_DATA = List.copyOf(list);
    }

    private final StyleableObjectProperty<Color> gridMinorColor =
            GRID_MINOR_COLOR.newProperty(this, "gridMinorColor", () -> gridTask.request());
    private final StyleableObjectProperty<Color> gridMajorColor =
            GRID_MAJOR_COLOR.newProperty(this, "gridMajorColor", () -> gridTask.request());
    private final StyleableObjectProperty<Color> themeColor =
            THEME_COLOR.newProperty(this, "themeColor", this::followTheme);

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    /** Colour of the fine grid lines (CSS {@code -ge-grid-minor-color}); faded further as they get close. */
    public final ObjectProperty<Color> gridMinorColorProperty() {
        return gridMinorColor;
    }

    /** Colour of every fifth grid line (CSS {@code -ge-grid-major-color}). */
    public final ObjectProperty<Color> gridMajorColorProperty() {
        return gridMajorColor;
    }

    /** Theme colours resolve under AtlantaFX only; then the -ge-* palette is switched to them. */
    private void followTheme() {
        boolean themed = themeColor.get() != null;
        if (themed != getStyleClass().contains(THEMED)) {
            if (themed) {
                getStyleClass().add(THEMED);
            } else {
                getStyleClass().remove(THEMED);
            }
            restyleForTheme = true;
            requestLayout();
        }
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        clip.setWidth(w);
        clip.setHeight(h);
        overlay.resize(w, h);
        if (grid.getWidth() != w || grid.getHeight() != h) {
            grid.setWidth(w);
            grid.setHeight(h);
            redrawGrid();
            notifyTask.request();
        }
        if (restyleForTheme) {
            // The theme was found (or lost) while styling: restyle now, not a frame later in the fallback colours.
            restyleForTheme = false;
            applyCss();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 600;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 50;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 50;
    }
}
