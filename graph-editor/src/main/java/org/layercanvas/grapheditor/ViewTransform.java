package org.layercanvas.grapheditor;

import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;

/**
 * Where the canvas is on screen: editor (local) x = canvas x * zoom + panX. Immutable; every zoom or pan is a new
 * one, so the math is tested without a stage.
 */
record ViewTransform(double panX, double panY, double zoom) {

    /** Clamps to [{@link GraphEditor#MIN_ZOOM}, {@link GraphEditor#MAX_ZOOM}]; NaN becomes 1. */
    static double clampZoom(double z) {
        return Double.isNaN(z) ? 1 : Math.max(GraphEditor.MIN_ZOOM, Math.min(GraphEditor.MAX_ZOOM, z));
    }

    /**
     * The zoom that shows {@code bounds} whole in a {@code width} x {@code height} view with {@code margin} around,
     * never above {@code maxZoom}.
     */
    static double fitZoom(Rectangle2D bounds, double width, double height, double margin, double maxZoom) {
        double availW = Math.max(1, width - 2 * margin);
        double availH = Math.max(1, height - 2 * margin);
        return clampZoom(Math.min(maxZoom, Math.min(availW / Math.max(1, bounds.getWidth()),
                availH / Math.max(1, bounds.getHeight()))));
    }

    Point2D toCanvas(double x, double y) {
        return new Point2D((x - panX) / zoom, (y - panY) / zoom);
    }

    Point2D toLocal(double x, double y) {
        return new Point2D(x * zoom + panX, y * zoom + panY);
    }

    /** At zoom {@code target}, with the canvas point now under local {@code (x, y)} still there. */
    ViewTransform zoomedAt(double target, double x, double y) {
        Point2D c = toCanvas(x, y);
        return new ViewTransform(x - c.getX() * target, y - c.getY() * target, target);
    }

    /** Same zoom, panned so that this canvas point is at the centre of a {@code width} x {@code height} view. */
    ViewTransform centeredOn(Point2D canvasPoint, double width, double height) {
        return new ViewTransform(width / 2 - canvasPoint.getX() * zoom, height / 2 - canvasPoint.getY() * zoom, zoom);
    }

    /** The canvas area a {@code width} x {@code height} view shows. */
    Rectangle2D visibleArea(double width, double height) {
        Point2D a = toCanvas(0, 0);
        return new Rectangle2D(a.getX(), a.getY(), Math.max(0, width / zoom), Math.max(0, height / zoom));
    }
}
