package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Split;
import org.layercanvas.model.TrainingSettings;

/** Patience ends a run once the validation loss stops improving. */
class EarlyStoppingTest {

    static NetworkDocument digitsWithValidation(int patience, int epochs) throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("digits-mlp");
        TrainingSettings t = base.training();
        // Adam at 0.01 on 1078 training digits: the validation loss bottoms out after a handful of epochs and
        // then wobbles or rises as the network overfits.
        TrainingSettings settings = new TrainingSettings(t.optimizer(), 0.01, t.momentum(), t.schedule(),
                t.batchSize(), epochs, t.weightDecay(), t.seed(), patience, t.gradientClip());
        return base.withTraining(settings)
                .withDataset(new org.layercanvas.model.DatasetSpec(base.dataset().id(), base.dataset().options(),
                        new Split(0.6, 0.2, 0.2), base.dataset().seed()));
    }

    @Test
    void stopsEarlyWhenValidationLossStopsImproving() throws Exception {
        int configured = 60;
        int patience = 2;
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(digitsWithValidation(patience, configured),
                new TrainingSession.Options("cpu", 0), events::add).run();

        assertThat(result.succeeded()).isTrue();
        TrainingEvent.Finished f = result.finished();
        assertThat(f.endReason()).isEqualTo(EndReason.EARLY_STOPPED);
        assertThat(f.epochsCompleted()).isLessThan(configured);

        List<TrainingEvent.Epoch> epochs = SampleTrainingTest.epochs(events);
        assertThat(epochs).hasSize(f.epochsCompleted());
        assertThat(epochs).allMatch(e -> Double.isFinite(e.validationLoss()));
        // The run stopped right after `patience` epochs in a row that did not beat the best earlier loss...
        int n = epochs.size();
        double bestBefore = epochs.subList(0, n - patience).stream().mapToDouble(TrainingEvent.Epoch::validationLoss)
                .min().orElseThrow();
        for (TrainingEvent.Epoch e : epochs.subList(n - patience, n)) {
            assertThat(e.validationLoss()).as("validation loss of epoch %d", e.epoch())
                    .isGreaterThanOrEqualTo(bestBefore - 1e-9);
        }
        // ...and not earlier: before that, no run of `patience` non-improving epochs occurred.
        double best = Double.POSITIVE_INFINITY;
        int without = 0;
        for (TrainingEvent.Epoch e : epochs.subList(0, n - 1)) {
            if (e.validationLoss() < best - 1e-9) {
                best = e.validationLoss();
                without = 0;
            } else {
                without++;
            }
            assertThat(without).as("epochs without improvement after epoch %d", e.epoch()).isLessThan(patience);
        }
        assertThat(f.testAccuracy()).isGreaterThan(0.8);
    }

    @Test
    void patienceZeroNeverStopsEarly() throws Exception {
        TrainingSession.Result result = new TrainingSession(digitsWithValidation(0, 4),
                new TrainingSession.Options("cpu", 0), e -> { }).run();
        assertThat(result.finished().endReason()).isEqualTo(EndReason.COMPLETED);
        assertThat(result.finished().epochsCompleted()).isEqualTo(4);
    }
}
