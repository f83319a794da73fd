package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableSet;
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

    private final GridLayer grid = new GridLayer();
    private final Group content = new Group();
    private final Group dragLayer = new Group();
    private final Pane overlay = new Pane();
    private final Rectangle clip = new Rectangle();
    private final CreateMenu createMenu;
    private final List<Runnable> viewListeners = new CopyOnWriteArrayList<>();
    private final PulseTask gridTask = new PulseTask(this, false, this::redrawGrid);
    private final PulseTask notifyTask = new PulseTask(this, true, this::fireViewChanged);
    private final EditorSelection selection;
    private final SnapshotReconciler views;
    private final EditorViewport viewport;

    private GraphSnapshot pending;
    private final PulseTask applyTask = new PulseTask(this, true, this::applyPending);
    private final ReadOnlyStringWrapper lastRefusal = new ReadOnlyStringWrapper(this, "lastRefusal");
    private final ObjectProperty<EditorIntents> intents =
            new SimpleObjectProperty<>(this, "intents", new EditorIntents() { });
    private final ObjectProperty<ConnectionPolicy> connectionPolicy =
            new SimpleObjectProperty<>(this, "connectionPolicy", ConnectionPolicy.ALLOW_ALL);
    private final BooleanProperty snapToGrid = new SimpleBooleanProperty(this, "snapToGrid", true);
    private final DoubleProperty gridSize = new SimpleDoubleProperty(this, "gridSize", 20);

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

        selection = new EditorSelection(this, id -> views().nodeViews().get(id), id -> views().wireViews().get(id),
                notifyTask::request);
        views = new SnapshotReconciler(selection.nodes(), selection.wires(), this::cache);
        viewport = new EditorViewport(this, this::onViewMoved, () -> setCacheHints(CacheHint.SPEED),
                z -> views.labelLayer().setVisible(z >= WIRE_LABEL_MIN_ZOOM), this::zoomSettled);

        content.setManaged(false);
        content.getTransforms().setAll(viewport.pan(), viewport.scale());
        dragLayer.setMouseTransparent(true);
        content.getChildren().addAll(views.wireLayer(), views.nodeLayer(), views.labelLayer(), dragLayer);

        overlay.setManaged(false);
        overlay.setPickOnBounds(false);
        createMenu = new CreateMenu(this::onCreatePicked, this::onCreateMenuClosed);
        overlay.getChildren().add(createMenu);
        getChildren().addAll(grid, content, overlay);

        gridSize.addListener(obs -> gridTask.request());
        gestures = new EditorGestures(this);
    }

    /** The views, for the selection's listeners (which exist before the views do). */
    private SnapshotReconciler views() {
        return views;
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

    /** Node ids in reading order: top to bottom, then left to right. */
    List<String> readingOrder() {
        return views.readingOrder();
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

    /**
     * Node skins and wire labels are cached as bitmaps: panning then only copies pixels, which in software rendering
     * is several times faster than drawing text and rounded backgrounds. While zooming the bitmaps are scaled
     * (SPEED); when zooming pauses they are redrawn sharp at the new scale (QUALITY), and the level of detail is
     * switched then, so restyling never happens mid-gesture.
     */
    private void cache(Node n) {
        n.setCache(true);
        n.setCacheHint(viewport != null && viewport.isZooming() ? CacheHint.SPEED : CacheHint.QUALITY);
    }

    private void setCacheHints(CacheHint hint) {
        for (NodeView v : views.nodeViews().values()) {
            v.setCacheHint(hint);
        }
        for (WireView w : views.wireViews().values()) {
            w.label().setCacheHint(hint);
        }
    }

    private void zoomSettled() {
        gridTask.request();
        setCacheHints(CacheHint.QUALITY);
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
        grid.draw(viewport.pan().getX(), viewport.pan().getY(), viewport.appliedZoom(), gridSize.get(),
                !viewport.isZooming(), gridMinorColor.get(), gridMajorColor.get());
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
            NodeView v = views.nodeViews().get(id);
            if (v != null) {
                moves.put(v, new Point2D[] {new Point2D(v.getLayoutX(), v.getLayoutY()), to});
            }
        });
        List<String> ids = new ArrayList<>();
        moves.keySet().forEach(v -> ids.add(v.nodeId()));
        views.transientNodes().addAll(ids);
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
            ids.forEach(views.transientNodes()::remove);
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
        boolean needCss = views.nodeViews().values().stream().anyMatch(v -> v.getWidth() <= 0);
        if (needCss && getScene() != null) {
            applyCss();
        }
        for (NodeView v : views.nodeViews().values()) {
            sizes.put(v.nodeId(), new Dimension2D(v.effectiveWidth(), v.effectiveHeight()));
        }
        return sizes;
    }

    // ---------------------------------------------------------------- package internals for gestures and minimap

    Map<String, NodeView> nodeViews() {
        return views.nodeViews();
    }

    Map<String, WireView> wireViews() {
        return views.wireViews();
    }

    Set<String> transientNodes() {
        return views.transientNodes();
    }

    Pane overlay() {
        return overlay;
    }

    Group dragLayer() {
        return dragLayer;
    }

    double appliedZoom() {
        return viewport.appliedZoom();
    }

    /** The wire nearest to a canvas point within {@code tolerance} canvas units, or null. */
    WireView wireAt(Point2D canvasPoint, double tolerance) {
        return views.wireAt(canvasPoint, tolerance);
    }

    /** Union of all node bounds as shown, or null without nodes. */
    Rectangle2D nodesBounds() {
        return views.nodesBounds();
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
