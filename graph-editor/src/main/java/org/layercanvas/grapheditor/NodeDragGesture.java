package org.layercanvas.grapheditor;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Point2D;

/**
 * Pressing and dragging nodes: selection on press, the selected views follow the mouse (snapped to the grid), and
 * one {@link EditorIntents#moveNodes} on release.
 */
final class NodeDragGesture {
    private final GraphEditor editor;
    private final GraphEditorSkin skin;
    private final Map<String, Point2D> moveStart = new LinkedHashMap<>();
    private final Map<String, Point2D> moveNow = new LinkedHashMap<>();
    private String pressedNode;
    private boolean deselectOthersOnRelease;

    NodeDragGesture(GraphEditor editor, GraphEditorSkin skin) {
        this.editor = editor;
        this.skin = skin;
    }

    /** Updates the selection for a press on node {@code id}; returns whether a drag may move the selection. */
    boolean press(String id, boolean toggle) {
        pressedNode = id;
        deselectOthersOnRelease = false;
        if (toggle) {
            editor.toggleSelection(id);
            return editor.getSelectedNodes().contains(id);
        }
        if (!editor.getSelectedNodes().contains(id)) {
            editor.select(id);
        } else {
            // Keep a multi-selection so it can be dragged; a plain click (no drag) selects only this node.
            deselectOthersOnRelease = editor.getSelectedNodes().size() > 1 || !editor.getSelectedWires().isEmpty();
        }
        return true;
    }

    /** The mouse has just moved far enough for a drag: the selected views now follow it, not the snapshot. */
    void start() {
        moveStart.clear();
        for (String id : editor.getSelectedNodes()) {
            NodeView v = skin.views().nodeViews().get(id);
            if (v != null) {
                moveStart.put(id, new Point2D(v.getLayoutX(), v.getLayoutY()));
            }
        }
        skin.views().transientNodes().addAll(moveStart.keySet());
    }

    void drag(Point2D pressLocal, Point2D now) {
        double z = skin.viewport().appliedZoom();
        double dx = (now.getX() - pressLocal.getX()) / z;
        double dy = (now.getY() - pressLocal.getY()) / z;
        moveNow.clear();
        moveStart.forEach((id, start) -> {
            Point2D p = snap(editor, start.add(dx, dy));
            moveNow.put(id, p);
            skin.views().nodeViews().get(id).relocate(p.getX(), p.getY());
        });
        skin.updateWiresOf(moveStart.keySet());
    }

    void release(Point2D pressLocal, Point2D now, boolean dragged) {
        if (!dragged) {
            if (deselectOthersOnRelease) {
                editor.select(pressedNode);
            }
            return;
        }
        drag(pressLocal, now);
        Map<String, Point2D> result = new LinkedHashMap<>();
        moveNow.forEach((id, p) -> {
            if (!p.equals(moveStart.get(id))) {
                result.put(id, p);
            }
        });
        skin.views().transientNodes().removeAll(moveStart.keySet());
        moveStart.clear();
        if (!result.isEmpty()) {
            // The view stays where it was dropped; the snapshot the application sends back confirms (or undoes) it.
            editor.intents().moveNodes(Map.copyOf(result));
        }
    }

    /** The nearest grid point, when the editor snaps to its grid. */
    static Point2D snap(GraphEditor editor, Point2D p) {
        double g = editor.getGridSize();
        if (!editor.isSnapToGrid() || g <= 0) {
            return p;
        }
        return new Point2D(Math.round(p.getX() / g) * g, Math.round(p.getY() / g) * g);
    }
}
