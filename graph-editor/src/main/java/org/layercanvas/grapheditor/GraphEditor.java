package org.layercanvas.grapheditor;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableSet;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
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
 * {@link GraphEditorStyles}; colours painted in code are the CSS properties {@code -ge-grid-minor-color} and
 * {@code -ge-grid-major-color}.
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
    static final String THEMED = "themed";

    private final CreateMenu createMenu;
    private final List<Runnable> viewListeners = new CopyOnWriteArrayList<>();
    // Pulse listeners run in the order made: the graph is applied before the grid and the minimap notice.
    private final PulseTask applyTask = new PulseTask(this, true, this::applyPending);
    private final PulseTask gridTask = new PulseTask(this, false, this::redrawGrid);
    /** Tells the minimap (once per pulse) that what it shows changed. */
    private final PulseTask notifyTask = new PulseTask(this, true, () -> viewListeners.forEach(Runnable::run));
    private final EditorCss css = new EditorCss(this, gridTask::request);
    private final EditorSelection selection;
    private final SnapshotReconciler views;
    private final EditorViewport viewport;
    private final EditorLayers layers;

    private GraphSnapshot pending;
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal");
    private final ObjectProperty<EditorIntents> intents =
            new SimpleObjectProperty<>(this, "intents", new EditorIntents() { });
    private final ObjectProperty<ConnectionPolicy> connectionPolicy =
            new SimpleObjectProperty<>(this, "connectionPolicy", ConnectionPolicy.ALLOW_ALL);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final DoubleProperty gridSize = new SimpleDoubleProperty(this, "gridSize", 20);

    private final NodeAnimator animator;
    private final EditorGestures gestures;

    public GraphEditor() {
        getStyleClass().add(GraphEditorStyles.EDITOR);
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
        setPrefSize(800, 600);
        setMinSize(50, 50);

        selection = new EditorSelection(this, id -> views().nodeViews().get(id), id -> views().wireViews().get(id),
                notifyTask::request);
        views = new SnapshotReconciler(selection.nodes(), selection.wires(), () -> viewport().isZooming());
        animator = new NodeAnimator(views, this::updateWiresOf);
        viewport = new EditorViewport(this, this::onViewMoved, () -> views.setCacheHints(CacheHint.SPEED),
                z -> views.labelLayer().setVisible(z >= WIRE_LABEL_MIN_ZOOM), this::zoomSettled);

        createMenu = new CreateMenu(this::onCreateMenuClosed);
        layers = new EditorLayers(this, views, viewport, createMenu);
        getChildren().addAll(layers.roots());

        gridSize.addListener(obs -> gridTask.request());
        gestures = new EditorGestures(this);
    }

    /** The node and wire views (for gestures and the minimap). */
    SnapshotReconciler views() {
        return views;
    }

    EditorViewport viewport() {
        return viewport;
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
        return pending != null ? pending : views.shown();
    }

    /** Applies a snapshot still waiting for the next pulse now (normally not needed). */
    public void applyPendingGraph() {
        applyTask.runNow();
    }

    private void applyPending() {
        GraphSnapshot next = pending;
        pending = null;
        if (next != null) {
            views.apply(next);
            notifyTask.request();
        }
    }

    /** Re-shapes the wires touching these nodes at once (used while dragging and animating). */
    void updateWiresOf(Collection<String> nodeIds) {
        views.markWiresDirty(nodeIds);
        views.updateDirtyWires();
        notifyTask.request();
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

    // ---------------------------------------------------------------- selection

    /** Ids of selected nodes; observable, and may be changed directly. */
    public ObservableSet<String> getSelectedNodes() {
        return selection.nodes();
    }

    /** Ids of selected wires; observable, and may be changed directly. */
    public ObservableSet<String> getSelectedWires() {
        return selection.wires();
    }

    /** The primary selected node: the last one clicked or tabbed to; null when none. */
    public final ReadOnlyObjectProperty<String> focusedNodeProperty() {
        return selection.focused().getReadOnlyProperty();
    }

    public final String getFocusedNode() {
        return selection.focused().get();
    }

    /** Selects only this node and makes it the focused node. */
    public void select(String nodeId) {
        selection.select(nodeId);
    }

    /** Adds or removes a node from the selection (Shift/Ctrl-click). */
    public void toggleSelection(String nodeId) {
        selection.toggle(nodeId);
    }

    /** Selects only this wire. */
    public void selectWire(String wireId) {
        selection.selectWire(wireId);
    }

    public void selectAll() {
        applyPendingGraph();
        selection.addAll(views.nodeViews().keySet(), views.wireViews().keySet());
    }

    public void clearSelection() {
        selection.clear();
    }

    // ---------------------------------------------------------------- zoom and pan

    /** Screen pixels per canvas unit, clamped to [{@value #MIN_ZOOM}, {@value #MAX_ZOOM}]. Setting it zooms around the centre. */
    public final DoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    public final double getZoom() {
        return viewport.zoomProperty().get();
    }

    public final void setZoom(double value) {
        viewport.zoomProperty().set(value);
    }

    private void zoomSettled() {
        gridTask.request();
        views.setCacheHints(CacheHint.QUALITY);
        pseudoClassStateChanged(GraphEditorStyles.ZOOMED_OUT, viewport.appliedZoom() < DETAIL_MIN_ZOOM);
    }

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under {@code (x, y)} (editor coordinates) still. */
    public void zoomAt(double factor, double x, double y) {
        viewport.zoomAt(factor, x, y);
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
        Rectangle2D b = views.nodesBounds();
        if (b != null && getWidth() > 0 && getHeight() > 0) {
            viewport.fit(b, FIT_MARGIN, FIT_MAX_ZOOM);
        }
    }

    /** Pans so that this canvas point is at the centre of the view. */
    public void centerOnPoint(Point2D canvasPoint) {
        viewport.centerOn(canvasPoint);
    }

    /** Pans so that this node is at the centre of the view. */
    public void centerOn(String nodeId) {
        applyPendingGraph();
        Rectangle2D b = views.nodeBounds(nodeId);
        if (b != null) {
            centerOnPoint(new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2));
        }
    }

    /** Pans only if needed, so that this node is fully visible. */
    public void scrollIntoView(String nodeId) {
        Rectangle2D b = views.nodeBounds(nodeId);
        Rectangle2D v = visibleCanvasArea();
        if (b != null && !(v.contains(b.getMinX(), b.getMinY()) && v.contains(b.getMaxX(), b.getMaxY()))) {
            centerOn(nodeId);
        }
    }

    /** Moves the view by this many screen pixels. */
    public void panBy(double dx, double dy) {
        viewport.panBy(dx, dy);
    }

    /** The canvas coordinate at the centre of the visible area (where the application adds new nodes). */
    public Point2D viewportCenter() {
        return localToCanvas(getWidth() / 2, getHeight() / 2);
    }

    /** The part of the canvas that is visible, in canvas coordinates. */
    public Rectangle2D visibleCanvasArea() {
        return viewport.visibleArea();
    }

    /** Editor (local) coordinates to canvas coordinates. */
    public Point2D localToCanvas(double x, double y) {
        return viewport.toCanvas(x, y);
    }

    /** Canvas coordinates to editor (local) coordinates. */
    public Point2D canvasToLocal(double x, double y) {
        return viewport.toLocal(x, y);
    }

    private void onViewMoved() {
        gridTask.request();
        notifyTask.request();
    }

    private void redrawGrid() {
        layers.drawGrid(viewport.transform(), gridSize.get(), !viewport.isZooming(), css.gridMinorColor.get(),
                css.gridMajorColor.get());
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
        createMenu.openAt(canvasToLocal(canvasPoint.getX(), canvasPoint.getY()), getWidth(), getHeight(),
                choice -> intents().create(choice, canvasPoint, fromOrNull));
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
        animator.animate(positions, duration, onFinished);
    }

    /** Sizes of the laid-out node skins by node id, for layout algorithms. */
    public Map<String, Dimension2D> nodeSizes() {
        applyPendingGraph();
        boolean needCss = views.nodeViews().values().stream().anyMatch(v -> v.getWidth() <= 0);
        if (needCss && getScene() != null) {
            applyCss();
        }
        return views.nodeSizes();
    }

    // ---------------------------------------------------------------- package internals for gestures and minimap

    Pane overlay() {
        return layers.overlay();
    }

    Group dragLayer() {
        return layers.dragLayer();
    }

    /** Called after anything the minimap shows changed (coalesced to once per pulse). */
    void addViewListener(Runnable r) {
        viewListeners.add(r);
    }

    void removeViewListener(Runnable r) {
        viewListeners.remove(r);
    }

    // ---------------------------------------------------------------- CSS

    EditorCss css() {
        return css;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return EditorCss.META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return EditorCss.META_DATA;
    }

    /** Colour of the fine grid lines (CSS {@code -ge-grid-minor-color}); faded further as they get close. */
    public final ObjectProperty<Color> gridMinorColorProperty() {
        return css.gridMinorColor;
    }

    /** Colour of every fifth grid line (CSS {@code -ge-grid-major-color}). */
    public final ObjectProperty<Color> gridMajorColorProperty() {
        return css.gridMajorColor;
    }

    // ---------------------------------------------------------------- layout

    @Override
    protected void layoutChildren() {
        if (layers.layout(getWidth(), getHeight())) {
            redrawGrid();
            notifyTask.request();
        }
        if (css.takeRestyle()) {
            applyCss();
        }
    }
}
