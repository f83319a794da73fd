package org.layercanvas.runtime.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.compile.Networks.chain;
import static org.layercanvas.runtime.compile.Networks.dense;
import static org.layercanvas.runtime.compile.Networks.of;
import static org.layercanvas.runtime.compile.Networks.output;
import static org.layercanvas.runtime.compile.Networks.vectorInput;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.samples.Samples;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.TrainingSession;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Which engine a run gets, what it says about it, and that a plan-trained model is a complete DL4J model. */
class EngineChoiceTest {
    @TempDir
    Path dir;

    private static List<TrainingEvent> run(NetworkDocument doc, EnginePreference engine) {
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result r = new TrainingSession(doc, new TrainingSession.Options("cpu", 1, false, null, engine),
                events::add).run();
        assertThat(r.succeeded()).as("%s", r.failed()).isTrue();
        return events;
    }

    private static TrainingEvent.Started started(List<TrainingEvent> events) {
        return events.stream().filter(TrainingEvent.Started.class::isInstance).map(TrainingEvent.Started.class::cast)
                .findFirst().orElseThrow();
    }

    @Test
    void aNetworkThePlanCoversTrainsWithThePlanAndSaysSo() throws Exception {
        NetworkDocument doc = sample("digits-mlp");
        TrainingEvent.Started s = started(run(doc.withTraining(doc.training().withEpochs(1)), EnginePreference.AUTO));
        assertThat(s.engine()).isEqualTo("plan");
        assertThat(s.engineReason()).contains("covers every layer");
    }

    @Test
    void aLayerThePlanLacksFallsBackToDl4jNamingTheNode() throws Exception {
        NetworkDocument doc = chain(vectorInput(2), of(LayerType.LAYER_NORM), dense(4, "tanh"), output(2, "softmax_ce"));
        doc = doc.withDataset(sample("xor-2d").dataset());
        TrainingEvent.Started s = started(run(doc.withTraining(doc.training().withEpochs(1)), EnginePreference.AUTO));
        assertThat(s.engine()).isEqualTo("dl4j");
        assertThat(s.engineReason()).startsWith("DL4J, because").contains("LayerNorm").contains("layernorm1");
    }

    static NetworkDocument sample(String name) throws Exception {
        return DocumentJson.read(Samples.text(name).orElseThrow(), name);
    }

    @Test
    void dl4jCanBeAskedFor() throws Exception {
        NetworkDocument doc = sample("xor-2d");
        TrainingEvent.Started s = started(run(doc.withTraining(doc.training().withEpochs(1)), EnginePreference.DL4J));
        assertThat(s.engine()).isEqualTo("dl4j");
        assertThat(s.engineReason()).isEqualTo("DL4J, as requested");
    }

    @Test
    void aModelThePlanTrainedIsSavedAsDl4jWithItsOptimizerState() throws Exception {
        NetworkDocument doc = sample("digits-mlp");
        TrainingSession.Result r = new TrainingSession(doc.withTraining(doc.training().withEpochs(2)),
                new TrainingSession.Options("cpu", 1, false, null, EnginePreference.PLAN), e -> { }).run();
        ComputationGraph trained = r.model();
        // 2 epochs of ceil(1078 / 32) = 34 minibatches
        assertThat(trained.getIterationCount()).as("the plan counts iterations as DL4J's fit does").isEqualTo(68);
        assertThat(trained.getEpochCount()).isEqualTo(2);
        Path file = dir.resolve("model.zip");
        ModelFiles.save(trained, file);
        ComputationGraph loaded = ModelFiles.load(file);
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 64);
        assertThat(loaded.outputSingle(x)).isEqualTo(trained.outputSingle(x));
        // Adam's moments are the plan's, kept in DL4J's own state array: nonzero after training, saved and loaded
        INDArray state = trained.getUpdater().getStateViewArray();
        assertThat(state.amaxNumber().doubleValue()).isGreaterThan(0);
        assertThat(loaded.getUpdater().getStateViewArray()).isEqualTo(state);
        assertThat(loaded.getIterationCount()).isEqualTo(68);
    }
}
