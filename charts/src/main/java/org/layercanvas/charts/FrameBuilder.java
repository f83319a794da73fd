package org.layercanvas.charts;

import java.awt.BasicStroke;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Turns the stored series into what the chart draws, once per frame: thins each series to a few points per pixel
 * column of the visible x range, swaps them into the dataset without events and fires one change. Skips the work
 * when nothing changed. FX thread only.
 */
final class FrameBuilder {
    /** What the user set that changes the drawn points. */
    record Settings(double smoothing, boolean logScale, int maxPointsPerSeries) {
    }

    private final ChartParts parts;
    private final SeriesRegistry registry;
    /** One per drawn line: decimation that only looks at new points while the x range is auto. */
    private final Map<FrameDataset.Key, IncrementalDecimator> decimators = new HashMap<>();
    private List<SeriesHandle> frameHandles = List.of();
    private long appliedVersion = -1;
    private boolean settingsDirty = true;
    private double lastWidth = -1;
    private double lastXLower = Double.NaN;
    private double lastXUpper = Double.NaN;

    FrameBuilder(ChartParts parts, SeriesRegistry registry) {
        this.parts = parts;
        this.registry = registry;
    }

    /** The series as of the last frame. */
    List<SeriesHandle> frameHandles() {
        return frameHandles;
    }

    /** Redo the next frame even if no data changed. */
    void markSettingsDirty() {
        settingsDirty = true;
    }

    /**
     * Brings the dataset up to date if anything changed; returns whether it did.
     *
     * @param width the plot's width in pixels
     */
    boolean update(double width, Settings settings) {
        long version = registry.version();
        boolean structureChanged = version != appliedVersion;
        if (structureChanged) {
            SeriesRegistry.Snapshot snapshot = registry.snapshot();
            frameHandles = snapshot.handles();
            version = snapshot.version();
        }
        boolean changed = structureChanged || settingsDirty || width != lastWidth || xRangeMoved();
        for (int i = 0; !changed && i < frameHandles.size(); i++) {
            SeriesHandle h = frameHandles.get(i);
            changed = h.series().version() != h.drawnVersion;
        }
        if (!changed) {
            return false;
        }
        if (structureChanged) {
            applyStructure();
            appliedVersion = version;
        }
        settingsDirty = false;
        lastWidth = width;
        fillDataset(width, settings);
        parts.dataset.commit();
        return true;
    }

    private boolean xRangeMoved() {
        if (parts.xAxis.isAutoRange()) {
            return false;
        }
        return parts.xAxis.getLowerBound() != lastXLower || parts.xAxis.getUpperBound() != lastXUpper;
    }

