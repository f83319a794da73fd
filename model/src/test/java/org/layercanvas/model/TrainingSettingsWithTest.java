package org.layercanvas.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Each {@code with...} changes its own setting and keeps every other one. */
class TrainingSettingsWithTest {
    private final TrainingSettings base = new TrainingSettings(Optimizer.SGD, 0.1, 0.5, LrSchedule.FIXED, 16, 7,
            0.01, 3, 4, 2.0);

    @Test
    void eachWithChangesOnlyItsSetting() {
        assertThat(base.withOptimizer(Optimizer.ADAM)).isEqualTo(new TrainingSettings(Optimizer.ADAM, 0.1, 0.5,
                LrSchedule.FIXED, 16, 7, 0.01, 3, 4, 2.0));
        assertThat(base.withMomentum(0.9)).isEqualTo(new TrainingSettings(Optimizer.SGD, 0.1, 0.9,
                LrSchedule.FIXED, 16, 7, 0.01, 3, 4, 2.0));
        assertThat(base.withWeightDecay(0.2)).isEqualTo(new TrainingSettings(Optimizer.SGD, 0.1, 0.5,
                LrSchedule.FIXED, 16, 7, 0.2, 3, 4, 2.0));
        assertThat(base.withEarlyStoppingPatience(9)).isEqualTo(new TrainingSettings(Optimizer.SGD, 0.1, 0.5,
                LrSchedule.FIXED, 16, 7, 0.01, 3, 9, 2.0));
        assertThat(base.withGradientClip(5.0)).isEqualTo(new TrainingSettings(Optimizer.SGD, 0.1, 0.5,
                LrSchedule.FIXED, 16, 7, 0.01, 3, 4, 5.0));
        assertThat(base.withBatchSize(64).batchSize()).isEqualTo(64);
        assertThat(base.withSchedule(base.schedule())).isEqualTo(base);
    }
}
