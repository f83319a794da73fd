package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The early-stopping rule on its own, epoch by epoch. */
class EarlyStoppingRuleTest {
    @Test
    void stopsAfterPatienceEpochsWithoutImprovement() {
        EarlyStopping rule = new EarlyStopping(2);
        assertThat(rule.shouldStop(1.0, 9)).isFalse(); // best 1.0
        assertThat(rule.shouldStop(0.8, 9)).isFalse(); // best 0.8
        assertThat(rule.shouldStop(0.9, 9)).isFalse(); // 1 without improvement
        assertThat(rule.shouldStop(0.8, 9)).isTrue();  // 2: equal is no improvement
    }

    @Test
    void anImprovementStartsTheCountAgain() {
        EarlyStopping rule = new EarlyStopping(2);
        rule.shouldStop(1.0, 0);
        assertThat(rule.shouldStop(1.5, 0)).isFalse();
        assertThat(rule.shouldStop(0.5, 0)).isFalse();
        assertThat(rule.shouldStop(0.6, 0)).isFalse();
        assertThat(rule.shouldStop(0.7, 0)).isTrue();
    }

    @Test
    void improvementsBelowTheToleranceDoNotCount() {
        EarlyStopping rule = new EarlyStopping(1);
        rule.shouldStop(1.0, 0);
        assertThat(rule.shouldStop(1.0 - 1e-12, 0)).isTrue();
    }

    @Test
    void withoutValidationTheTrainingLossIsWatched() {
        EarlyStopping rule = new EarlyStopping(1);
        assertThat(rule.shouldStop(Double.NaN, 2.0)).isFalse();
        assertThat(rule.shouldStop(Double.NaN, 1.0)).isFalse();
        assertThat(rule.shouldStop(Double.NaN, 1.5)).isTrue();
    }

    @Test
    void patienceZeroNeverStops() {
        EarlyStopping rule = new EarlyStopping(0);
        for (int e = 0; e < 10; e++) {
            assertThat(rule.shouldStop(1.0, 1.0)).isFalse();
        }
    }
}
