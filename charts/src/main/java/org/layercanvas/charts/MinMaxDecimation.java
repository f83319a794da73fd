package org.layercanvas.charts;

import java.util.Arrays;
import org.layercanvas.charts.MetricSeries.Decimated;

/**
 * Min/max decimation of one snapshot's points for drawing: the x range is split into columns (at most one per
 * pixel) and each column keeps its lowest and highest point, in their original order, so spikes survive. One
 * instance per call; reads the snapshot's shared arrays, never writes them.
 */
final class MinMaxDecimation {
    private final double[] xs;
    private final double[] ys;
    private final int size;

    MinMaxDecimation(double[] xs, double[] ys, int size) {
        this.xs = xs;
        this.ys = ys;
        this.size = size;
    }

    /** Thins points {@code [from, to)} (all of them when not sorted); see {@link MetricSeries.Snapshot#decimate}. */
    Decimated run(boolean sortedByX, int from, int to, double xMin, double xMax, int pixelWidth, int maxPoints,
                  boolean positiveOnly) {
        // Outside neighbours (sorted series only) so lines reach the plot edges when zoomed in.
        int before = sortedByX ? previousUsable(from - 1, positiveOnly) : -1;
        int after = sortedByX ? nextUsable(to, size, positiveOnly) : -1;

        int budget = maxPoints - (before >= 0 ? 1 : 0) - (after >= 0 ? 1 : 0);
        DecimationBuffer out = new DecimationBuffer(Math.min(maxPoints, to - from + 2));
        if (before >= 0) {
            out.add(xs[before], ys[before]);
        }
        if (sortedByX && to - from <= budget) {
            for (int i = from; i < to; i++) {
                if (usable(i, positiveOnly)) {
                    out.add(xs[i], ys[i]);
                }
            }
        } else if (sortedByX) {
            decimateSorted(from, to, xMin, xMax, pixelWidth, budget, positiveOnly, out);
        } else {
            decimateUnsorted(xMin, xMax, pixelWidth, budget, positiveOnly, out);
        }
        if (after >= 0) {
            out.add(xs[after], ys[after]);
        }
        return out.build();
    }

    private boolean usable(int i, boolean positiveOnly) {
        double y = ys[i];
        return Double.isFinite(y) && Double.isFinite(xs[i]) && (!positiveOnly || y > 0);
    }

    private int previousUsable(int i, boolean positiveOnly) {
        for (int j = i; j >= 0; j--) {
            if (usable(j, positiveOnly)) {
                return j;
            }
        }
        return -1;
    }

    private int nextUsable(int i, int end, boolean positiveOnly) {
        for (int j = i; j < end; j++) {
            if (usable(j, positiveOnly)) {
                return j;
            }
        }
        return -1;
    }

    private static int columnsFor(int pixelWidth, int budget) {
        // Two points per column, plus the first and last of the range.
        return Math.max(1, Math.min(Math.max(1, pixelWidth), (budget - 2) / 2));
    }

    private void decimateSorted(int from, int to, double xMin, double xMax, int pixelWidth, int budget,
                                boolean positiveOnly, DecimationBuffer out) {
        int first = nextUsable(from, to, positiveOnly);
        if (first < 0) {
            return;
        }
        int last = previousUsable(to - 1, positiveOnly);
        int columns = columnsFor(pixelWidth, budget);
        double span = xMax - xMin;
        double scale = span > 0 ? columns / span : 0;
        out.add(xs[first], ys[first]);
        int i = first + 1;
        while (i < last) {
            int column = column(xs[i], xMin, scale, columns);
            int minIndex = -1;
            int maxIndex = -1;
            // sorted: a column's points are contiguous
            while (i < last && column(xs[i], xMin, scale, columns) == column) {
                if (usable(i, positiveOnly)) {
                    if (minIndex < 0 || ys[i] < ys[minIndex]) {
                        minIndex = i;
                    }
                    if (maxIndex < 0 || ys[i] > ys[maxIndex]) {
                        maxIndex = i;
                    }
                }
                i++;
            }
            if (minIndex >= 0) {
                int a = Math.min(minIndex, maxIndex);
                int b = Math.max(minIndex, maxIndex);
                out.add(xs[a], ys[a]);
                if (b != a) {
                    out.add(xs[b], ys[b]);
                }
            }
        }
        if (last != first) {
            out.add(xs[last], ys[last]);
        }
    }

    private static int column(double x, double xMin, double scale, int columns) {
        int c = (int) ((x - xMin) * scale);
        return c < 0 ? 0 : Math.min(c, columns - 1);
    }

    private void decimateUnsorted(double xMin, double xMax, int pixelWidth, int budget, boolean positiveOnly,
                                  DecimationBuffer out) {
        int columns = columnsFor(pixelWidth, budget + 2);
        double span = xMax - xMin;
        double scale = span > 0 ? columns / span : 0;
        int[] minIndex = new int[columns];
        int[] maxIndex = new int[columns];
        Arrays.fill(minIndex, -1);
        Arrays.fill(maxIndex, -1);
        for (int i = 0; i < size; i++) {
            double x = xs[i];
            if (x < xMin || x > xMax || !usable(i, positiveOnly)) {
                continue;
            }
            int c = column(x, xMin, scale, columns);
            if (minIndex[c] < 0 || ys[i] < ys[minIndex[c]]) {
                minIndex[c] = i;
            }
            if (maxIndex[c] < 0 || ys[i] > ys[maxIndex[c]]) {
                maxIndex[c] = i;
            }
        }
        for (int c = 0; c < columns; c++) {
            if (minIndex[c] < 0) {
                continue;
            }
            // within a column, order by x so the line runs left to right
            int a = minIndex[c];
            int b = maxIndex[c];
            if (xs[b] < xs[a] || xs[b] == xs[a] && b < a) {
                int t = a;
                a = b;
                b = t;
            }
            out.add(xs[a], ys[a]);
            if (b != a) {
                out.add(xs[b], ys[b]);
            }
        }
    }

    private static final class DecimationBuffer {
        private double[] xs;
        private double[] ys;
        private int size;

        DecimationBuffer(int capacity) {
            xs = new double[Math.max(4, capacity)];
            ys = new double[xs.length];
        }

        void add(double x, double y) {
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
            }
            xs[size] = x;
            ys[size] = y;
            size++;
        }

        Decimated build() {
            return new Decimated(xs, ys, size);
        }
    }
}
