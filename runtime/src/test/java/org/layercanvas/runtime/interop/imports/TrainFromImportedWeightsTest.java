package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.TrainingSession;
import org.layercanvas.samples.Samples;

/** A run starts from an imported model's kept weights: it carries on where the model was, instead of from scratch. */
class TrainFromImportedWeightsTest {
    @TempDir
    Path dir;

    @Test
    void aRunStartedFromImportedWeightsCarriesOn() throws Exception {
        NetworkDocument sample = DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
        TrainingSession.Result trained = new TrainingSession(sample, new TrainingSession.Options("cpu", 1), e -> { })
                .run();
        assertThat(trained.succeeded()).as("%s", trained.failed()).isTrue();
        Path zip = dir.resolve("xor.zip");
        ModelFiles.save(trained.model(), zip);

        ImportResult imported = Importers.read(zip);
        NetworkDocument oneEpoch = imported.document().withDataset(sample.dataset())
                .withTraining(sample.training().withEpochs(1).withLearningRate(1e-6));
        TrainingSession.Result resumed = new TrainingSession(oneEpoch, new TrainingSession.Options("cpu", 1),
                e -> { }).startingFrom(imported.weights().source()).run();
        TrainingSession.Result scratch = new TrainingSession(oneEpoch, new TrainingSession.Options("cpu", 1),
                e -> { }).run();

        assertThat(resumed.succeeded()).as("%s", resumed.failed()).isTrue();
        // with a learning rate too small to learn anything in one epoch, only the loaded weights explain the result
        assertThat(resumed.finished().testAccuracy()).isGreaterThanOrEqualTo(
                trained.finished().testAccuracy() - 0.02).isGreaterThan(scratch.finished().testAccuracy() + 0.1);
    }

    @Test
    void weightsThatDoNotFitFailTheRunBeforeItTrains() throws Exception {
        NetworkDocument sample = DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
        TrainingSession.Result r = new TrainingSession(sample, new TrainingSession.Options("cpu", 1), e -> { })
                .startingFrom(ImportFixtures.keras("simple_rnn_tf_keras_2_model.h5")).run();
        assertThat(r.succeeded()).isFalse();
        assertThat(r.failed().code()).isEqualTo("compile");
        assertThat(r.failed().message()).startsWith("the weights cannot be loaded: ");
    }
}
