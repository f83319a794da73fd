package org.layercanvas.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layercanvas.charts.MetricSeries;
import org.testfx.framework.junit5.ApplicationExtension;

/** The chart feed: every loss point is kept, the learning rate only where it changes and at each epoch's end. */
@ExtendWith(ApplicationExtension.class)
class TrainingChartsTest {
    @Test
    void learningRatePointsAreItsChangesAndEpochEnds() {
        TrainingCharts charts = new TrainingCharts();
        int it = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
            double rate = epoch < 3 ? 0.01 : 0.001;
            for (int k = 0; k < 10; k++) {
                it++;
                charts.iteration(it, it / 10.0, 1.0 / it, rate);
            }
            charts.epoch(epoch, it, 0.5, 0.8, 0.6, 0.7);
        }

        MetricSeries.Snapshot loss = charts.lossChart().getSeries("train").series().snapshot();
        MetricSeries.Snapshot rate = charts.rateChart().getSeries("rate").series().snapshot();
        assertThat(loss.size()).isEqualTo(30);
        // first rate at iteration 1, three epoch ends, the change at iteration 21
        assertThat(rate.size()).isEqualTo(5);
        assertThat(rate.x(rate.size() - 1)).isEqualTo(30);
        assertThat(rate.y(rate.size() - 1)).isEqualTo(0.001);

        charts.setXInEpochs(true);
        MetricSeries.Snapshot again = charts.rateChart().getSeries("rate").series().snapshot();
        assertThat(again.size()).isEqualTo(5);
        assertThat(again.x(again.size() - 1)).isEqualTo(3.0);
    }
}
