package org.layercanvas.charts;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import org.jfree.chart.axis.ValueAxis;

/**
 * A live chart's hover read-out: a crosshair snapped to the nearest x, a marker on each visible series and a label
 * with their values (raw and smoothed).
 */
final class ChartHover {
    private final LiveChart chart;
    final Line crosshair = new Line();
    final Label label = new Label();
    private final List<Circle> markers = new ArrayList<>();
    private double x = Double.NaN;
    private double y = Double.NaN;

    ChartHover(LiveChart chart) {
        this.chart = chart;
        crosshair.setManaged(false);
        crosshair.setMouseTransparent(true);
        crosshair.setVisible(false);
        crosshair.getStrokeDashArray().setAll(4.0, 4.0);
        label.setManaged(false);
        label.setMouseTransparent(true);
        label.setVisible(false);
        label.getStyleClass().add("live-chart-hover");
    }

    /** Shown again at the same place after a frame (the data under the mouse changed). */
    void refresh() {
        if (crosshair.isVisible()) {
            show(x, y);
        }
    }

    /** Colours from the chart's CSS. */
    void recolour(Color background, Color crosshairColour) {
        crosshair.setStroke(crosshairColour);
        for (Circle c : markers) {
            c.setStroke(background);
        }
    }

    void show(double mx, double my) {
        x = mx;
        y = my;
        var info = chart.canvas().getRenderingInfo();
        if (info == null || info.getPlotInfo() == null || chart.frameHandles().isEmpty()) {
            hide();
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (!area.contains(mx, my)) {
            hide();
            return;
        }
        ValueAxis yAxis = chart.plot().getRangeAxis();
        double x = chart.xAxis().java2DToValue(mx, area, chart.plot().getDomainAxisEdge());
        // The nearest point of each visible series; the crosshair snaps to the x nearest the mouse.
        StringBuilder text = new StringBuilder();
        double snapX = Double.NaN;
        int markerCount = 0;
        List<String> lines = new ArrayList<>();
        for (SeriesHandle h : chart.frameHandles()) {
            if (!h.isVisible()) {
                continue;
            }
            MetricSeries.Snapshot s = h.series().snapshot();
            int i = s.nearestIndex(x);
            if (i < 0) {
                continue;
            }
            double px = s.x(i);
            double py = s.y(i);
            if (Double.isNaN(snapX) || Math.abs(px - x) < Math.abs(snapX - x)) {
                snapX = px;
            }
            MetricSeries.Snapshot smoothed = h.lastSmoothed;
            String line;
            if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED && smoothed != null && i < smoothed.size()
                    && chart.getSmoothing() > 0) {
                line = Messages.format("chart.hover.smoothed", h.label(), number(px), number(py),
                        number(smoothed.y(i)));
                py = smoothed.y(i);
            } else {
                line = Messages.format("chart.hover.value", h.label(), number(px), number(py));
            }
            lines.add(line);
            if (!chart.isLogScale() || py > 0) {
                Circle marker = marker(markerCount++);
                marker.setFill(h.style().color());
                marker.setCenterX(chart.xAxis().valueToJava2D(px, area, chart.plot().getDomainAxisEdge()));
                marker.setCenterY(yAxis.valueToJava2D(py, area, chart.plot().getRangeAxisEdge()));
                marker.setVisible(area.contains(marker.getCenterX(), marker.getCenterY()));
            }
        }
        for (int m = markerCount; m < markers.size(); m++) {
            markers.get(m).setVisible(false);
        }
        if (lines.isEmpty()) {
            hide();
            return;
        }
        text.append(String.join("\n", lines));
        double cx = chart.xAxis().valueToJava2D(snapX, area, chart.plot().getDomainAxisEdge());
        crosshair.setStartX(cx);
        crosshair.setEndX(cx);
        crosshair.setStartY(area.getMinY());
        crosshair.setEndY(area.getMaxY());
        crosshair.setVisible(true);
        label.setText(text.toString());
        label.setVisible(true);
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
            c.setMouseTransparent(true);
            c.setStrokeWidth(1.5);
            c.setVisible(false);
            markers.add(c);
            chart.children().add(chart.children().indexOf(label), c);
            c.setStroke(chart.colors().get(LiveChart.BACKGROUND));
        }
        return markers.get(i);
    }

    void hide() {
        crosshair.setVisible(false);
        label.setVisible(false);
        for (Circle c : markers) {
            c.setVisible(false);
        }
    }

    /** The read-out shown while hovering ("" when hidden). */
    String text() {
        return label.isVisible() ? label.getText() : "";
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
