package org.layercanvas.charts;

import java.util.Arrays;

/**
 * Min/max-per-column decimation of a whole, growing, x-sorted series that only looks at the points appended since
 * the last call: O(new points) per frame instead of O(all points).
 *
 * <p>Columns are a grid of width 2^k anchored at x = 0, so when the series outgrows the column budget, neighbouring
 * columns merge pairwise (min of mins, max of maxes: exact). The column width stays within a factor of two of what
 * the current span and pixel width call for; when it is more than twice too coarse (the chart got much wider) the
 * grid is rebuilt once. Returns null for series it cannot handle (not sorted by x); the caller falls back to
 * {@link MetricSeries.Snapshot#decimate}. One instance per drawn line, FX thread only.
 */
final class IncrementalDecimator {
    private long lineage = Long.MIN_VALUE;
    private boolean positiveOnly;
    private int done;
    private boolean hasGrid;
    private int k;
    private double width;
    private long firstColumn;
    private int columns;
    private int[] minIndex = new int[64];
    private int[] maxIndex = new int[64];
    private int firstUsable = -1;
    private int lastUsable = -1;

    /**
     * All points of {@code s}, thinned to at most {@code maxPoints}: the first and last point, and the lowest and
     * highest point of each column (about one to two pixels wide).
     */
    MetricSeries.Decimated update(MetricSeries.Snapshot s, int pixelWidth, int maxPoints, boolean positiveOnly) {
        if (!s.isSortedByX()) {
            reset(s.lineage(), positiveOnly);
            return null;
        }
        if (s.lineage() != lineage || positiveOnly != this.positiveOnly || s.size() < done) {
            reset(s.lineage(), positiveOnly);
        }
        if (s.isEmpty()) {
            return MetricSeries.Decimated.EMPTY;
        }
        int target = Math.max(2, Math.min(Math.max(2, pixelWidth), (maxPoints - 2) / 2));
        double span = s.maxX() - s.minX();
        int need = span > 0 ? Math.getExponent(span / (target - 1)) + 1 : -1074;
        if (hasGrid && need < k - 1) {
            // much finer columns wanted than we have: start over
            reset(s.lineage(), positiveOnly);
        }
        if (!hasGrid) {
            hasGrid = true;
            k = need;
            width = Math.scalb(1.0, k);
        }
        while (k < need) {
            merge(s.yArray());
        }
        consume(s, target);
        return output(s);
    }

    private void reset(long newLineage, boolean newPositiveOnly) {
        lineage = newLineage;
        positiveOnly = newPositiveOnly;
        done = 0;
        hasGrid = false;
        columns = 0;
        firstUsable = -1;
        lastUsable = -1;
    }

    private void consume(MetricSeries.Snapshot s, int target) {
        double[] xs = s.xArray();
        double[] ys = s.yArray();
        int size = s.size();
        for (int i = done; i < size; i++) {
            double x = xs[i];
            double y = ys[i];
            if (!Double.isFinite(x) || !Double.isFinite(y) || positiveOnly && y <= 0) {
                continue;
            }
            if (firstUsable < 0) {
                firstUsable = i;
            }
            lastUsable = i;
            long column = (long) Math.floor(x / width);
            if (columns == 0) {
                firstColumn = column;
                addColumn(i);
            } else if (column > firstColumn + columns - 1) {
                addColumn(i);
                if (columns > target) {
                    // the series outgrew the grid within this frame
                    merge(ys);
                }
            } else {
                int c = columns - 1;
                if (y < ys[minIndex[c]]) {
                    minIndex[c] = i;
                }
                if (y > ys[maxIndex[c]]) {
                    maxIndex[c] = i;
                }
            }
        }
        done = size;
        while (columns > target) {
            merge(ys);
        }
    }

    private void addColumn(int i) {
        if (columns == minIndex.length) {
            minIndex = Arrays.copyOf(minIndex, columns * 2);
            maxIndex = Arrays.copyOf(maxIndex, columns * 2);
        }
        minIndex[columns] = i;
        maxIndex[columns] = i;
        columns++;
    }

    /** Doubles the column width: the merged column's min and max are the better of its two halves'. */
    private void merge(double[] ys) {
        k++;
        width = Math.scalb(1.0, k);
        if (columns == 0) {
            return;
        }
        long newFirst = Math.floorDiv(firstColumn, 2);
        int newCount = 0;
        long current = Long.MIN_VALUE;
        for (int j = 0; j < columns; j++) {
            long merged = Math.floorDiv(firstColumn + j, 2);
            if (merged != current) {
                current = merged;
                minIndex[newCount] = minIndex[j];
                maxIndex[newCount] = maxIndex[j];
                newCount++;
            } else {
                int c = newCount - 1;
                if (ys[minIndex[j]] < ys[minIndex[c]]) {
                    minIndex[c] = minIndex[j];
                }
                if (ys[maxIndex[j]] > ys[maxIndex[c]]) {
                    maxIndex[c] = maxIndex[j];
                }
            }
        }
        firstColumn = newFirst;
        columns = newCount;
    }

    private MetricSeries.Decimated output(MetricSeries.Snapshot s) {
        if (firstUsable < 0) {
            return MetricSeries.Decimated.EMPTY;
        }
        double[] xs = s.xArray();
        double[] ys = s.yArray();
        double[] outX = new double[columns * 2 + 2];
        double[] outY = new double[outX.length];
        int n = 0;
        outX[n] = xs[firstUsable];
        outY[n++] = ys[firstUsable];
        for (int c = 0; c < columns; c++) {
            int a = Math.min(minIndex[c], maxIndex[c]);
            int b = Math.max(minIndex[c], maxIndex[c]);
            if (a != firstUsable && a != lastUsable) {
                outX[n] = xs[a];
                outY[n++] = ys[a];
            }
            if (b != a && b != firstUsable && b != lastUsable) {
                outX[n] = xs[b];
                outY[n++] = ys[b];
            }
        }
        if (lastUsable != firstUsable) {
            outX[n] = xs[lastUsable];
            outY[n++] = ys[lastUsable];
        }
        return new MetricSeries.Decimated(outX, outY, n);
    }
}
