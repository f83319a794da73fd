package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.TrainingSettings;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;
import org.junit.jupiter.api.Test;

/** The bundled samples train to good accuracy with their own settings, and report a well-formed event stream. */
class SampleTrainingTest {

    static NetworkDocument sample(String name) throws Exception {
        return DocumentJson.read(Samples.text(name).orElseThrow(), name);
    }

    @Test
    void xorSampleLearnsXor() throws Exception {
        NetworkDocument doc = sample("xor-2d");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), events::add)
                .run();

        assertThat(result.failed()).isNull();
        assertThat(result.succeeded()).isTrue();
        assertThat(result.finished().testAccuracy()).isGreaterThanOrEqualTo(0.97);
        // 500 examples split 0.7 / 0.1 / 0.2
        assertWellFormed(events, doc.training(), 350, 50, 100);
        assertThat(result.finished().endReason()).isEqualTo(EndReason.COMPLETED);
        // a validation split exists, so every epoch has finite validation numbers
        epochs(events).forEach(e -> {
            assertThat(e.validationLoss()).isFinite();
            assertThat(e.validationAccuracy()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void digitsSampleLearnsDigits() throws Exception {
        NetworkDocument doc = sample("digits-mlp");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), events::add)
                .run();

        assertThat(result.failed()).isNull();
        // (0.95-0.96 measured over seeds with 1,078 training examples and 20 epochs)
        assertThat(result.finished().testAccuracy()).isGreaterThanOrEqualTo(0.93);
        // 1797 examples split 0.6 / 0.2 / 0.2 as in the classic example's validation split: round(1078.2) = 1078
        // train, round(359.4) = 359 validation, the rest test
        assertWellFormed(events, doc.training(), 1078, 359, 360);
        epochs(events).forEach(e -> assertThat(e.validationAccuracy()).isBetween(0.0, 1.0));
        assertThat(epochs(events).get(epochs(events).size() - 1).validationAccuracy()).isGreaterThan(0.9);
        assertThat(result.model()).isNotNull();
        assertThat(result.model().numParams()).isEqualTo(64 * 128 + 128 + 128 * 10 + 10);
    }

    static List<TrainingEvent.Epoch> epochs(List<TrainingEvent> events) {
        return events.stream().filter(TrainingEvent.Epoch.class::isInstance).map(TrainingEvent.Epoch.class::cast)
                .toList();
    }

    static List<TrainingEvent.Iteration> iterations(List<TrainingEvent> events) {
        return events.stream().filter(TrainingEvent.Iteration.class::isInstance)
                .map(TrainingEvent.Iteration.class::cast).toList();
    }

    private static void assertWellFormed(List<TrainingEvent> events, TrainingSettings t, int train, int validation,
                                         int test) {
        assertThat(events).isNotEmpty();
        assertThat(events.get(0)).isInstanceOf(TrainingEvent.Started.class);
        TrainingEvent.Started started = (TrainingEvent.Started) events.get(0);
        assertThat(started.trainExamples()).isEqualTo(train);
        assertThat(started.validationExamples()).isEqualTo(validation);
        assertThat(started.testExamples()).isEqualTo(test);
        assertThat(started.epochs()).isEqualTo(t.epochs());
        assertThat(started.batchSize()).isEqualTo(t.batchSize());
        assertThat(started.seed()).isEqualTo(t.seed());
        assertThat(started.device()).isEqualTo("cpu");
        assertThat(started.parameters()).isPositive();

        TrainingEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOf(TrainingEvent.Finished.class);
        List<TrainingEvent> all = events.subList(1, events.size() - 1);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof TrainingEvent.Epoch ep) {
                assertThat(all.get(i + 1)).as("histograms follow epoch %d", ep.epoch())
                        .isInstanceOfSatisfying(TrainingEvent.Histograms.class,
                                h -> assertThat(h.epoch()).isEqualTo(ep.epoch()));
            }
        }
        List<TrainingEvent> middle = all.stream().filter(e -> !(e instanceof TrainingEvent.Histograms)).toList();
        assertThat(middle).allMatch(e -> e instanceof TrainingEvent.Iteration || e instanceof TrainingEvent.Epoch);
        assertThat(events.stream().filter(e -> e instanceof TrainingEvent.Finished || e instanceof TrainingEvent.Failed
                || e instanceof TrainingEvent.Started)).hasSize(2);

        int batchesPerEpoch = (train + t.batchSize() - 1) / t.batchSize();
        int expectedIteration = 1;
        int epoch = 1;
        int iterationsInEpoch = 0;
        for (TrainingEvent e : middle) {
            if (e instanceof TrainingEvent.Iteration it) {
                assertThat(it.iteration()).as("iteration numbers count up by one").isEqualTo(expectedIteration++);
                assertThat(it.epoch()).isEqualTo(epoch);
                assertThat(it.loss()).as("iteration %d loss", it.iteration()).isFinite();
                assertThat(it.learningRate()).isEqualTo(t.learningRate());
                assertThat(it.samplesPerSecond()).isPositive();
                iterationsInEpoch++;
            } else {
                TrainingEvent.Epoch ep = (TrainingEvent.Epoch) e;
                assertThat(ep.epoch()).isEqualTo(epoch++);
                assertThat(iterationsInEpoch).as("minibatches in epoch %d", ep.epoch()).isEqualTo(batchesPerEpoch);
                iterationsInEpoch = 0;
                assertThat(ep.trainLoss()).isFinite();
                assertThat(ep.trainAccuracy()).isBetween(0.0, 1.0);
                assertThat(ep.seconds()).isPositive();
                assertThat(ep.samplesPerSecond()).isPositive();
            }
        }
        assertThat(iterationsInEpoch).as("no minibatches after the last Epoch event").isZero();
        assertThat(epochs(events)).hasSize(t.epochs());

        TrainingEvent.Finished f = (TrainingEvent.Finished) last;
        assertThat(f.epochsCompleted()).isEqualTo(t.epochs());
        assertThat(f.iterations()).isEqualTo(expectedIteration - 1).isEqualTo(t.epochs() * batchesPerEpoch);
        assertThat(f.testLoss()).isFinite();
        assertThat(f.samplesPerSecond()).isPositive();
        assertThat(f.wallSeconds()).isPositive();
        assertThat(f.device()).isEqualTo("cpu");
    }
}
