package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.LrSchedule;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;

class LearningRateScheduleTest {

    private static NetworkDocument xorWith(LrSchedule schedule, int epochs) throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
        TrainingSettings t = doc.training();
        return doc.withTraining(new TrainingSettings(t.optimizer(), 0.2, t.momentum(), schedule, t.batchSize(),
                epochs, t.weightDecay(), t.seed(), 0, 0));
    }

    private static List<TrainingEvent.Epoch> train(NetworkDocument doc, ComputationGraph[] model) {
        List<TrainingEvent.Epoch> epochs = new ArrayList<>();
        TrainingSession session = new TrainingSession(doc, TrainingSession.Options.DEFAULT, e -> {
            if (e instanceof TrainingEvent.Epoch ep) {
                epochs.add(ep);
            }
        });
        TrainingSession.Result result = session.run();
        assertThat(result.succeeded()).isTrue();
        model[0] = result.model();
        return epochs;
    }

    @Test
    void stepScheduleHalvesTheRateEveryEpochInEventsAndInTheUpdater() throws Exception {
        ComputationGraph[] model = new ComputationGraph[1];
        List<TrainingEvent.Epoch> epochs = train(xorWith(new LrSchedule(LrSchedule.Type.STEP, 0.5, 1), 3), model);

        assertThat(epochs).extracting(TrainingEvent.Epoch::learningRate).containsExactly(0.2, 0.1, 0.05);
        // DL4J counted the epochs and its updater follows the same table.
        assertThat(model[0].getConfiguration().getEpochCount()).isEqualTo(3);
        BaseLayer hidden = (BaseLayer) model[0].getLayer("hidden1").conf().getLayer();
        assertThat(hidden.getIUpdater().getLearningRate(0, 2)).isCloseTo(0.05, within(1e-12));
        assertThat(hidden.getIUpdater().getLearningRate(0, 0)).isCloseTo(0.2, within(1e-12));
    }

    @Test
    void cosineScheduleFallsTowardsZero() throws Exception {
        ComputationGraph[] model = new ComputationGraph[1];
        List<TrainingEvent.Epoch> epochs = train(xorWith(new LrSchedule(LrSchedule.Type.COSINE, 1, 1), 4), model);

        assertThat(epochs).extracting(TrainingEvent.Epoch::learningRate)
                .containsExactly(0.2, 0.2 * 0.5 * (1 + Math.cos(Math.PI / 4)), 0.1,
                        0.2 * 0.5 * (1 + Math.cos(3 * Math.PI / 4)));
    }

    @Test
    void fixedRateStaysPut() throws Exception {
        ComputationGraph[] model = new ComputationGraph[1];
        List<TrainingEvent.Epoch> epochs = train(xorWith(LrSchedule.FIXED, 2), model);
        assertThat(epochs).extracting(TrainingEvent.Epoch::learningRate).containsExactly(0.2, 0.2);
    }
}
