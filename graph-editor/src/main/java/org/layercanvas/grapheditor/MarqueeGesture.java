package org.layercanvas.grapheditor;

import java.util.HashSet;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.shape.Rectangle;

/** Drag on empty canvas: a selection band; nodes it touches are selected (added to the selection with Shift/Ctrl). */
final class MarqueeGesture {
    private final GraphEditor editor;
    private final GraphEditorSkin skin;
    private final Rectangle band = new Rectangle();
    private boolean adds;
    private Set<String> base = Set.of();

    MarqueeGesture(GraphEditor editor, GraphEditorSkin skin) {
        this.editor = editor;
        this.skin = skin;
        band.getStyleClass().add(GraphEditorStyles.RUBBER_BAND);
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        skin.overlay().getChildren().add(band);
    }

    void press(boolean addToSelection) {
        adds = addToSelection;
        base = addToSelection ? new HashSet<>(editor.getSelectedNodes()) : Set.of();
    }

    void drag(Point2D pressLocal, Point2D now) {
        double x = Math.min(now.getX(), pressLocal.getX());
        double y = Math.min(now.getY(), pressLocal.getY());
        double w = Math.abs(now.getX() - pressLocal.getX());
        double h = Math.abs(now.getY() - pressLocal.getY());
        band.setX(x);
        band.setY(y);
        band.setWidth(w);
        band.setHeight(h);
        band.setVisible(true);
        Point2D a = editor.localToCanvas(x, y);
        double z = skin.viewport().appliedZoom();
        Rectangle2D r = new Rectangle2D(a.getX(), a.getY(), w / z, h / z);
        Set<String> hit = new HashSet<>(base);
        for (NodeView v : skin.views().nodeViews().values()) {
            if (r.intersects(v.getLayoutX(), v.getLayoutY(), v.effectiveWidth(), v.effectiveHeight())) {
                hit.add(v.nodeId());
            }
        }
        editor.getSelectedNodes().retainAll(hit);
        editor.getSelectedNodes().addAll(hit);
        if (!adds) {
            editor.getSelectedWires().clear();
        }
    }

    /** A click (no drag) on empty canvas clears the selection, unless it was meant to add to it. */
    void release(boolean dragged) {
        if (dragged) {
            band.setVisible(false);
        } else if (!adds) {
            editor.clearSelection();
        }
    }
}
