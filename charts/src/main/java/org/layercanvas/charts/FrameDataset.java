package org.layercanvas.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.util.Args;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * The points a {@link LiveChart} draws in one frame: one decimated array pair per series. Replacing data does not
 * notify; {@link #commit()} fires a single change event, which makes the chart redraw once. FX thread only.
 */
final class FrameDataset extends AbstractXYDataset {
    private static final long serialVersionUID = 1L;

    /** A series' identity in the dataset: the handle's key plus which of its lines this is. */
    record Key(String handleKey, boolean raw, String label) implements Comparable<Key> {
        @Override
        public String toString() {
            return label;
        }

        @Override
        public int compareTo(Key o) {
            int c = handleKey.compareTo(o.handleKey);
            return c != 0 ? c : Boolean.compare(raw, o.raw);
        }
    }

    private final List<Key> keys = new ArrayList<>();
    private final List<MetricSeries.Decimated> data = new ArrayList<>();

    /** Replaces the list of series (all empty) without notifying. */
    void setKeys(List<Key> newKeys) {
        keys.clear();
        keys.addAll(newKeys);
        data.clear();
        for (int i = 0; i < newKeys.size(); i++) {
            data.add(MetricSeries.Decimated.EMPTY);
        }
    }

    List<Key> keys() {
        return List.copyOf(keys);
    }

    /** Replaces one series' points without notifying. */
    void setData(int series, MetricSeries.Decimated points) {
        data.set(series, points);
    }

    /** Tells listeners (the plot, hence the chart canvas) that this frame's data is in place. */
    void commit() {
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return keys.size();
    }

    @Override
    public Comparable<?> getSeriesKey(int series) {
        Args.requireInRange(series, "series", 0, keys.size() - 1);
        return keys.get(series);
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.NONE;
    }

    @Override
    public int getItemCount(int series) {
        return data.get(series).size();
    }

    @Override
    public Number getX(int series, int item) {
        return data.get(series).x(item);
    }

    @Override
    public double getXValue(int series, int item) {
        return data.get(series).x(item);
    }

    @Override
    public Number getY(int series, int item) {
        return data.get(series).y(item);
    }

    @Override
    public double getYValue(int series, int item) {
        return data.get(series).y(item);
    }
}
