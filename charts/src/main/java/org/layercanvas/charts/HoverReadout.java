package org.layercanvas.charts;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.XYPlot;

/**
 * The hover read-out of a {@link LiveChart}: a crosshair snapped to the nearest x, a marker on the nearest point of
 * each visible series and a label with their values. Lives in a mouse-transparent layer over the chart canvas.
 */
final class HoverReadout {
    private final LiveChart chart;
    private final ChartCanvas canvas;
    private final Pane layer = new Pane();
    private final Line crosshair = new Line();
    private final Label label = new Label();
    private final List<Circle> markers = new ArrayList<>();
    private Color markerStroke = Color.WHITE;
    private double lastX = Double.NaN;
    private double lastY = Double.NaN;

    HoverReadout(LiveChart chart, ChartCanvas canvas) {
        this.chart = chart;
        this.canvas = canvas;
        layer.setMouseTransparent(true);
        layer.setPickOnBounds(false);
        crosshair.setManaged(false);
        crosshair.setVisible(false);
        crosshair.getStrokeDashArray().setAll(4.0, 4.0);
        label.setManaged(false);
        label.setVisible(false);
        label.getStyleClass().add("live-chart-hover");
        layer.getChildren().addAll(crosshair, label);
    }

    /** The layer to put over the canvas, at the same position and size. */
    Pane layer() {
        return layer;
    }

    void setColours(Color crosshairColour, Color background) {
        crosshair.setStroke(crosshairColour);
        markerStroke = background;
        for (Circle c : markers) {
            c.setStroke(background);
        }
    }

    /** What the label says, "" while hidden. */
    String text() {
        return label.isVisible() ? label.getText() : "";
    }

    /** Shows the values again at the last mouse position (after a frame changed them), if they are shown. */
    void refresh() {
        if (crosshair.isVisible()) {
            show(lastX, lastY);
        }
    }

    void hide() {
        crosshair.setVisible(false);
        label.setVisible(false);
        for (Circle c : markers) {
            c.setVisible(false);
        }
    }

    /** Shows the values nearest to the mouse at {@code (mx, my)} in canvas coordinates. */
    void show(double mx, double my) {
        lastX = mx;
        lastY = my;
        var info = canvas.getRenderingInfo();
        List<SeriesHandle> handles = chart.frameHandles();
        if (info == null || info.getPlotInfo() == null || handles.isEmpty()
                || !info.getPlotInfo().getDataArea().contains(mx, my)) {
            hide();
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = chart.getJFreeChart().getXYPlot();
        double x = plot.getDomainAxis().java2DToValue(mx, area, plot.getDomainAxisEdge());
        List<String> lines = new ArrayList<>();
        double snapX = Double.NaN;
        int markerCount = 0;
        for (SeriesHandle h : handles) {
            MetricSeries.Snapshot s = h.series().snapshot();
            int i = h.isVisible() ? s.nearestIndex(x) : -1;
            if (i < 0) {
                continue;
            }
            double px = s.x(i);
            if (Double.isNaN(snapX) || Math.abs(px - x) < Math.abs(snapX - x)) {
                snapX = px;
            }
            double py = describe(h, s, i, lines);
            if (!chart.isLogScale() || py > 0) {
                placeMarker(markerCount++, h.style().color(), px, py, area, plot);
            }
        }
        for (int m = markerCount; m < markers.size(); m++) {
            markers.get(m).setVisible(false);
        }
        if (lines.isEmpty()) {
            hide();
            return;
        }
        double cx = plot.getDomainAxis().valueToJava2D(snapX, area, plot.getDomainAxisEdge());
        crosshair.setStartX(cx);
        crosshair.setEndX(cx);
        crosshair.setStartY(area.getMinY());
        crosshair.setEndY(area.getMaxY());
        crosshair.setVisible(true);
        placeLabel(String.join("\n", lines), mx, my, area);
    }

    /** Adds the read-out line of point {@code i} of a series; returns the y where its marker goes. */
    private double describe(SeriesHandle h, MetricSeries.Snapshot s, int i, List<String> lines) {
        double px = s.x(i);
        double py = s.y(i);
        MetricSeries.Snapshot smoothed = h.lastSmoothed;
        if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED && smoothed != null && i < smoothed.size()
                && chart.getSmoothing() > 0) {
            lines.add(Messages.get("chart.hover.smoothed", h.label(), number(px), number(py),
                    number(smoothed.y(i))));
            return smoothed.y(i);
        }
        lines.add(Messages.get("chart.hover.value", h.label(), number(px), number(py)));
        return py;
    }

    private void placeMarker(int index, Color fill, double x, double y, Rectangle2D area, XYPlot plot) {
        Circle marker = marker(index);
        ValueAxis yAxis = plot.getRangeAxis();
        marker.setFill(fill);
        marker.setCenterX(plot.getDomainAxis().valueToJava2D(x, area, plot.getDomainAxisEdge()));
        marker.setCenterY(yAxis.valueToJava2D(y, area, plot.getRangeAxisEdge()));
        marker.setVisible(area.contains(marker.getCenterX(), marker.getCenterY()));
    }

    private void placeLabel(String text, double mx, double my, Rectangle2D area) {
        label.setText(text);
        label.setVisible(true);
        label.applyCss();
        label.autosize();
        double w = label.getWidth();
        double h = label.getHeight();
        double lx = mx + 14 + w > area.getMaxX() ? mx - 14 - w : mx + 14;
        double ly = Math.max(area.getMinY(), Math.min(my + 14, area.getMaxY() - h));
        label.relocate(Math.max(0, lx), ly);
    }

    private Circle marker(int i) {
        while (markers.size() <= i) {
            Circle c = new Circle(4);
            c.setManaged(false);
            c.setStrokeWidth(1.5);
            c.setStroke(markerStroke);
            c.setVisible(false);
            markers.add(c);
            layer.getChildren().add(layer.getChildren().indexOf(label), c);
        }
        return markers.get(i);
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format("%.4g", v);
        }
        return String.format("%.4f", v);
    }
}
