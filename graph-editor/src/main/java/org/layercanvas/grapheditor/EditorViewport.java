package org.layercanvas.grapheditor;

import java.util.function.DoubleConsumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.DoubleProperty;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import javafx.util.Duration;

/**
 * Zoom and pan of the editor: the transforms of its content, following the control's zoom property (clamped; setting it zooms
 * around the centre of the view) and when a zoom gesture starts and settles. The math is in {@link ViewTransform}.
 */
final class EditorViewport {
    private static final double ZOOM_IDLE_MS = 250;

    private final Region view;
    private final Translate pan = new Translate();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final DoubleProperty zoom;
    /** Ends a zoom gesture: a short pause after the last zoom change. */
    private final PauseTransition zoomIdle = new PauseTransition(Duration.millis(ZOOM_IDLE_MS));
    private final Runnable moved;
    private final Runnable zoomStarted;
    private final DoubleConsumer zoomApplied;
    private final javafx.beans.InvalidationListener zoomListener = obs -> onZoomChanged();
    private double appliedZoom;
    private boolean zoomAnchored;
    private boolean zooming;

    /**
     * @param moved       after any pan or zoom step
     * @param zoomStarted when a series of zoom steps begins
     * @param zoomApplied after each zoom step, with the new zoom
     * @param zoomSettled when zooming has paused
     */
    EditorViewport(Region view, DoubleProperty zoom, Runnable moved, Runnable zoomStarted, DoubleConsumer zoomApplied,
            Runnable zoomSettled) {
        this.view = view;
        this.moved = moved;
        this.zoomStarted = zoomStarted;
        this.zoomApplied = zoomApplied;
        this.zoom = zoom;
        appliedZoom = ViewTransform.clampZoom(zoom.get());
        scale.setX(appliedZoom);
        scale.setY(appliedZoom);
        zoom.addListener(zoomListener);
        zoomIdle.setOnFinished(e -> {
            zooming = false;
            zoomSettled.run();
        });
        pan.xProperty().addListener(obs -> moved.run());
        pan.yProperty().addListener(obs -> moved.run());
    }

    /** Stops following the zoom property (the skin is being replaced). */
    void dispose() {
        zoom.removeListener(zoomListener);
        zoomIdle.stop();
    }

    Translate pan() {
        return pan;
    }

    Scale scale() {
        return scale;
    }

    DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The zoom the content is drawn at (the property's value once its listeners ran). */
    double appliedZoom() {
        return appliedZoom;
    }

    /** Whether zoom steps follow each other right now (content is cached coarsely meanwhile). */
    boolean isZooming() {
        return zooming;
    }

    ViewTransform transform() {
        return new ViewTransform(pan.getX(), pan.getY(), appliedZoom);
    }

    private void setPan(ViewTransform t) {
        pan.setX(t.panX());
        pan.setY(t.panY());
    }

    private void onZoomChanged() {
        double z = zoom.get();
        double c = ViewTransform.clampZoom(z);
        if (c != z) {
            zoom.set(c);
            return;
        }
        if (c == appliedZoom) {
            return;
        }
        if (!zoomAnchored) {
            // Keep the canvas point at the centre of the view where it is.
            setPan(transform().zoomedAt(c, view.getWidth() / 2, view.getHeight() / 2));
        }
        appliedZoom = c;
        scale.setX(c);
        scale.setY(c);
        zoomApplied.accept(c);
        if (!zooming) {
            zooming = true;
            zoomStarted.run();
        }
        zoomIdle.playFromStart();
        moved.run();
    }

    /** Zooms to {@code target} with the pan already set by the caller. */
    private void zoomAnchoredTo(double target) {
        zoomAnchored = true;
        try {
            zoom.set(target);
        } finally {
            zoomAnchored = false;
        }
    }

    void zoomAt(double factor, double x, double y) {
        double target = ViewTransform.clampZoom(appliedZoom * factor);
        if (target == appliedZoom) {
            return;
        }
        ViewTransform next = transform().zoomedAt(target, x, y);
        zoomAnchored = true;
        try {
            setPan(next);
            zoom.set(target);
        } finally {
            zoomAnchored = false;
        }
    }

    /** Zooms (at most to {@code maxZoom}) and pans so that {@code bounds} is visible with {@code margin} around. */
    void fit(Rectangle2D bounds, double margin, double maxZoom) {
        zoomAnchoredTo(ViewTransform.fitZoom(bounds, view.getWidth(), view.getHeight(), margin, maxZoom));
        centerOn(new Point2D(bounds.getMinX() + bounds.getWidth() / 2, bounds.getMinY() + bounds.getHeight() / 2));
    }

    void centerOn(Point2D canvasPoint) {
        setPan(transform().centeredOn(canvasPoint, view.getWidth(), view.getHeight()));
    }

    void panBy(double dx, double dy) {
        pan.setX(pan.getX() + dx);
        pan.setY(pan.getY() + dy);
    }

    Rectangle2D visibleArea() {
        return transform().visibleArea(view.getWidth(), view.getHeight());
    }

    Point2D toCanvas(double x, double y) {
        return transform().toCanvas(x, y);
    }

    Point2D toLocal(double x, double y) {
        return transform().toLocal(x, y);
    }
}
