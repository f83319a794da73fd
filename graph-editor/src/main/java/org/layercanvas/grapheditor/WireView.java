package org.layercanvas.grapheditor;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;

/**
 * A wire: a vertical-ish cubic curve from an output (bottom edge) down to an input (top edge), and a label at its
 * middle. Picking is geometric ({@link #distanceTo}): an invisible wide twin curve per wire would cost a
 * noticeable share of every frame in software rendering.
 */
final class WireView {
    private static final int SAMPLES = 24;

    private final CubicCurve curve = new CubicCurve();
    private final Label label = new Label();
    private WireModel model;

    WireView(WireModel model) {
        curve.getStyleClass().add(GraphEditorStyles.WIRE);
        curve.setFill(null);
        curve.setMouseTransparent(true);
        label.getStyleClass().add(GraphEditorStyles.WIRE_LABEL);
        label.setMouseTransparent(true);
        label.translateXProperty().bind(label.widthProperty().multiply(-0.5));
        label.translateYProperty().bind(label.heightProperty().multiply(-0.5));
        update(model);
    }

    void update(WireModel m) {
        WireModel old = model;
        model = m;
        if (old == null || !old.label().equals(m.label())) {
            label.setText(m.label());
            label.setVisible(!m.label().isEmpty());
        }
        if (old == null || old.state() != m.state()) {
            GraphEditorStyles.applyState(curve, m.state());
            GraphEditorStyles.applyState(label, m.state());
        }
    }

    WireModel model() {
        return model;
    }

    /** Hides or shows the curve and its label (while the wire is dragged off its input). */
    void setVisible(boolean visible) {
        curve().setVisible(visible);
        label().setOpacity(visible ? 1 : 0);
    }

    CubicCurve curve() {
        return curve;
    }

    Label label() {
        return label;
    }

    void setSelected(boolean selected) {
        curve.pseudoClassStateChanged(GraphEditorStyles.SELECTED, selected);
        label.pseudoClassStateChanged(GraphEditorStyles.SELECTED, selected);
    }

    void setEnds(Point2D from, Point2D to) {
        shape(curve, from, to);
        Point2D mid = midpoint(curve);
        label.relocate(mid.getX(), mid.getY());
    }

    /** Shapes a curve leaving {@code from} downwards and entering {@code to} from above. */
    static void shape(CubicCurve c, Point2D from, Point2D to) {
        double dy = to.getY() - from.getY();
        // Going down: bend by half the distance; going up (a back edge): loop out further so it stays readable.
        double bend = dy >= 0 ? Math.max(24, dy * 0.5) : Math.max(60, -dy * 0.35 + 40);
        c.setStartX(from.getX());
        c.setStartY(from.getY());
        c.setControlX1(from.getX());
        c.setControlY1(from.getY() + bend);
        c.setControlX2(to.getX());
        c.setControlY2(to.getY() - bend);
        c.setEndX(to.getX());
        c.setEndY(to.getY());
    }

    /** Approximate distance from a canvas point to the curve, or infinity when it is far from its bounds. */
    double distanceTo(Point2D p, double tolerance) {
        if (!curve.isVisible()) {
            return Double.POSITIVE_INFINITY;
        }
        double minX = Math.min(Math.min(curve.getStartX(), curve.getEndX()), Math.min(curve.getControlX1(), curve.getControlX2()));
        double maxX = Math.max(Math.max(curve.getStartX(), curve.getEndX()), Math.max(curve.getControlX1(), curve.getControlX2()));
        double minY = Math.min(Math.min(curve.getStartY(), curve.getEndY()), Math.min(curve.getControlY1(), curve.getControlY2()));
        double maxY = Math.max(Math.max(curve.getStartY(), curve.getEndY()), Math.max(curve.getControlY1(), curve.getControlY2()));
        if (p.getX() < minX - tolerance || p.getX() > maxX + tolerance || p.getY() < minY - tolerance
                || p.getY() > maxY + tolerance) {
            return Double.POSITIVE_INFINITY;
        }
        double best = Double.POSITIVE_INFINITY;
        Point2D prev = point(0);
        for (int i = 1; i <= SAMPLES; i++) {
            Point2D next = point((double) i / SAMPLES);
            best = Math.min(best, segmentDistance(p, prev, next));
            prev = next;
        }
        return best;
    }

    private Point2D point(double t) {
        double u = 1 - t;
        double a = u * u * u;
        double b = 3 * u * u * t;
        double c = 3 * u * t * t;
        double d = t * t * t;
        return new Point2D(a * curve.getStartX() + b * curve.getControlX1() + c * curve.getControlX2() + d * curve.getEndX(),
                a * curve.getStartY() + b * curve.getControlY1() + c * curve.getControlY2() + d * curve.getEndY());
    }

    private static double segmentDistance(Point2D p, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double len2 = ab.dotProduct(ab);
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / len2));
        return p.distance(a.add(ab.multiply(t)));
    }

    static Point2D midpoint(CubicCurve c) {
        double x = (c.getStartX() + 3 * c.getControlX1() + 3 * c.getControlX2() + c.getEndX()) / 8;
        double y = (c.getStartY() + 3 * c.getControlY1() + 3 * c.getControlY2() + c.getEndY()) / 8;
        return new Point2D(x, y);
    }
}
