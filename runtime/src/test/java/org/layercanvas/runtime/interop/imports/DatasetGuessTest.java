package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.shape.TensorShape;

/** An imported tutorial network gets the dataset its shapes come from, and says so; other shapes get none. */
class DatasetGuessTest {
    @TempDir
    Path dir;

    @Test
    void theClassicTutorialShapesNameTheirDatasets() {
        assertThat(DatasetGuess.guess(TensorShape.image(28, 28, 1), 10)).get().extracting(s -> s.id())
                .isEqualTo("mnist");
        assertThat(DatasetGuess.guess(TensorShape.vector(784), 10)).get().extracting(s -> s.id()).isEqualTo("mnist");
        assertThat(DatasetGuess.guess(TensorShape.image(32, 32, 3), 10)).get().extracting(s -> s.id())
                .isEqualTo("cifar10");
        assertThat(DatasetGuess.guess(TensorShape.vector(64), 10)).get().extracting(s -> s.id()).isEqualTo("digits");
        assertThat(DatasetGuess.guess(TensorShape.tokens(80, 20_000), 1)).get()
                .satisfies(s -> {
                    assertThat(s.id()).isEqualTo("imdb");
                    assertThat(s.options()).isEqualTo(Map.of("length", 80, "vocab", 20_000));
                });
        assertThat(DatasetGuess.guess(TensorShape.vector(784), 5)).isEmpty();
        assertThat(DatasetGuess.guess(TensorShape.vector(2), 2)).isEmpty();
        assertThat(DatasetGuess.guess(TensorShape.image(64, 64, 3), 10)).isEmpty();
        assertThat(DatasetGuess.guess(TensorShape.tokens(80, 20_000), 5)).isEmpty();
    }

    @Test
    void anImportedMnistNetworkIsReadyToTrainOnMnistAndTheImportSaysWhy() throws Exception {
        Path file = dir.resolve("course.mmd");
        Files.writeString(file, """
                flowchart TD
                  A[Input 28x28x1] --> B[Flatten] --> C[Dense 128 relu] --> D[Output 10 softmax]
                """);
        ImportResult r = Importers.read(file);
        assertThat(r.document().dataset().id()).isEqualTo("mnist");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.what()).startsWith("dataset set to mnist")
                .contains("10 classes"));

        Path other = dir.resolve("other.mmd");
        Files.writeString(other, """
                flowchart TD
                  A[Input 5] --> B[Dense 8 relu] --> C[Output 3 softmax]
                """);
        assertThat(Importers.read(other).document().dataset()).isNull();
    }

    /** A review classifier ending in one sigmoid unit was told to have "1 classes" (a real tf.keras 2 file did). */
    @Test
    void oneSigmoidOutputIsSaidToBeTwoClassesNotOne() throws Exception {
        Path file = dir.resolve("reviews.json");
        Files.writeString(file, """
                {"class_name": "Sequential", "keras_version": "2.11.0", "config": {"name": "sequential", "layers": [
                  {"class_name": "InputLayer", "config": {"name": "in", "batch_input_shape": [null, 40]}},
                  {"class_name": "Embedding", "config": {"name": "embedding", "input_dim": 500, "output_dim": 8}},
                  {"class_name": "GlobalAveragePooling1D", "config": {"name": "pool"}},
                  {"class_name": "Dense", "config": {"name": "dense", "units": 1, "activation": "sigmoid"}}]}}
                """);
        ImportResult r = Importers.read(file);
        assertThat(r.document().dataset().id()).isEqualTo("imdb");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.what()).startsWith("dataset set to imdb")
                .contains("one output (two classes)").doesNotContain("1 classes"));
    }
}
