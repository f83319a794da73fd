package org.layercanvas.charts;

import java.util.Arrays;
import java.util.Objects;

/**
 * An append-only store of (x, y) points for one named series, built to grow to hundreds of thousands of points.
 *
 * <p>Thread safety: {@link #append} may be called from any thread (typically the one that receives training
 * events). Readers take a {@link #snapshot()}: a cheap, immutable view of the points appended so far that shares
 * the backing arrays (elements below the snapshot's size never change, and growth copies into new arrays), so
 * taking one costs a short lock and no copying. {@link #clear()} starts new arrays; old snapshots stay valid.
 *
 * <p>Everything is kept; {@link Snapshot#decimate} thins the points for display only, and {@link #smoothed(double)}
 * gives the TensorBoard-style exponential moving average, extended incrementally as points arrive.
 */
public final class MetricSeries {
    private static final int INITIAL_CAPACITY = 256;

    private final String name;
    private final Object lock = new Object();
    private double[] xs = new double[INITIAL_CAPACITY];
    private double[] ys = new double[INITIAL_CAPACITY];
    private int size;
    private boolean sortedByX = true;
    private double minX = Double.POSITIVE_INFINITY;
    private double maxX = Double.NEGATIVE_INFINITY;
    /** Bumped on every change, so a reader can tell cheaply whether anything happened since it last looked. */
    private volatile long version;
    /** Bumped by {@link #clear()}, so cached smoothing knows to start again. */
    private long generation;

    /** Incremental smoothing cache; guarded by {@link #smoothLock}, filled by whichever thread asks. */
    private final Object smoothLock = new Object();
    private double[] smoothYs = new double[0];
    private int smoothCount;
    private double smoothWeight = Double.NaN;
    private long smoothGeneration = -1;
    private long smoothEpoch;
    private double smoothLast;
    private int smoothAccumulated;

