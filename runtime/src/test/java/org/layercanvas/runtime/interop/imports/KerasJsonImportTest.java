package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.analyze;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.failure;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.keras;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.node;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.params;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.texts;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.warnings;

import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.Diagnostic;

/**
 * Real Keras architecture files (from the Deeplearning4j test resources, see keras/README.md): parameter counts
 * equal what Keras's {@code model.summary()} reports for these networks, and what cannot be expressed is refused
 * naming every layer.
 */
class KerasJsonImportTest {

    @Test
    void kerasMnistMlpSequentialAsABareListImportsWithKerasParameterCount() throws Exception {
        ImportResult r = Importers.read(keras("mnist_mlp_tf_keras_2_config.json"));
        NetworkDocument doc = r.document();
        // keras/examples/mnist_mlp.py prints "Total params: 669,706"
        assertThat(params(doc)).isEqualTo(669_706);
        assertThat(node(doc, "input").params()).containsEntry("kind", "vector").containsEntry("size", 784);
        assertThat(node(doc, "dense_1").type()).isEqualTo(LayerType.DENSE);
        assertThat(node(doc, "dense_3").type()).isEqualTo(LayerType.OUTPUT);
        assertThat(node(doc, "dense_3").params()).containsEntry("units", 10).containsEntry("loss", "softmax_ce");
        assertThat(node(doc, "dropout_1").params()).containsEntry("rate", 0.2);
        assertThat(structuralErrors(doc)).isEmpty();
    }

    @Test
    void kerasMnistCnnImportsChannelsLastImageWithKerasParameterCount() throws Exception {
        NetworkDocument doc = Importers.read(keras("mnist_cnn_tf_keras_2_config.json")).document();
        // keras/examples/mnist_cnn.py prints "Total params: 1,199,882"
        assertThat(params(doc)).isEqualTo(1_199_882);
        assertThat(node(doc, "input").params()).containsEntry("kind", "image").containsEntry("height", 28)
                .containsEntry("width", 28).containsEntry("channels", 1);
        assertThat(node(doc, "conv2d_1").params()).containsEntry("filters", 32).containsEntry("kernel", 3)
                .containsEntry("activation", "relu").containsEntry("padding", "valid");
        assertThat(node(doc, "max_pooling2d_1").params()).containsEntry("size", 2).containsEntry("stride", 2);
        assertThat(structuralErrors(doc)).isEmpty();
    }

    @Test
    void kerasImdbLstmImportsTokensWithAnOpenLengthAndSaysWhatItLeftOut() throws Exception {
        ImportResult r = Importers.read(keras("imdb_lstm_tf_keras_2_config.json"));
        NetworkDocument doc = r.document();
        // keras/examples/imdb_lstm.py: Embedding(20000, 128), LSTM(128), Dense(1): 2,691,713 parameters
        assertThat(params(doc)).as("%s %s", analyze(doc).diagnostics(), doc.nodes()).isEqualTo(2_691_713);
        assertThat(node(doc, "input").params()).containsEntry("kind", "tokens").containsEntry("vocabSize", 20000)
                .containsEntry("length", 50);
        assertThat(node(doc, "dense_1").params()).containsEntry("units", 1).containsEntry("loss", "sigmoid_bce");
        assertThat(node(doc, "lstm_1").params()).containsEntry("gateActivation", "hard_sigmoid");
        assertThat(warnings(r)).noneMatch(w -> w.contains("hard_sigmoid"))
                .anySatisfy(w -> assertThat(w).contains("lstm_1").contains("dropout 0.2"))
                .anySatisfy(w -> assertThat(w).contains("length 50"));
        assertThat(structuralErrors(doc)).isEmpty();
    }

    @Test
    void aDenseAppliedToEveryStepOfASequenceIsRefusedInTheValidatorsWords() {
        ImportException e = failure(keras("imdb_lstm_sequences_tf_keras_2_config.json"));
        assertThat(e.unreadable()).isFalse();
        assertThat(texts(e)).singleElement().asString().contains("layer \"dense_1\"").contains("flat vector")
                .contains("50x128");
    }

    @Test
    void functionalModelWithTwoInputsAndAnAddImportsBothInputs() throws Exception {
        NetworkDocument doc = Importers.read(keras("simple_add_tf_keras_2.json")).document();
        assertThat(doc.nodes()).extracting(n -> n.type()).filteredOn(t -> t == LayerType.INPUT).hasSize(2);
        assertThat(node(doc, "add_2").type()).isEqualTo(LayerType.ADD);
        assertThat(doc.edgesInto("add_2")).hasSize(2);
        assertThat(node(doc, "dense_6").params()).containsEntry("loss", "mse").containsEntry("units", 4);
        // 16*8+8 + 32*8+8 + 8*4+4
        assertThat(params(doc)).isEqualTo(436);
    }

    @Test
    void keras1FilesAreRefusedWithTheReason() {
        ImportException e = failure(keras("mnist_mlp_tf_keras_1_config.json"));
        assertThat(e.unreadable()).isFalse();
        assertThat(texts(e)).singleElement().asString().contains("Keras 1").contains("Keras 2");
    }

    @Test
    void theTheanoBackendWithChannelsLastImportsLikeTensorFlow() throws Exception {
        NetworkDocument th = Importers.read(keras("mnist_cnn_th_keras_2_config.json")).document();
        NetworkDocument tf = Importers.read(keras("mnist_cnn_tf_keras_2_config.json")).document();
        assertThat(th.nodes()).isEqualTo(tf.nodes());
        assertThat(th.edges()).isEqualTo(tf.edges());
    }

    @Test
    void conv1dAndOneDimensionalPoolingAreRefusedNamingTheLayers() {
        ImportException e = failure(keras("keras2_conv1d_pooling1d_tf_config.json"));
        assertThat(texts(e)).anySatisfy(t -> assertThat(t).contains("LayerCanvas has no Conv1D layer"))
                .anySatisfy(t -> assertThat(t).contains("LayerCanvas has no MaxPooling1D layer"));
    }

    @Test
    void bidirectionalWithASumIsRefused() {
        ImportException e = failure(keras("bidirectional_lstm_tf_keras_2_config.json"));
        assertThat(texts(e)).anySatisfy(t -> assertThat(t).contains("merge_mode = sum"));
    }

    @Test
    void everyProblemOfAFunctionalModelIsListedAtOnce() {
        ImportException e = failure(keras("keras2_mlp_fapi_multiloss_config.json"));
        // a Keras 1 style Merge layer; then the two outputs would share one Dense, which is checked only once the
        // layers themselves are known, so the first round names the Merge
        assertThat(texts(e)).anySatisfy(t -> assertThat(t).contains("merge_1").contains("Merge"));
    }

    /** Errors of the network itself; the missing dataset is the student's next step, not an import problem. */
    static java.util.List<Diagnostic> structuralErrors(NetworkDocument doc) {
        return analyze(doc).errors().stream().filter(d -> !d.code().startsWith("dataset")).toList();
    }
}
