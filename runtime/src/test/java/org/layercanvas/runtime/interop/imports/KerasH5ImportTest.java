package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.analyze;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.failure;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.keras;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.node;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.params;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.texts;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.warnings;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Analysis;

/**
 * Real Keras full-model {@code .h5} files: the architecture from {@code model_config}, the weights kept, their
 * count per layer equal to the imported document's parameter count; damaged files end in one clear error.
 */
class KerasH5ImportTest {
    @TempDir
    Path dir;

    @Test
    void keras2LstmModelWithHardSigmoidGatesImportsWithItsWeights() throws Exception {
        Path file = keras("simple_lstm_tf_keras_2_model.h5");
        ImportResult r = Importers.read(file);
        NetworkDocument doc = r.document();
        assertThat(node(doc, "lstm_1").type()).isEqualTo(LayerType.LSTM);
        assertThat(node(doc, "dense_1").params()).containsEntry("units", 1).containsEntry("loss", "mse");
        assertThat(node(doc, "input").params()).containsEntry("kind", "timeseries").containsEntry("length", 1)
                .containsEntry("features", 1);
        // LSTM(50) on 1 feature: 4 * (1*50 + 50*50 + 50); Dense(1): 51
        assertThat(params(doc)).isEqualTo(10_451);
        // Keras 2's default hard_sigmoid gates are the LSTM's gate option: the weights are kept
        assertThat(node(doc, "lstm_1").params()).containsEntry("gateActivation", "hard_sigmoid");
        assertThat(r.weights()).isNotNull();
        assertThat(r.weights().total()).isEqualTo(10_451);
        assertThat(warnings(r)).noneMatch(w -> w.contains("weights") || w.contains("hard_sigmoid"));
    }

    @Test
    void lstmModelWithSigmoidGatesKeepsItsWeightsAndEveryLayersCountMatches() throws Exception {
        Path file = keras("keras3_lstm.h5");
        ImportResult r = Importers.read(file);
        assertThat(r.weights()).isNotNull();
        assertThat(r.weights().format()).isEqualTo(ImportedWeights.Format.KERAS_H5);
        assertThat(r.weights().source()).isEqualTo(file);
        assertThat(r.weights().total()).isEqualTo(analyze(r.document()).totalParams()).isEqualTo(192);
        assertThat(r.weights().countsPerNode()).containsEntry("lstm", 180L).containsEntry("out", 12L);
        assertThat(warnings(r)).noneMatch(w -> w.contains("weights"));
    }

    @Test
    void simpleRnnModelWeightsEqualTheDocumentsParameterCount() throws Exception {
        ImportResult r = Importers.read(keras("simple_rnn_tf_keras_2_model.h5"));
        assertThat(r.document().nodes()).extracting(n -> n.type()).contains(LayerType.SIMPLE_RNN);
        assertThat(r.weights().total()).isPositive().isEqualTo(params(r.document()));
        assertThat(warnings(r)).noneMatch(w -> w.contains("weights for this layer"));
    }

    @Test
    void functionalLstmModelImports() throws Exception {
        ImportResult r = Importers.read(keras("lstm_functional_tf_keras_2.h5"));
        assertThat(r.document().nodes()).extracting(n -> n.type()).contains(LayerType.INPUT, LayerType.LSTM,
                LayerType.OUTPUT);
        assertThat(r.weights()).as("Keras 2 hard_sigmoid gates: weights kept").isNotNull();
    }

    @Test
    void keras1ModelIsRefused() {
        ImportException e = failure(keras("simple_lstm_tf_keras_1_model.h5"));
        assertThat(texts(e)).singleElement().asString().contains("simple_lstm_tf_keras_1_model.h5")
                .contains("Keras 1");
    }

    @Test
    void aTruncatedFileIsOneClearErrorNotAStackTrace() throws Exception {
        byte[] whole = Files.readAllBytes(keras("simple_lstm_tf_keras_2_model.h5"));
        for (int length : new int[] {8, 600, 4096, whole.length / 2}) {
            Path cut = dir.resolve("cut" + length + ".h5");
            Files.write(cut, java.util.Arrays.copyOf(whole, length));
            ImportException e = failure(cut);
            assertThat(e.unreadable()).as("cut at %d", length).isTrue();
            assertThat(texts(e)).as("cut at %d", length).singleElement().asString()
                    .startsWith("cut" + length + ".h5: ");
        }
    }

    @Test
    void aFileNamedH5WithoutTheSignatureIsRefused() throws Exception {
        Path fake = ImportFixtures.write(dir, "model.h5", "not hdf5 at all");
        assertThat(texts(failure(fake))).singleElement().asString().contains("HDF5 signature");
    }

