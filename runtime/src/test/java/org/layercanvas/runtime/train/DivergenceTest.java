package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;

/**
 * A loss that becomes NaN or infinite ends the run with {@code Failed("diverged")}.
 *
 * <p>The brief's "learning rate 1e6" cannot reach the training loop: the validator refuses learning rates above 10
 * ({@code training.learningRate}), so such a run fails to compile (tested below). The largest allowed rate, 10,
 * does not reliably blow up the bundled classifiers either: softmax and sigmoid outputs saturate, and their losses
 * stay finite. A regression head does diverge: digit labels 0..9 as targets of a single identity unit with mean
 * squared error and plain SGD at rate 10. Each step multiplies the output bias' error by about 1 - 2 * 10 = -19
 * (and the weights grow similarly), so the loss passes the float range within a few dozen minibatches.
 */
class DivergenceTest {

    static NetworkDocument regression(double learningRate) throws Exception {
        String json = """
                {
                  "formatVersion": 1,
                  "metadata": {"title": "Digits as a regression"},
                  "nodes": [
                    {"id": "pixels", "type": "Input", "params": {"kind": "vector", "size": 64}},
                    {"id": "hidden", "type": "Dense", "params": {"units": 32, "activation": "relu"}},
                    {"id": "value", "type": "Output", "params": {"units": 1, "loss": "mse"}}
                  ],
                  "edges": [
                    {"from": {"node": "pixels", "port": "out"}, "to": {"node": "hidden", "port": "in"}},
                    {"from": {"node": "hidden", "port": "out"}, "to": {"node": "value", "port": "in"}}
                  ],
                  "dataset": {"id": "digits", "split": {"train": 0.8, "validation": 0.0, "test": 0.2}, "seed": 0},
                  "training": {"optimizer": "sgd", "learningRate": %s, "batchSize": 32, "epochs": 5, "seed": 42}
                }
                """.formatted(Double.toString(learningRate));
        return DocumentJson.read(json, "regression.lcnet");
    }

    @Test
    void hugeLearningRateDivergesAndFailsWithCodeDiverged() throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(regression(10.0), new TrainingSession.Options("cpu", 0),
                events::add).run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.finished()).isNull();
        TrainingEvent.Failed failed = result.failed();
        assertThat(failed.failure()).isEqualTo(FailureCode.DIVERGED);
        assertThat(failed.message()).contains("learning rate").contains("learning rate (now 10)");
        assertThat(failed.epoch()).isGreaterThanOrEqualTo(1);
        assertThat(failed.iteration()).isGreaterThanOrEqualTo(1);

        assertThat(events.get(0)).isInstanceOf(TrainingEvent.Started.class);
        assertThat(events.get(events.size() - 1)).isEqualTo(failed);
        assertThat(events).noneMatch(TrainingEvent.Finished.class::isInstance);
        assertThat(events.stream().filter(TrainingEvent.Failed.class::isInstance)).hasSize(1);
        // every reported minibatch loss is finite: the non-finite one is reported only as the failure
        List<TrainingEvent.Iteration> iterations = SampleTrainingTest.iterations(events);
        assertThat(iterations).allMatch(i -> Double.isFinite(i.loss()));
        assertThat(iterations).hasSize(failed.iteration() - 1);
        assertThat(result.model()).as("the model is still handed back for inspection").isNotNull();
    }

    @Test
    void theSameNetworkWithASmallLearningRateTrains() throws Exception {
        NetworkDocument doc = regression(0.01);
        doc = doc.withTraining(doc.training().withEpochs(2));
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), e -> { })
                .run();
        assertThat(result.succeeded()).as("%s", result.failed()).isTrue();
        assertThat(result.finished().testLoss()).isFinite();
    }

    @Test
    void learningRateAboveTheAllowedRangeIsRefusedBeforeTraining() throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        NetworkDocument xor = SampleTrainingTest.sample("xor-2d");
        NetworkDocument doc = xor.withTraining(xor.training().withLearningRate(1e6));
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), events::add)
                .run();
        assertThat(result.failed().failure()).isEqualTo(FailureCode.COMPILE);
        assertThat(result.failed().message()).startsWith("training.learningRate: ").contains("1000000");
        assertThat(events).containsExactly(result.failed());
    }
}