    public MetricSeries(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    public String name() {
        return name;
    }

    /** Appends one point. Any thread. */
    public void append(double x, double y) {
        synchronized (lock) {
            ensureCapacity(size + 1);
            put(x, y);
            version++;
        }
    }

    /** Appends {@code count} points from two parallel arrays in one go. Any thread. */
    public void appendAll(double[] x, double[] y, int count) {
        if (count > x.length || count > y.length) {
            throw new IllegalArgumentException("count " + count + " exceeds the arrays");
        }
        synchronized (lock) {
            ensureCapacity(size + count);
            for (int i = 0; i < count; i++) {
                put(x[i], y[i]);
            }
            version++;
        }
    }

    private void put(double x, double y) {
        if (size > 0 && x < xs[size - 1]) {
            sortedByX = false;
        }
        xs[size] = x;
        ys[size] = y;
        size++;
        if (x < minX) {
            minX = x;
        }
        if (x > maxX) {
            maxX = x;
        }
    }

    private void ensureCapacity(int needed) {
        if (needed > xs.length) {
            int capacity = xs.length;
            while (capacity < needed) {
                capacity = Math.max(capacity * 2, INITIAL_CAPACITY);
                if (capacity < 0) {
                    throw new IllegalStateException("series too large");
                }
            }
            xs = Arrays.copyOf(xs, capacity);
            ys = Arrays.copyOf(ys, capacity);
        }
    }

    /** Drops every point. Existing snapshots keep their data. Any thread. */
    public void clear() {
        synchronized (lock) {
            xs = new double[INITIAL_CAPACITY];
            ys = new double[INITIAL_CAPACITY];
            size = 0;
            sortedByX = true;
            minX = Double.POSITIVE_INFINITY;
            maxX = Double.NEGATIVE_INFINITY;
            generation++;
            version++;
        }
    }

    public int size() {
        synchronized (lock) {
            return size;
        }
    }

    /** The current capacity of the backing arrays (for tests and diagnostics). */
    int capacity() {
        synchronized (lock) {
            return xs.length;
        }
    }

    /** A counter that changes whenever points are appended or cleared; reading it takes no lock. */
    public long version() {
        return version;
    }

    /** An immutable view of all points appended so far. Cheap: no copying. */
    public Snapshot snapshot() {
        synchronized (lock) {
            return new Snapshot(xs, ys, size, sortedByX, minX, maxX, version, generation * 2);
        }
    }

    /**
     * The series smoothed with a debiased exponential moving average, as TensorBoard does: {@code last = last * w
     * + (1 - w) * y}, shown as {@code last / (1 - w^n)} where n counts the finite values so far. Non-finite values
     * pass through unchanged and do not disturb the average. The result has the same x values and size as a
     * snapshot taken at the same moment. Extends a cached result incrementally while the weight stays the same, so
     * calling this every frame costs only the points appended since the last call.
     *
     * @param weight 0 (no smoothing) to 0.999
     */
    public Snapshot smoothed(double weight) {
        double w = Math.max(0, Math.min(0.999, weight));
        Snapshot raw;
        long rawGeneration;
        synchronized (lock) {
            raw = new Snapshot(xs, ys, size, sortedByX, minX, maxX, version, generation * 2);
            rawGeneration = generation;
        }
        synchronized (smoothLock) {
            if (w != smoothWeight || rawGeneration != smoothGeneration || raw.size < smoothCount) {
                // Start over in a fresh array: snapshots handed out earlier share the old one.
                smoothWeight = w;
                smoothGeneration = rawGeneration;
                smoothEpoch++;
                smoothYs = new double[Math.max(INITIAL_CAPACITY, raw.size)];
                smoothCount = 0;
                smoothLast = 0;
                smoothAccumulated = 0;
            }
            if (smoothYs.length < raw.size) {
                smoothYs = Arrays.copyOf(smoothYs, Math.max(raw.size, smoothYs.length * 2));
            }
            for (int i = smoothCount; i < raw.size; i++) {
                double y = raw.ys[i];
                if (!Double.isFinite(y)) {
                    smoothYs[i] = y;
                    continue;
                }
                smoothAccumulated++;
                smoothLast = smoothLast * w + (1 - w) * y;
                double debias = w == 0 ? 1 : 1 - Math.pow(w, smoothAccumulated);
                smoothYs[i] = smoothLast / debias;
            }
            smoothCount = raw.size;
            // Elements below smoothCount never change until a reset, which switches arrays: sharing is safe.
            return new Snapshot(raw.xs, smoothYs, raw.size, raw.sortedByX, raw.minX, raw.maxX, raw.version,
                    smoothEpoch * 2 + 1);
        }
    }

    /**
     * A consistent, immutable view of a series at one moment. Shares arrays with the live series, so it must never
     * be written to.
     */
    public static final class Snapshot {
        private final double[] xs;
        private final double[] ys;
        private final int size;
        private final boolean sortedByX;
        private final double minX;
        private final double maxX;
        private final long version;
        private final long lineage;

        Snapshot(double[] xs, double[] ys, int size, boolean sortedByX, double minX, double maxX, long version,
                 long lineage) {
            this.lineage = lineage;
            this.xs = xs;
            this.ys = ys;
            this.size = size;
            this.sortedByX = sortedByX;
            this.minX = minX;
            this.maxX = maxX;
            this.version = version;
        }

        public int size() {
            return size;
        }

        public boolean isEmpty() {
            return size == 0;
        }

        public double x(int i) {
            Objects.checkIndex(i, size);
            return xs[i];
        }

        public double y(int i) {
            Objects.checkIndex(i, size);
            return ys[i];
        }

        /** True if every x is greater than or equal to the one before (the normal case: iterations, epochs). */
        public boolean isSortedByX() {
            return sortedByX;
        }

        /** Smallest x, or +infinity when empty. */
        public double minX() {
            return minX;
        }

        /** Largest x, or -infinity when empty. */
        public double maxX() {
            return maxX;
        }

        public long version() {
            return version;
        }

        /**
         * Changes only when points already seen may have changed (the series was cleared, smoothing started over);
         * growth keeps it. Lets a cache of earlier points know whether it is still good.
         */
        long lineage() {
            return lineage;
        }

        /** Direct access for {@link IncrementalDecimator}; never written to. */
        double[] xArray() {
            return xs;
        }

        double[] yArray() {
            return ys;
        }

        /** Copies of the x values. */
        public double[] xValues() {
            return Arrays.copyOf(xs, size);
        }

        /** Copies of the y values. */
        public double[] yValues() {
            return Arrays.copyOf(ys, size);
        }

        /**
         * The index of the point whose x is nearest to {@code x} (ties: the earlier one), or -1 when empty. Binary
         * search when the series is sorted by x, a scan otherwise.
         */
        public int nearestIndex(double x) {
            if (size == 0) {
                return -1;
            }
            if (sortedByX) {
                int i = lowerBound(x);
                if (i >= size) {
                    return size - 1;
                }
                if (i > 0 && x - xs[i - 1] <= xs[i] - x) {
                    return i - 1;
                }
                return i;
            }
            int best = 0;
            double bestDistance = Double.POSITIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                double d = Math.abs(xs[i] - x);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        /** First index whose x is >= {@code x} (sorted series only). */
        private int lowerBound(double x) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (xs[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** First index whose x is > {@code x} (sorted series only). */
        private int upperBound(double x) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (xs[mid] <= x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /**
         * Thins the points in {@code [xMin, xMax]} for drawing {@code pixelWidth} pixels wide, keeping at most
         * {@code maxPoints}: the range is split into columns (at most one per pixel) and each column keeps its
         * lowest and highest point, in their original order, so spikes survive. The first and last points in the
         * range are always kept, and for a sorted series so are the nearest points just outside the range, so that
         * lines run to the plot's edges. Points with a non-finite y, and with {@code positiveOnly} those with y &lt;=
         * 0 (for log axes), are skipped. When few enough points are in range, all are returned.
         *
         * @param maxPoints at least 8
         */
        public Decimated decimate(double xMin, double xMax, int pixelWidth, int maxPoints, boolean positiveOnly) {
            if (maxPoints < 8) {
                throw new IllegalArgumentException("maxPoints must be at least 8: " + maxPoints);
            }
            if (size == 0 || !(xMax >= xMin)) {
                return Decimated.EMPTY;
            }
            int from = sortedByX ? lowerBound(xMin) : 0;
            int to = sortedByX ? upperBound(xMax) : size;
            return new MinMaxDecimation(xs, ys, size).run(sortedByX, from, to, xMin, xMax, pixelWidth, maxPoints,
                    positiveOnly);
        }
    }

    /** Points chosen for display: parallel arrays of length {@link #size()}. */
    public static final class Decimated {
        static final Decimated EMPTY = new Decimated(new double[0], new double[0], 0);
        private final double[] xs;
        private final double[] ys;
        private final int size;

        Decimated(double[] xs, double[] ys, int size) {
            this.xs = xs;
            this.ys = ys;
            this.size = size;
        }

        public int size() {
            return size;
        }

        public double x(int i) {
            Objects.checkIndex(i, size);
            return xs[i];
        }

        public double y(int i) {
            Objects.checkIndex(i, size);
            return ys[i];
        }
    }

}
