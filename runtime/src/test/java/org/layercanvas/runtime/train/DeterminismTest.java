package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layercanvas.model.NetworkDocument;

/** The same document and seed give the same run; another seed gives another run. */
class DeterminismTest {

    /** Final train loss (last Epoch event) and test loss of a run. */
    record Outcome(double trainLoss, double testLoss, List<Double> iterationLosses) {
    }

    static Outcome train(NetworkDocument doc) {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result r = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), events::add).run();
        assertThat(r.succeeded()).as("run failed: %s", r.failed()).isTrue();
        List<TrainingEvent.Epoch> epochs = SampleTrainingTest.epochs(events);
        return new Outcome(epochs.get(epochs.size() - 1).trainLoss(), r.finished().testLoss(),
                SampleTrainingTest.iterations(events).stream().map(TrainingEvent.Iteration::loss).toList());
    }

    @ParameterizedTest
    @CsvSource({"digits-mlp, 3", "xor-2d, 5"})
    void sameSeedSameLossesOtherSeedOtherLosses(String sample, int epochs) throws Exception {
        NetworkDocument base = SampleTrainingTest.sample(sample);
        NetworkDocument doc = base.withTraining(base.training().withEpochs(epochs));

        Outcome first = train(doc);
        Outcome second = train(doc);
        assertThat(second.trainLoss()).isCloseTo(first.trainLoss(), within(1e-5));
        assertThat(second.testLoss()).isCloseTo(first.testLoss(), within(1e-5));
        assertThat(second.iterationLosses()).hasSameSizeAs(first.iterationLosses());
        for (int i = 0; i < first.iterationLosses().size(); i++) {
            assertThat(second.iterationLosses().get(i)).as("loss of iteration %d", i + 1)
                    .isCloseTo(first.iterationLosses().get(i), within(1e-5));
        }

        Outcome other = train(doc.withTraining(doc.training().withSeed(doc.training().seed() + 1)));
        assertThat(Math.abs(other.trainLoss() - first.trainLoss()))
                .as("train loss with another seed").isGreaterThan(1e-5);
        assertThat(other.iterationLosses().get(0)).as("first minibatch loss with another seed")
                .isNotCloseTo(first.iterationLosses().get(0), within(1e-7));
    }
}
