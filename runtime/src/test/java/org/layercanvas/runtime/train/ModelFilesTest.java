package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A trained model saved and loaded again predicts exactly what it did before. */
class ModelFilesTest {
    @TempDir
    Path dir;

    @Test
    void saveAndLoadKeepTheModel() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        TrainingSession.Result result = new TrainingSession(base.withTraining(base.training().withEpochs(2)),
                new TrainingSession.Options("cpu", 0), e -> { }).run();
        ComputationGraph trained = result.model();
        Path file = dir.resolve("model.zip");
        ModelFiles.save(trained, file);
        assertThat(file).isRegularFile();
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }

        ComputationGraph loaded = ModelFiles.load(file);
        assertThat(loaded.numParams()).isEqualTo(trained.numParams());
        assertThat(loaded.params()).isEqualTo(trained.params());
        INDArray x = Nd4j.create(new float[][] {{0.5f, 0.5f}, {-0.5f, 0.5f}, {0.2f, -0.9f}}).castTo(DataType.FLOAT);
        assertThat(loaded.outputSingle(x)).isEqualTo(trained.outputSingle(x));

        // saving again replaces the file
        ModelFiles.save(trained, file);
        assertThat(ModelFiles.load(file).numParams()).isEqualTo(trained.numParams());
    }

    @Test
    void aFailedSaveLeavesNoFile() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        TrainingSession.Result result = new TrainingSession(base.withTraining(base.training().withEpochs(1)),
                new TrainingSession.Options("cpu", 0), e -> { }).run();
        Path missingFolder = dir.resolve("no-such-folder").resolve("model.zip");
        assertThatThrownBy(() -> ModelFiles.save(result.model(), missingFolder)).isInstanceOf(IOException.class);
        assertThat(missingFolder).doesNotExist();
    }
}
