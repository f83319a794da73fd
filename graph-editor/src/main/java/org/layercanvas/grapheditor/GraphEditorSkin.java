package org.layercanvas.grapheditor;

import java.util.Collection;
import java.util.Map;
import javafx.beans.InvalidationListener;
import javafx.collections.SetChangeListener;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.CacheHint;
import javafx.scene.Group;
import javafx.scene.control.SkinBase;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * The look and the mouse and keyboard behaviour of a {@link GraphEditor}: node and wire views kept in step with
 * the shown snapshot ({@link SnapshotReconciler}, applied once per pulse), the zoomed and panned content
 * ({@link EditorViewport}), the grid, the overlay with the create menu ({@link EditorLayers}), node animation and
 * the gestures. The state the application sees (graph, selection, zoom, settings) lives in the control; this skin
 * shows it. {@link #dispose()} removes every listener and handler it added to the control.
 */
public class GraphEditorSkin extends SkinBase<GraphEditor> {
    private static final double FIT_MARGIN = 40;
    private static final double FIT_MAX_ZOOM = 1.0;

    private final CreateMenu createMenu;
    // Pulse listeners run in the order made: the graph is applied before the grid and the minimap notice.
    private final PulseTask applyTask;
    private final PulseTask gridTask;
    /** Tells the minimap (once per pulse) that what it shows changed. */
    private final PulseTask notifyTask;
    private final SnapshotReconciler views;
    private final EditorViewport viewport;
    private final EditorLayers layers;
    private final NodeAnimator animator;
    private final EditorGestures gestures;
    private final SetChangeListener<String> nodeSelection = this::nodeSelectionChanged;
    private final SetChangeListener<String> wireSelection = this::wireSelectionChanged;
    private final InvalidationListener gridChanged = obs -> requestGrid();
    private GraphSnapshot pending;

    public GraphEditorSkin(GraphEditor editor) {
        super(editor);
        consumeMouseEvents(false); // as a plain Region: mouse events the gestures leave bubble on
        applyTask = new PulseTask(editor, true, this::applyPending);
        gridTask = new PulseTask(editor, false, this::redrawGrid);
        notifyTask = new PulseTask(editor, true, editor::fireViewChanged);
        views = new SnapshotReconciler(editor.getSelectedNodes(), editor.getSelectedWires(), this::isZooming);
        animator = new NodeAnimator(views, this::updateWiresOf);
        viewport = new EditorViewport(editor, editor.zoomProperty(), this::onViewMoved,
                () -> views.setCacheHints(CacheHint.SPEED),
                z -> views.labelLayer().setVisible(z >= GraphEditor.WIRE_LABEL_MIN_ZOOM), this::zoomSettled);
        createMenu = new CreateMenu(this::onCreateMenuClosed);
        layers = new EditorLayers(editor, views, viewport, createMenu);
        getChildren().addAll(layers.roots());

        editor.getSelectedNodes().addListener(nodeSelection);
        editor.getSelectedWires().addListener(wireSelection);
        editor.gridSizeProperty().addListener(gridChanged);
        gestures = new EditorGestures(editor, this);
        createMenu.setChoices(editor.createChoices());
        if (editor.getGraph() != GraphSnapshot.EMPTY) {
            show(editor.getGraph());
        }
    }

    @Override
    public void dispose() {
        GraphEditor editor = getSkinnable();
        if (editor == null) {
            return;
        }
        gestures.dispose();
        animator.stop();
        viewport.dispose();
        applyTask.dispose();
        gridTask.dispose();
        notifyTask.dispose();
        editor.getSelectedNodes().removeListener(nodeSelection);
        editor.getSelectedWires().removeListener(wireSelection);
        editor.gridSizeProperty().removeListener(gridChanged);
        // Only this skin's own nodes: the next skin has already added its layers to the same children list.
        getChildren().removeAll(layers.roots());
        layers.unclip(editor);
        super.dispose();
    }

    // ---------------------------------------------------------------- graph

    /** Shows {@code snapshot} at the next pulse (several within one pulse: only the last). */
    void show(GraphSnapshot snapshot) {
        pending = snapshot;
        applyTask.request();
    }

    void applyPendingGraph() {
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

    /** The node and wire views (for gestures and the minimap). */
    SnapshotReconciler views() {
        return views;
    }

    /** Re-shapes the wires touching these nodes at once (used while dragging and animating). */
    void updateWiresOf(Collection<String> nodeIds) {
        views.markWiresDirty(nodeIds);
        views.updateDirtyWires();
        notifyTask.request();
    }

    void animateTo(Map<String, Point2D> positions, Duration duration, Runnable onFinished) {
        applyPendingGraph();
        animator.animate(positions, duration, onFinished);
    }

    Map<String, Dimension2D> nodeSizes() {
        applyPendingGraph();
        boolean needCss = views.nodeViews().values().stream().anyMatch(v -> v.getWidth() <= 0);
        if (needCss && getSkinnable().getScene() != null) {
            getSkinnable().applyCss();
        }
        return views.nodeSizes();
    }

    // ---------------------------------------------------------------- selection look

    private void nodeSelectionChanged(SetChangeListener.Change<? extends String> c) {
        NodeView v = views.nodeViews().get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
        if (v != null) {
            v.setSelected(c.wasAdded());
        }
        notifyTask.request();
    }

    private void wireSelectionChanged(SetChangeListener.Change<? extends String> c) {
        WireView v = views.wireViews().get(c.wasAdded() ? c.getElementAdded() : c.getElementRemoved());
        if (v != null) {
            v.setSelected(c.wasAdded());
        }
    }

    // ---------------------------------------------------------------- zoom and pan

    EditorViewport viewport() {
        return viewport;
    }

    private boolean isZooming() {
        return viewport != null && viewport.isZooming();
    }

    private void zoomSettled() {
        gridTask.request();
        views.setCacheHints(CacheHint.QUALITY);
        getSkinnable().pseudoClassStateChanged(GraphEditorStyles.ZOOMED_OUT,
                viewport.appliedZoom() < GraphEditor.DETAIL_MIN_ZOOM);
    }

    void zoomToFit() {
        applyPendingGraph();
        Rectangle2D b = views.nodesBounds();
        GraphEditor editor = getSkinnable();
        if (b != null && editor.getWidth() > 0 && editor.getHeight() > 0) {
            viewport.fit(b, FIT_MARGIN, FIT_MAX_ZOOM);
        }
    }

    /** Where a node is on the canvas; null when it is not shown. */
    Rectangle2D nodeBounds(String nodeId) {
        applyPendingGraph();
        return views.nodeBounds(nodeId);
    }

    private void onViewMoved() {
        gridTask.request();
        notifyTask.request();
    }

    void requestGrid() {
        gridTask.request();
    }

    private void redrawGrid() {
        GraphEditor editor = getSkinnable();
        layers.drawGrid(viewport.transform(), editor.getGridSize(), !viewport.isZooming(),
                editor.getGridMinorColor(), editor.getGridMajorColor());
    }

    // ---------------------------------------------------------------- create menu

    CreateMenu createMenu() {
        return createMenu;
    }

    private void onCreateMenuClosed() {
        gestures.createMenuClosed();
        getSkinnable().requestFocus();
    }

    // ---------------------------------------------------------------- layers for the gestures

    Pane overlay() {
        return layers.overlay();
    }

    Group dragLayer() {
        return layers.dragLayer();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        GraphEditor editor = getSkinnable();
        if (layers.layout(editor.getWidth(), editor.getHeight())) {
            redrawGrid();
            notifyTask.request();
        }
        if (editor.takeRestyle()) {
            editor.applyCss();
        }
    }
}
