package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IncrementalDecimatorTest {

    private static List<Double> ys(MetricSeries.Decimated d) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            out.add(d.y(i));
        }
        return out;
    }

    @Test
    void growingSeriesStaysWithinTheLimitAndKeepsExtremesAndEnds() {
        MetricSeries s = new MetricSeries("a");
        IncrementalDecimator decimator = new IncrementalDecimator();
        Random random = new Random(2);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double firstY = 0;
        int limit = 500;
        for (int frame = 0; frame < 300; frame++) {
            for (int j = 0; j < 1 + random.nextInt(700); j++) {
                int i = s.size();
                double y = random.nextGaussian() + (i == 12_345 ? 50 : 0);
                if (i == 0) {
                    firstY = y;
                }
                min = Math.min(min, y);
                max = Math.max(max, y);
                s.append(i, y);
            }
            MetricSeries.Snapshot snap = s.snapshot();
            MetricSeries.Decimated d = decimator.update(snap, 400, limit, false);
            assertThat(d.size()).isLessThanOrEqualTo(limit);
            assertThat(d.x(0)).isZero();
            assertThat(d.y(0)).isEqualTo(firstY);
            assertThat(d.x(d.size() - 1)).isEqualTo(snap.size() - 1);
            assertThat(ys(d)).contains(min, max);
            for (int i = 1; i < d.size(); i++) {
                assertThat(d.x(i)).isGreaterThan(d.x(i - 1));
            }
            if (snap.size() > 10_000) {
                assertThat(d.size()).as("uses most of its columns").isGreaterThan(limit / 4);
            }
        }
    }

    @Test
    void matchesTheFullScanForTheSameColumns() {
        // With few enough points nothing is thinned: both give every point.
        MetricSeries s = new MetricSeries("a");
        for (int i = 0; i < 100; i++) {
            s.append(i * 0.5, Math.sin(i));
        }
        MetricSeries.Decimated d = new IncrementalDecimator().update(s.snapshot(), 800, 2000, false);
        assertThat(d.size()).isEqualTo(100);
    }

    @Test
    void startsOverWhenTheSeriesIsClearedOrLogScaleToggles() {
        MetricSeries s = new MetricSeries("a");
        IncrementalDecimator decimator = new IncrementalDecimator();
        for (int i = 0; i < 5000; i++) {
            s.append(i, i % 7 - 3);
        }
        assertThat(decimator.update(s.snapshot(), 300, 600, false).size()).isLessThanOrEqualTo(600);
        MetricSeries.Decimated positive = decimator.update(s.snapshot(), 300, 600, true);
        assertThat(ys(positive)).allMatch(y -> y > 0);
        s.clear();
        s.append(10, 1);
        s.append(11, 2);
        MetricSeries.Decimated after = decimator.update(s.snapshot(), 300, 600, false);
        assertThat(after.size()).isEqualTo(2);
        assertThat(after.x(0)).isEqualTo(10);
    }

    @Test
    void smoothedLinesRestartWhenTheWeightChanges() {
        MetricSeries s = new MetricSeries("a");
        IncrementalDecimator decimator = new IncrementalDecimator();
        for (int i = 0; i < 3000; i++) {
            s.append(i, i % 2 == 0 ? 0 : 10);
        }
        MetricSeries.Decimated heavy = decimator.update(s.smoothed(0.99), 300, 600, false);
        MetricSeries.Decimated none = decimator.update(s.smoothed(0), 300, 600, false);
        assertThat(ys(none)).contains(0.0, 10.0);
        assertThat(ys(heavy).get(heavy.size() - 1)).isBetween(4.0, 6.0);
    }

    @Test
    void unsortedSeriesIsLeftToTheFullScan() {
        MetricSeries s = new MetricSeries("a");
        s.append(2, 1);
        s.append(1, 1);
        assertThat(new IncrementalDecimator().update(s.snapshot(), 100, 100, false)).isNull();
    }
}
