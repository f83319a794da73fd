package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MetricSeriesTest {

    @Test
    void appendsAndReadsBack() {
        MetricSeries s = new MetricSeries("loss");
        s.append(1, 0.5);
        s.append(2, 0.25);
        MetricSeries.Snapshot snap = s.snapshot();
        assertThat(snap.size()).isEqualTo(2);
        assertThat(snap.x(0)).isEqualTo(1);
        assertThat(snap.y(1)).isEqualTo(0.25);
        assertThat(snap.minX()).isEqualTo(1);
        assertThat(snap.maxX()).isEqualTo(2);
        assertThat(snap.isSortedByX()).isTrue();
        assertThat(s.name()).isEqualTo("loss");
    }

    @Test
    void capacityDoublesAndOldSnapshotsStayValid() {
        MetricSeries s = new MetricSeries("a");
        int initial = s.capacity();
        for (int i = 0; i < initial; i++) {
            s.append(i, i * 2);
        }
        MetricSeries.Snapshot before = s.snapshot();
        assertThat(s.capacity()).isEqualTo(initial);
        s.append(initial, 0);
        assertThat(s.capacity()).isEqualTo(initial * 2);
        for (int i = initial + 1; i < 150_000; i++) {
            s.append(i, i * 2);
        }
        assertThat(s.size()).isEqualTo(150_000);
        assertThat(s.capacity()).isGreaterThanOrEqualTo(150_000).isLessThan(300_000 + initial);
        assertThat(before.size()).isEqualTo(initial);
        assertThat(before.y(initial - 1)).isEqualTo((initial - 1) * 2);
        MetricSeries.Snapshot after = s.snapshot();
        assertThat(after.y(149_999)).isEqualTo(299_998);
        s.clear();
        assertThat(s.size()).isZero();
        assertThat(after.size()).isEqualTo(150_000);
        assertThat(after.y(5)).isEqualTo(10);
    }

    @Test
    void outOfOrderXIsNoticed() {
        MetricSeries s = new MetricSeries("a");
        s.append(2, 1);
        s.append(1, 1);
        assertThat(s.snapshot().isSortedByX()).isFalse();
    }

    @Test
    void fewPointsAreNotDecimated() {
        MetricSeries s = new MetricSeries("a");
        for (int i = 0; i < 50; i++) {
            s.append(i, Math.sin(i));
        }
        MetricSeries.Decimated d = s.snapshot().decimate(0, 49, 800, 100, false);
        assertThat(d.size()).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            assertThat(d.x(i)).isEqualTo(i);
        }
    }

    @Test
    void decimationKeepsMinAndMaxOfEveryColumnAndFirstAndLast() {
        MetricSeries s = new MetricSeries("a");
        int n = 100_000;
        java.util.Random random = new java.util.Random(7);
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = random.nextGaussian();
            s.append(i, ys[i]);
        }
        int width = 500;
        int limit = 1000;
        MetricSeries.Snapshot snap = s.snapshot();
        MetricSeries.Decimated d = snap.decimate(0, n - 1, width, limit, false);
        assertThat(d.size()).isLessThanOrEqualTo(limit).isGreaterThan(width);
        assertThat(d.x(0)).isEqualTo(0);
        assertThat(d.y(0)).isEqualTo(ys[0]);
        assertThat(d.x(d.size() - 1)).isEqualTo(n - 1);
        assertThat(d.y(d.size() - 1)).isEqualTo(ys[n - 1]);
        // x stays in order
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.x(i)).isGreaterThanOrEqualTo(d.x(i - 1));
        }
        // every column's min and max among the kept points (same column split as the decimation: width columns)
        int columns = Math.min(width, (limit - 2) / 2);
        double scale = columns / (double) (n - 1);
        List<Double> kept = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            kept.add(d.y(i));
        }
        for (int c = 0; c < columns; c++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 1; i < n - 1; i++) {
                int col = Math.min(columns - 1, (int) (i * scale));
                if (col == c) {
                    min = Math.min(min, ys[i]);
                    max = Math.max(max, ys[i]);
                }
            }
            assertThat(kept).contains(min, max);
        }
        // the global extremes are always there
        double globalMin = Double.POSITIVE_INFINITY;
        double globalMax = Double.NEGATIVE_INFINITY;
        for (double y : ys) {
            globalMin = Math.min(globalMin, y);
            globalMax = Math.max(globalMax, y);
        }
        assertThat(kept).contains(globalMin, globalMax);
    }

    @Test
    void decimationNeverExceedsTheLimit() {
        MetricSeries s = new MetricSeries("a");
        for (int i = 0; i < 20_000; i++) {
            s.append(i, (i * 7919) % 13);
        }
        MetricSeries.Snapshot snap = s.snapshot();
        for (int limit : new int[] {8, 9, 10, 50, 333, 2000}) {
            for (int width : new int[] {1, 3, 100, 5000}) {
                // zoomed in: neighbours outside the range count too
                assertThat(snap.decimate(0, 19_999, width, limit, false).size()).isLessThanOrEqualTo(limit);
                assertThat(snap.decimate(5_000, 6_000, width, limit, false).size()).isLessThanOrEqualTo(limit);
                assertThat(snap.decimate(5_000, 6_000, width, limit, true).size()).isLessThanOrEqualTo(limit);
            }
        }
    }

    @Test
    void zoomedDecimationAddsNeighboursOutsideTheRange() {
        MetricSeries s = new MetricSeries("a");
        for (int i = 0; i < 100; i++) {
            s.append(i, i);
        }
        MetricSeries.Decimated d = s.snapshot().decimate(10.5, 20.5, 400, 100, false);
        assertThat(d.x(0)).isEqualTo(10);
        assertThat(d.x(d.size() - 1)).isEqualTo(21);
        assertThat(d.size()).isEqualTo(12);
    }

    @Test
    void positiveOnlySkipsNonPositiveAndNonFiniteValues() {
        MetricSeries s = new MetricSeries("a");
        s.append(0, 1);
        s.append(1, 0);
        s.append(2, -3);
        s.append(3, Double.NaN);
        s.append(4, 2);
        MetricSeries.Decimated d = s.snapshot().decimate(0, 4, 100, 100, true);
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.y(0)).isEqualTo(1);
        assertThat(d.y(1)).isEqualTo(2);
        assertThat(s.snapshot().decimate(0, 4, 100, 100, false).size()).isEqualTo(4);
    }

    @Test
    void unsortedSeriesIsDecimatedByColumn() {
        MetricSeries s = new MetricSeries("a");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            s.append(random.nextDouble() * 100, random.nextDouble());
        }
        MetricSeries.Decimated d = s.snapshot().decimate(0, 100, 50, 100, false);
        assertThat(d.size()).isLessThanOrEqualTo(100).isGreaterThan(50);
        for (int i = 1; i < d.size(); i++) {
            assertThat(d.x(i)).isGreaterThanOrEqualTo(d.x(i - 1) - 2.0); // column order
        }
    }

    @Test
    void smoothingMatchesAHandComputedDebiasedAverage() {
        MetricSeries s = new MetricSeries("a");
        double[] ys = {1, 2, 3, 4};
        for (int i = 0; i < ys.length; i++) {
            s.append(i, ys[i]);
        }
        double w = 0.5;
        // last_1 = 0.5, / (1 - 0.5) = 1
        // last_2 = 0.25 + 1 = 1.25, / 0.75 = 1.6667
        // last_3 = 0.625 + 1.5 = 2.125, / 0.875 = 2.428571
        // last_4 = 1.0625 + 2 = 3.0625, / 0.9375 = 3.266667
        MetricSeries.Snapshot sm = s.smoothed(w);
        assertThat(sm.size()).isEqualTo(4);
        assertThat(sm.y(0)).isCloseTo(1.0, within(1e-12));
        assertThat(sm.y(1)).isCloseTo(1.25 / 0.75, within(1e-12));
        assertThat(sm.y(2)).isCloseTo(2.125 / 0.875, within(1e-12));
        assertThat(sm.y(3)).isCloseTo(3.0625 / 0.9375, within(1e-12));
        assertThat(sm.x(3)).isEqualTo(3);
        assertThat(s.smoothed(0).y(2)).isEqualTo(3);
    }

    @Test
    void incrementalSmoothingEqualsSmoothingFromScratch() {
        MetricSeries incremental = new MetricSeries("a");
        MetricSeries scratch = new MetricSeries("b");
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 5_000; i++) {
            double y = i == 100 ? Double.NaN : random.nextDouble();
            incremental.append(i, y);
            scratch.append(i, y);
            if (i % 97 == 0) {
                incremental.smoothed(0.9);
            }
        }
        MetricSeries.Snapshot a = incremental.smoothed(0.9);
        MetricSeries.Snapshot b = scratch.smoothed(0.9);
        for (int i = 0; i < 5_000; i++) {
            assertThat(Double.compare(a.y(i), b.y(i))).as("index %d", i).isZero();
        }
        assertThat(a.y(100)).isNaN();
        MetricSeries.Snapshot earlier = incremental.smoothed(0.9);
        double kept = earlier.y(10);
        incremental.smoothed(0.3);
        assertThat(earlier.y(10)).as("a snapshot handed out before a weight change keeps its values").isEqualTo(kept);
    }

    @Test
    void concurrentAppendsWhileReadingSnapshots() throws Exception {
        MetricSeries s = new MetricSeries("a");
        int perThread = 200_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread writer = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        s.append(i, 1.0);
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            writer.start();
            writers.add(writer);
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try {
                start.await();
                int lastSize = 0;
                while (!done.get()) {
                    MetricSeries.Snapshot snap = s.snapshot();
                    if (snap.size() < lastSize) {
                        throw new AssertionError("size went backwards");
                    }
                    lastSize = snap.size();
                    if (snap.size() > 0) {
                        if (snap.y(snap.size() - 1) != 1.0) {
                            throw new AssertionError("torn read");
                        }
                        snap.decimate(0, perThread, 300, 600, false);
                        s.smoothed(0.6);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        reader.start();
        start.countDown();
        for (Thread w : writers) {
            w.join();
        }
        done.set(true);
        reader.join();
        assertThat(failure.get()).isNull();
        assertThat(s.size()).isEqualTo(2 * perThread);
        assertThat(s.smoothed(0.6).size()).isEqualTo(2 * perThread);
    }
}
