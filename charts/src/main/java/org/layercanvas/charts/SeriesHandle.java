package org.layercanvas.charts;

import java.util.Objects;

/**
 * One series shown on a {@link LiveChart}, as returned by {@link LiveChart#addSeries}. {@link #append} may be
 * called from any thread and costs a short lock: the chart picks up new points on its next frame.
 */
public final class SeriesHandle {
    private final String key;
    private final String runId;
    private final String label;
    private final SeriesStyle style;
    private final MetricSeries series;
    private volatile boolean visible = true;

    /** Written and read on the FX thread only, by the chart. */
    long drawnVersion = -1;
    /** The smoothed values used for the last frame (FX thread only; null when the style does not smooth). */
    MetricSeries.Snapshot lastSmoothed;

    SeriesHandle(String key, String runId, String label, SeriesStyle style) {
        this.key = Objects.requireNonNull(key, "key");
        this.runId = runId;
        this.label = Objects.requireNonNull(label, "label");
        this.style = Objects.requireNonNull(style, "style");
        this.series = new MetricSeries(label);
    }

    /** Appends a point. Any thread. */
    public void append(double x, double y) {
        series.append(x, y);
    }

    /** Appends {@code count} points from parallel arrays. Any thread. */
    public void appendAll(double[] x, double[] y, int count) {
        series.appendAll(x, y, count);
    }

    /** The unique key given to {@link LiveChart#addSeries}. */
    public String key() {
        return key;
    }

    /** The run this series belongs to, or null. */
    public String runId() {
        return runId;
    }

    /** The legend's text. */
    public String label() {
        return label;
    }

    public SeriesStyle style() {
        return style;
    }

    /** All points appended so far (not decimated). */
    public MetricSeries series() {
        return series;
    }

    public boolean isVisible() {
        return visible;
    }

    /** Hides or shows the series (and its legend entry) from the next frame on. Any thread. */
    public void setVisible(boolean visible) {
        this.visible = visible;
    }
}
