package org.layercanvas.grapheditor;

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
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
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
 *
 * <p>The control holds the state the application sees (graph, selection, zoom, settings, CSS properties); its
 * {@link GraphEditorSkin} shows it and handles mouse and keyboard. The view methods (zoom to fit, centre on a
 * node, animate, node sizes) need that skin, which the constructor installs.
 */
public class GraphEditor extends Control {
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
    static final String THEMED = "themed";

    private final EditorCss css = new EditorCss(this, this::gridStyleChanged);
    private final EditorSelection selection = new EditorSelection(this);
    private final List<Runnable> viewListeners = new CopyOnWriteArrayList<>();
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1);
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal");
    private final ObjectProperty<EditorIntents> intents =
            new SimpleObjectProperty<>(this, "intents", new EditorIntents() { });
    private final ObjectProperty<ConnectionPolicy> connectionPolicy =
            new SimpleObjectProperty<>(this, "connectionPolicy", ConnectionPolicy.ALLOW_ALL);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final DoubleProperty gridSize = new SimpleDoubleProperty(this, "gridSize", 20);
    private List<CreateChoice> createChoices = List.of();
    private GraphSnapshot graph = GraphSnapshot.EMPTY;

    public GraphEditor() {
        getStyleClass().add(GraphEditorStyles.EDITOR);
        getStylesheets().add(STYLESHEET);
        setFocusTraversable(true);
        setPrefSize(800, 600);
        setMinSize(50, 50);
        // Installed now, not at the first CSS pass: the view methods work before the editor is shown.
        setSkin(new GraphEditorSkin(this));
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new GraphEditorSkin(this);
    }

    GraphEditorSkin skin() {
        if (getSkin() instanceof GraphEditorSkin s) {
            return s;
        }
        throw new IllegalStateException("GraphEditor needs a GraphEditorSkin, has " + getSkin());
    }

    // ---------------------------------------------------------------- graph

    /**
     * Shows a new graph. Applied at the next pulse (several calls within one pulse: only the last is applied);
     * unchanged nodes and wires keep their skins.
     */
    public void setGraph(GraphSnapshot snapshot) {
        graph = Objects.requireNonNull(snapshot, "snapshot");
        skin().show(snapshot);
    }

    /** The newest graph given to {@link #setGraph}, applied or not. */
    public GraphSnapshot getGraph() {
        return graph;
    }

    /** Applies a snapshot still waiting for the next pulse now (normally not needed). */
    public void applyPendingGraph() {
        skin().applyPendingGraph();
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
        selection.addAll(skin().views().nodeViews().keySet(), skin().views().wireViews().keySet());
    }

    public void clearSelection() {
        selection.clear();
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

    /** Multiplies the zoom by {@code factor}, keeping the canvas point under {@code (x, y)} (editor coordinates) still. */
    public void zoomAt(double factor, double x, double y) {
        skin().viewport().zoomAt(factor, x, y);
    }

    public void zoomIn() {
        zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms (at most to 100 %) and pans so that every node is visible. Keys: F, Ctrl+0. */
    public void zoomToFit() {
        skin().zoomToFit();
    }

    /** Pans so that this canvas point is at the centre of the view. */
    public void centerOnPoint(Point2D canvasPoint) {
        skin().viewport().centerOn(canvasPoint);
    }

    /** Pans so that this node is at the centre of the view. */
    public void centerOn(String nodeId) {
        Rectangle2D b = skin().nodeBounds(nodeId);
        if (b != null) {
            centerOnPoint(new Point2D(b.getMinX() + b.getWidth() / 2, b.getMinY() + b.getHeight() / 2));
        }
    }

    /** Pans only if needed, so that this node is fully visible. */
    public void scrollIntoView(String nodeId) {
        Rectangle2D b = skin().nodeBounds(nodeId);
        Rectangle2D v = visibleCanvasArea();
        if (b != null && !(v.contains(b.getMinX(), b.getMinY()) && v.contains(b.getMaxX(), b.getMaxY()))) {
            centerOn(nodeId);
        }
    }

    /** Moves the view by this many screen pixels. */
    public void panBy(double dx, double dy) {
        skin().viewport().panBy(dx, dy);
    }

    /** The canvas coordinate at the centre of the visible area (where the application adds new nodes). */
    public Point2D viewportCenter() {
        return localToCanvas(getWidth() / 2, getHeight() / 2);
    }

    /** The part of the canvas that is visible, in canvas coordinates. */
    public Rectangle2D visibleCanvasArea() {
        return skin().viewport().visibleArea();
    }

    /** Editor (local) coordinates to canvas coordinates. */
    public Point2D localToCanvas(double x, double y) {
        return skin().viewport().toCanvas(x, y);
    }

    /** Canvas coordinates to editor (local) coordinates. */
    public Point2D canvasToLocal(double x, double y) {
        return skin().viewport().toLocal(x, y);
    }

    // ---------------------------------------------------------------- create menu

    /** Sets what the create menu offers. */
    public void setCreateChoices(List<CreateChoice> choices) {
        createChoices = List.copyOf(choices);
        skin().createMenu().setChoices(createChoices);
    }

    List<CreateChoice> createChoices() {
        return createChoices;
    }

    /**
     * Opens the searchable create menu at a canvas point; picking a choice calls
     * {@link EditorIntents#create(CreateChoice, Point2D, PortKey)} with this point and {@code fromOrNull}.
     */
    public void showCreateMenu(Point2D canvasPoint, PortKey fromOrNull) {
        skin().createMenu().openAt(canvasToLocal(canvasPoint.getX(), canvasPoint.getY()), getWidth(), getHeight(),
                choice -> intents().create(choice, canvasPoint, fromOrNull));
    }

    public void hideCreateMenu() {
        skin().createMenu().close();
    }

    public boolean isCreateMenuShowing() {
        return skin().createMenu().isVisible();
    }

    // ---------------------------------------------------------------- animation and sizes

    /**
     * Animates node views to new top-left positions (wires follow), then runs {@code onFinished}. Only the view
     * moves: the application commits the move in {@code onFinished}, and the snapshot that follows has the same
     * positions, so nothing jumps. A running animation is stopped (without its callback) when a new one starts.
     */
    public void animateTo(Map<String, Point2D> positions, Duration duration, Runnable onFinished) {
        skin().animateTo(positions, duration, onFinished);
    }

    /** Sizes of the laid-out node skins by node id, for layout algorithms. */
    public Map<String, Dimension2D> nodeSizes() {
        return skin().nodeSizes();
    }

    // ---------------------------------------------------------------- for the minimap

    /** The node and wire views shown now. */
    SnapshotReconciler views() {
        return skin().views();
    }

    /** Called after anything the minimap shows changed (coalesced to once per pulse). */
    void addViewListener(Runnable r) {
        viewListeners.add(r);
    }

    void removeViewListener(Runnable r) {
        viewListeners.remove(r);
    }

    void fireViewChanged() {
        viewListeners.forEach(Runnable::run);
    }

    // ---------------------------------------------------------------- CSS

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return EditorCss.META_DATA;
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return EditorCss.META_DATA;
    }

    /** Colour of the fine grid lines (CSS {@code -ge-grid-minor-color}); faded further as they get close. */
    public final ObjectProperty<Color> gridMinorColorProperty() {
        return css.gridMinorColor;
    }

    public final Color getGridMinorColor() {
        return css.gridMinorColor.get();
    }

    /** Colour of every fifth grid line (CSS {@code -ge-grid-major-color}). */
    public final ObjectProperty<Color> gridMajorColorProperty() {
        return css.gridMajorColor;
    }

    public final Color getGridMajorColor() {
        return css.gridMajorColor.get();
    }

    EditorCss css() {
        return css;
    }

    /** Whether the theme was found or lost while styling (then the skin restyles at once). */
    boolean takeRestyle() {
        return css.takeRestyle();
    }

    private void gridStyleChanged() {
        if (getSkin() instanceof GraphEditorSkin s) {
            s.requestGrid();
        }
    }
}