    /**
     * A model kept in Git LFS and cloned without it is a 130-byte text file; real ones (a cats-and-dogs classifier's
     * model.h5 and model.keras) were refused as "no HDF5 signature" and "not a format LayerCanvas imports".
     */
    @Test
    void aGitLfsPointerSaysSoWhateverItsName() throws Exception {
        String pointer = "version https://git-lfs.github.com/spec/v1\n"
                + "oid sha256:" + "0123456789abcdef".repeat(4) + "\nsize 12345678\n";
        for (String name : new String[] {"model.h5", "model.keras", "model.json"}) {
            Path file = ImportFixtures.write(dir, name, pointer);
            ImportException e = failure(file);
            assertThat(e.unreadable()).as(name).isTrue();
            assertThat(texts(e)).as(name).singleElement().asString().startsWith(name + ": ")
                    .contains("Git LFS pointer").contains("git lfs pull");
        }
    }

    @Test
    void anHdf5FileWithoutAModelSaysSo() throws Exception {
        Path file = dir.resolve("weights.h5");
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("layer_names", new String[] {"dense_1"});
            out.putGroup("dense_1");
        }
        assertThat(texts(failure(file))).singleElement().asString().contains("weights only");
        // Keras 3's save_weights("x.weights.h5"): the layout of a .keras archive's model.weights.h5 (was "no
        // model_config attribute", which does not say that the model itself is elsewhere)
        Path keras3 = dir.resolve("model.weights.h5");
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(keras("keras3_lstm.keras").toFile());
                java.io.InputStream in = zip.getInputStream(zip.getEntry("model.weights.h5"))) {
            Files.copy(in, keras3);
        }
        assertThat(texts(failure(keras3))).singleElement().asString().contains("weights only");
        Path other = dir.resolve("other.h5");
        try (WritableHdfFile out = HdfFile.write(other)) {
            out.putGroup("data").putDataset("x", new double[] {1, 2, 3});
        }
        assertThat(texts(failure(other))).singleElement().asString().contains("no model_config");
    }

    @Test
    void anHdf5ModelWrittenHereWithADoubleEncodedConfigImports() throws Exception {
        Path file = dir.resolve("written.h5");
        String json = Files.readString(keras("mnist_mlp_tf_keras_2_config.json"));
        try (WritableHdfFile out = HdfFile.write(file)) {
            out.putAttribute("model_config", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(json));
            out.putAttribute("keras_version", "2.0.6");
        }
        ImportResult r = Importers.read(file);
        assertThat(params(r.document())).isEqualTo(669_706);
        assertThat(r.weights()).as("no model_weights group: nothing to keep").isNull();
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).contains("decoded once"));
    }

    /**
     * Dense(1) without activation trained with {@code BinaryCrossentropy(from_logits=True)} (TensorFlow's text
     * classification tutorial; a real 2.11 file did so) imported as a regression Output with loss mse; Keras 3's
     * MNIST tutorial form, Dense(10) with {@code SparseCategoricalCrossentropy(from_logits=True)}, likewise.
     */
    @Test
    void anOutputTrainedFromLogitsGetsTheClassifiersLossAndSaysSo() throws Exception {
        String dense = "{\"class_name\": \"Sequential\", \"keras_version\": \"2.11.0\", \"config\": {\"name\": \"s\", "
                + "\"layers\": [{\"class_name\": \"Dense\", \"config\": {\"name\": \"logit\", \"units\": UNITS, "
                + "\"activation\": \"linear\", \"batch_input_shape\": [null, 4]}}]}}";
        Path h5 = dir.resolve("reviews.h5");
        try (WritableHdfFile out = HdfFile.write(h5)) {
            out.putAttribute("model_config", dense.replace("UNITS", "1"));
            out.putAttribute("training_config", "{\"loss\": {\"class_name\": \"BinaryCrossentropy\", \"config\": "
                    + "{\"reduction\": \"auto\", \"name\": \"binary_crossentropy\", \"from_logits\": true}}}");
        }
        ImportResult r = Importers.read(h5);
        assertThat(node(r.document(), "logit").params()).containsEntry("loss", "sigmoid_bce");
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).contains("layer \"logit\"").contains("from_logits")
                .contains("sigmoid"));

        Path archive = dir.resolve("digits.keras");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(archive))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("config.json"));
            String config = dense.replace("UNITS", "10").replaceFirst("}$", ", \"compile_config\": {\"loss\": "
                    + "{\"module\": \"keras.losses\", \"class_name\": \"SparseCategoricalCrossentropy\", "
                    + "\"config\": {\"from_logits\": true}, \"registered_name\": null}}}");
            zip.write(config.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ImportResult k3 = Importers.read(archive);
        assertThat(node(k3.document(), "logit").params()).containsEntry("loss", "softmax_ce");
        assertThat(warnings(k3)).anySatisfy(w -> assertThat(w).contains("from_logits").contains("softmax"));
    }

    @Test
    void aHugeTextFileIsRefusedBeforeItIsRead() throws Exception {
        Path huge = dir.resolve("huge.json");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.write('{');
            f.setLength(Importers.MAX_TEXT_BYTES + 1); // sparse: nothing is really written
        }
        ImportException e = failure(huge);
        assertThat(e.unreadable()).isTrue();
        assertThat(texts(e)).singleElement().asString().contains("too large");
    }
}