    /** Lays out the dataset's series and the renderer's per-series look after series were added or removed. */
    private void applyStructure() {
        List<FrameDataset.Key> keys = new ArrayList<>();
        // Raw lines first so that the bold lines of every series are drawn over them.
        for (SeriesHandle h : frameHandles) {
            if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED) {
                keys.add(new FrameDataset.Key(h.key(), true, h.label()));
            }
        }
        for (SeriesHandle h : frameHandles) {
            keys.add(new FrameDataset.Key(h.key(), false, h.label()));
        }
        parts.dataset.setKeys(keys);
        Map<FrameDataset.Key, IncrementalDecimator> kept = new HashMap<>();
        for (FrameDataset.Key key : keys) {
            kept.put(key, decimators.getOrDefault(key, new IncrementalDecimator()));
        }
        decimators.clear();
        decimators.putAll(kept);
        XYLineAndShapeRenderer renderer = parts.renderer;
        renderer.clearSeriesPaints(false);
        renderer.clearSeriesStrokes(false);
        for (SeriesHandle h : frameHandles) {
            h.drawnVersion = -1;
        }
        for (int i = 0; i < keys.size(); i++) {
            styleLine(renderer, i, keys.get(i));
        }
    }

    private void styleLine(XYLineAndShapeRenderer renderer, int i, FrameDataset.Key key) {
        SeriesHandle h = handleFor(key);
        Color c = h.style().color();
        boolean points = h.style().kind() == SeriesStyle.Kind.POINTS_AND_LINE;
        if (key.raw()) {
            renderer.setSeriesPaint(i, awt(c, 0.28), false);
            renderer.setSeriesStroke(i, new BasicStroke(1.0f), false);
            renderer.setSeriesVisibleInLegend(i, false, false);
        } else {
            renderer.setSeriesPaint(i, awt(c, 1.0), false);
            renderer.setSeriesStroke(i, new BasicStroke(points ? 1.5f : 2.0f, BasicStroke.CAP_ROUND,
                    BasicStroke.JOIN_ROUND), false);
            renderer.setSeriesVisibleInLegend(i, true, false);
        }
        renderer.setSeriesShapesVisible(i, points && !key.raw());
        renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7), false);
        renderer.setSeriesShapesFilled(i, true);
    }

    private SeriesHandle handleFor(FrameDataset.Key key) {
        for (SeriesHandle h : frameHandles) {
            if (h.key().equals(key.handleKey())) {
                return h;
            }
        }
        throw new IllegalStateException("no series " + key.handleKey());
    }

    private void fillDataset(double width, Settings settings) {
        boolean autoRange = parts.xAxis.isAutoRange();
        double[] range = autoRange ? autoXRange() : manualXRange();
        double lower = range[0];
        double upper = range[1];
        int pixels = (int) width;
        double weight = Math.min(0.99, Math.max(0, settings.smoothing()));
        List<FrameDataset.Key> keys = parts.dataset.keys();
        for (int i = 0; i < keys.size(); i++) {
            FrameDataset.Key key = keys.get(i);
            SeriesHandle h = handleFor(key);
            boolean visible = h.isVisible();
            parts.renderer.setSeriesVisible(i, visible, false);
            MetricSeries.Snapshot source;
            if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED && !key.raw()) {
                source = h.series().smoothed(weight);
                h.lastSmoothed = source;
            } else {
                source = h.series().snapshot();
            }
            h.drawnVersion = source.version();
            if (!visible || !(upper >= lower)) {
                parts.dataset.setData(i, MetricSeries.Decimated.EMPTY);
                continue;
            }
            MetricSeries.Decimated points = null;
            if (autoRange) {
                points = decimators.get(key).update(source, pixels, settings.maxPointsPerSeries(),
                        settings.logScale());
            }
            if (points == null) {
                points = source.decimate(lower, upper, pixels, settings.maxPointsPerSeries(), settings.logScale());
            }
            parts.dataset.setData(i, points);
        }
    }

    /** The x range of all visible data; also sizes the y axis's minimum span to the numbers shown. */
    private double[] autoXRange() {
        double lower = Double.POSITIVE_INFINITY;
        double upper = Double.NEGATIVE_INFINITY;
        // A single point (or a flat line) would get JFreeChart's default minimum range of 1e-8 and tick labels
        // such as "8.317107E-1" five times: give the axes a span that fits the numbers' size instead.
        double magnitude = 0;
        for (SeriesHandle h : frameHandles) {
            MetricSeries.Snapshot s = h.series().snapshot();
            if (h.isVisible() && !s.isEmpty()) {
                lower = Math.min(lower, s.minX());
                upper = Math.max(upper, s.maxX());
                double y = s.yArray()[s.size() - 1];
                if (Double.isFinite(y)) {
                    magnitude = Math.max(magnitude, Math.abs(y));
                }
            }
        }
        lastXLower = Double.NaN;
        lastXUpper = Double.NaN;
        parts.linearYAxis.setAutoRangeMinimumSize(magnitude > 0 ? magnitude * 0.02 : 1e-3, false);
        return new double[] {lower, upper};
    }

    private double[] manualXRange() {
        lastXLower = parts.xAxis.getLowerBound();
        lastXUpper = parts.xAxis.getUpperBound();
        return new double[] {lastXLower, lastXUpper};
    }

    private static java.awt.Color awt(Color c, double opacityFactor) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) (c.getOpacity() * opacityFactor));
    }
}
