package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.failure;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.node;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.params;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.texts;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.warnings;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.samples.Samples;

/**
 * Keras JSON the tests write, in the shapes tf.keras 2 and Keras 3 produce: the course-book networks of the
 * {@code *-keras} samples import to the same structure and parameter count as the samples (which equal Keras's
 * summaries), functional graphs with several inputs and outputs, and every refusal path.
 */
class KerasWrittenJsonTest {
    @TempDir
    Path dir;

    private static String layer(String cls, String config) {
        return "{\"class_name\": \"" + cls + "\", \"config\": {" + config + "}}";
    }

    private static String sequential(String... layers) {
        return "{\"class_name\": \"Sequential\", \"keras_version\": \"2.15.0\", \"backend\": \"tensorflow\", "
                + "\"config\": {\"name\": \"sequential\", \"layers\": [" + String.join(", ", layers) + "]}}";
    }

    private NetworkDocument imported(String json) throws Exception {
        return Importers.read(write(dir, "model.json", json)).document();
    }

    @Test
    void mnistMlpOfTheCourseBookEqualsItsSample() throws Exception {
        NetworkDocument doc = imported(sequential(
                layer("InputLayer", "\"batch_input_shape\": [null, 28, 28], \"dtype\": \"float32\", \"name\": \"input_1\""),
                layer("Flatten", "\"name\": \"flatten\", \"data_format\": \"channels_last\""),
                layer("Dense", "\"name\": \"dense\", \"units\": 128, \"activation\": \"relu\", \"use_bias\": true"),
                layer("Dense", "\"name\": \"dense_1\", \"units\": 10, \"activation\": \"softmax\"")));
        assertThat(params(doc)).isEqualTo(101_770).isEqualTo(params(sample("mnist-mlp-keras")));
        assertSameStructure(doc, sample("mnist-mlp-keras"));
    }

    @Test
    void cifarCnnOfTheCourseBookEqualsItsSample() throws Exception {
        NetworkDocument doc = imported(sequential(
                layer("Conv2D", "\"name\": \"conv2d\", \"filters\": 32, \"kernel_size\": [3, 3], \"strides\": [1, 1],"
                        + " \"padding\": \"valid\", \"activation\": \"relu\", \"batch_input_shape\": [null, 32, 32, 3]"),
                layer("MaxPooling2D", "\"name\": \"max_pooling2d\", \"pool_size\": [2, 2], \"strides\": null"),
                layer("Flatten", "\"name\": \"flatten\""),
                layer("Dense", "\"name\": \"dense\", \"units\": 10, \"activation\": \"softmax\"")));
        assertThat(params(doc)).isEqualTo(72_906).isEqualTo(params(sample("cifar10-cnn-keras")));
        assertSameStructure(doc, sample("cifar10-cnn-keras"));
    }

    @Test
    void sentimentLstmOfTheCourseBookEqualsItsSampleButForTheDropoutLayer() throws Exception {
        ImportResult r = Importers.read(write(dir, "sentiment.json", sequential(
                layer("Embedding", "\"name\": \"embedding\", \"input_dim\": 2000, \"output_dim\": 32,"
                        + " \"input_length\": 40, \"batch_input_shape\": [null, 40]"),
                layer("LSTM", "\"name\": \"lstm\", \"units\": 64, \"dropout\": 0.2, \"recurrent_activation\": "
                        + "\"sigmoid\", \"return_sequences\": false"),
                layer("Dense", "\"name\": \"dense\", \"units\": 1, \"activation\": \"sigmoid\""))));
        NetworkDocument doc = r.document();
        assertThat(params(doc)).isEqualTo(88_897).isEqualTo(params(sample("sentiment-lstm-keras")));
        assertThat(node(doc, "input").params()).containsEntry("kind", "tokens").containsEntry("length", 40)
                .containsEntry("vocabSize", 2000);
        assertThat(warnings(r)).anySatisfy(w -> assertThat(w).contains("layer \"lstm\"").contains("dropout 0.2"));
    }

    @Test
    void functionalKeras3GraphWithTwoInputsAndTwoOutputs() throws Exception {
        String json = """
            {"module": "keras", "class_name": "Functional", "config": {"name": "two_heads", "layers": [
              {"class_name": "InputLayer", "name": "pixels", "config": {"batch_shape": [null, 8, 8, 1], "name": "pixels"},
               "inbound_nodes": []},
              {"class_name": "InputLayer", "name": "meta", "config": {"batch_shape": [null, 4], "name": "meta"},
               "inbound_nodes": []},
              {"class_name": "Flatten", "name": "flat", "config": {"name": "flat"}, "inbound_nodes": [{"args": [
                {"class_name": "__keras_tensor__", "config": {"shape": [null, 8, 8, 1], "keras_history": ["pixels", 0, 0]}}],
                "kwargs": {}}]},
              {"class_name": "Concatenate", "name": "joined", "config": {"name": "joined", "axis": -1},
               "inbound_nodes": [{"args": [[
                {"class_name": "__keras_tensor__", "config": {"keras_history": ["flat", 0, 0]}},
                {"class_name": "__keras_tensor__", "config": {"keras_history": ["meta", 0, 0]}}]], "kwargs": {}}]},
              {"class_name": "Dense", "name": "hidden", "config": {"name": "hidden", "units": 16,
               "activation": {"module": "keras.activations", "class_name": "function", "config": "relu"}},
               "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["joined", 0, 0]}}],
               "kwargs": {}}]},
              {"class_name": "Dense", "name": "digit", "config": {"name": "digit", "units": 10, "activation": "softmax"},
               "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["hidden", 0, 0]}}],
               "kwargs": {}}]},
              {"class_name": "Dense", "name": "odd", "config": {"name": "odd", "units": 1, "activation": "sigmoid"},
               "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["hidden", 0, 0]}}],
               "kwargs": {}}]}],
             "input_layers": [["pixels", 0, 0], ["meta", 0, 0]], "output_layers": [["digit", 0, 0], ["odd", 0, 0]]}}
            """;
        NetworkDocument doc = imported(json);
        assertThat(doc.nodes()).filteredOn(n -> n.type() == LayerType.INPUT).extracting(Node::id)
                .containsExactly("pixels", "meta");
        assertThat(doc.nodes()).filteredOn(n -> n.type() == LayerType.OUTPUT).extracting(Node::id)
                .containsExactly("digit", "odd");
        assertThat(node(doc, "odd").params()).containsEntry("loss", "sigmoid_bce");
        assertThat(doc.edgesInto("joined")).hasSize(2);
        // (64 + 4) * 16 + 16, 16 * 10 + 10, 16 + 1
        assertThat(params(doc)).isEqualTo(1104 + 170 + 17);
        assertTopToBottom(doc);
    }

    /**
     * An LSTM started from other layers' state (an image-captioning decoder, an encoder-decoder): Keras 3 passes
     * {@code initial_state} as a keyword, which was dropped, so the model imported as a different network without a
     * word; Keras 2 lists the states with the input, which was refused as "reads 3 layers".
     */
    @Test
    void aRecurrentLayerStartedFromAnotherLayersStateIsRefusedByName() {
        String keras3 = """
            {"module": "keras", "class_name": "Functional", "config": {"name": "captions", "layers": [
              {"class_name": "InputLayer", "name": "image", "config": {"batch_shape": [null, 8], "name": "image"},
               "inbound_nodes": []},
              {"class_name": "InputLayer", "name": "words", "config": {"batch_shape": [null, 6, 2], "name": "words"},
               "inbound_nodes": []},
              {"class_name": "Dense", "name": "h0", "config": {"name": "h0", "units": 4}, "inbound_nodes": [{"args": [
                {"class_name": "__keras_tensor__", "config": {"keras_history": ["image", 0, 0]}}], "kwargs": {}}]},
              {"class_name": "Dense", "name": "c0", "config": {"name": "c0", "units": 4}, "inbound_nodes": [{"args": [
                {"class_name": "__keras_tensor__", "config": {"keras_history": ["image", 0, 0]}}], "kwargs": {}}]},
              {"class_name": "LSTM", "name": "dec", "config": {"name": "dec", "units": 4}, "inbound_nodes": [{"args": [
                {"class_name": "__keras_tensor__", "config": {"keras_history": ["words", 0, 0]}}],
                "kwargs": {"initial_state": [
                  {"class_name": "__keras_tensor__", "config": {"keras_history": ["h0", 0, 0]}},
                  {"class_name": "__keras_tensor__", "config": {"keras_history": ["c0", 0, 0]}}]}}]},
              {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 2, "activation": "softmax"},
               "inbound_nodes": [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": ["dec", 0, 0]}}],
               "kwargs": {}}]}],
             "input_layers": [["image", 0, 0], ["words", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """;
        assertThat(texts(failure(writeUnchecked("captions.json", keras3)))).singleElement().asString()
                .contains("\"dec\"").contains("state of h0, c0").contains("initial_state");
        String keras2 = """
            {"class_name": "Model", "keras_version": "2.2.4", "config": {"name": "seq2seq", "layers": [
              {"class_name": "InputLayer", "name": "input_1", "config": {"batch_input_shape": [null, 5, 3], "name": "input_1"},
               "inbound_nodes": []},
              {"class_name": "InputLayer", "name": "input_2", "config": {"batch_input_shape": [null, 6, 3], "name": "input_2"},
               "inbound_nodes": []},
              {"class_name": "LSTM", "name": "lstm_1", "config": {"name": "lstm_1", "units": 4},
               "inbound_nodes": [[["input_1", 0, 0, {}]]]},
              {"class_name": "LSTM", "name": "lstm_2", "config": {"name": "lstm_2", "units": 4},
               "inbound_nodes": [[["input_2", 0, 0, {}], ["lstm_1", 0, 1, {}], ["lstm_1", 0, 2, {}]]]},
              {"class_name": "Dense", "name": "out", "config": {"name": "out", "units": 2, "activation": "softmax"},
               "inbound_nodes": [[["lstm_2", 0, 0, {}]]]}],
             "input_layers": [["input_1", 0, 0], ["input_2", 0, 0]], "output_layers": [["out", 0, 0]]}}
            """;
        assertThat(texts(failure(writeUnchecked("seq2seq.json", keras2)))).singleElement().asString()
                .contains("\"lstm_2\"").contains("state of lstm_1 (initial_state");
    }

    @Test
    void aDenseFollowedByASoftmaxActivationBecomesOneOutput() throws Exception {
        NetworkDocument doc = imported(sequential(
                layer("Dense", "\"name\": \"d1\", \"units\": 8, \"activation\": \"tanh\", \"batch_input_shape\": [null, 3]"),
                layer("BatchNormalization", "\"name\": \"bn\", \"momentum\": 0.99, \"epsilon\": 0.001"),
                layer("LeakyReLU", "\"name\": \"leaky\", \"alpha\": 0.1"),
                layer("Dense", "\"name\": \"logits\", \"units\": 4"),
                layer("Activation", "\"name\": \"probabilities\", \"activation\": \"softmax\"")));
        assertThat(doc.node("probabilities")).isEmpty();
        assertThat(node(doc, "logits").type()).isEqualTo(LayerType.OUTPUT);
        assertThat(node(doc, "leaky").params()).containsEntry("function", "leakyrelu").containsEntry("alpha", 0.1);
        // 3*8+8, BatchNorm 4*8 (Keras counts its moving mean and variance too), 8*4+4
        assertThat(params(doc)).isEqualTo(32 + 32 + 36);
    }

    @Test
    void everyLayerTheCatalogCannotExpressIsNamedInOneError() throws Exception {
        ImportException e = failure(write(dir, "many.json", sequential(
                layer("Conv1D", "\"name\": \"c1\", \"filters\": 4, \"kernel_size\": [3], \"batch_input_shape\": [null, 10, 2]"),
                layer("LSTM", "\"name\": \"stateful_lstm\", \"units\": 4, \"stateful\": true, \"return_sequences\": true"),
                layer("RNN", "\"name\": \"peephole\", \"cell\": {\"class_name\": \"PeepholeLSTMCell\", \"config\": {}}"),
                layer("Reshape", "\"name\": \"reshape\", \"target_shape\": [4]"),
                layer("Dense", "\"name\": \"swishy\", \"units\": 4, \"activation\": \"swish\""),
                layer("GRU", "\"name\": \"gru\", \"units\": 2"),
                layer("Dense", "\"name\": \"out\", \"units\": 2, \"activation\": \"softmax\""))));
        assertThat(e.unreadable()).isFalse();
        List<String> t = texts(e);
        assertThat(t).hasSize(6);
        assertThat(t.get(0)).isEqualTo("many.json: layer \"c1\": LayerCanvas has no Conv1D layer");
        assertThat(t.get(1)).contains("\"stateful_lstm\"").contains("stateful = true");
        assertThat(t.get(2)).contains("\"peephole\"").contains("PeepholeLSTMCell");
        assertThat(t.get(3)).contains("\"reshape\"").contains("no Reshape layer");
        assertThat(t.get(4)).contains("\"swishy\"").contains("swish");
        assertThat(t.get(5)).contains("\"gru\"").contains("no GRU layer");
    }

    @Test
    void channelsFirstAndNonSquareKernelsAreRefused() {
        ImportException e = failure(writeUnchecked("cf.json", sequential(
                layer("Conv2D", "\"name\": \"cf\", \"filters\": 4, \"kernel_size\": [3, 3], \"data_format\": "
                        + "\"channels_first\", \"batch_input_shape\": [null, 1, 8, 8]"),
                layer("Conv2D", "\"name\": \"wide\", \"filters\": 4, \"kernel_size\": [1, 3]"),
                layer("Flatten", "\"name\": \"f\""),
                layer("Dense", "\"name\": \"out\", \"units\": 2, \"activation\": \"softmax\""))));
        assertThat(texts(e)).anySatisfy(t -> assertThat(t).contains("\"cf\"").contains("channels_first"))
                .anySatisfy(t -> assertThat(t).contains("\"wide\"").contains("[1,3]"));
    }

    @Test
    void anOutputThatIsNotADenseOrUsesReluIsRefused() {
        ImportException relu = failure(writeUnchecked("relu.json", sequential(
                layer("Dense", "\"name\": \"out\", \"units\": 2, \"activation\": \"relu\", \"batch_input_shape\": [null, 3]"))));
        assertThat(texts(relu)).singleElement().asString().contains("\"out\"").contains("activation \"relu\"");
        ImportException pool = failure(writeUnchecked("pool.json", sequential(
                layer("GlobalAveragePooling2D", "\"name\": \"gap\", \"batch_input_shape\": [null, 4, 4, 3]"))));
        assertThat(texts(pool)).singleElement().asString().contains("\"gap\"").contains("cannot end the network");
    }

    @Test
    void aJsonStringHoldingJsonIsDecodedOnceAndTwiceIsRefused() throws Exception {
        String json = sequential(layer("Dense", "\"name\": \"out\", \"units\": 2, \"activation\": \"softmax\", "
                + "\"batch_input_shape\": [null, 3]"));
        ObjectMapper mapper = new ObjectMapper();
        String once = mapper.writeValueAsString(json);
        ImportResult r = Importers.read(write(dir, "once.json", once));
        assertThat(params(r.document())).isEqualTo(8);
        assertThat(warnings(r)).singleElement().asString().contains("decoded once");
        ImportException twice = failure(write(dir, "twice.json", mapper.writeValueAsString(once)));
        assertThat(texts(twice)).singleElement().asString().startsWith("twice.json: ").contains("decode it");
    }

    @Test
    void brokenJsonEndsInOneLocatedError() throws Exception {
        assertThat(texts(failure(write(dir, "cut.json", "{\"class_name\": \"Sequential\", \"config\": [")))).singleElement()
                .asString().isEqualTo("cut.json: the JSON ends unexpectedly, so the file may be truncated");
        assertThat(texts(failure(write(dir, "deep.json", "[".repeat(100_000))))).singleElement().asString()
                .startsWith("deep.json: not valid JSON");
        assertThat(texts(failure(write(dir, "empty.json", ""))).get(0)).isEqualTo("empty.json: the file is empty");
        assertThat(texts(failure(write(dir, "other.json", "{\"class_name\": \"Adam\", \"config\": {}}"))))
                .singleElement().asString().contains("\"Adam\" is not a Keras model class");
        assertThat(texts(failure(dir.resolve("missing.json")))).singleElement().asString()
                .isEqualTo("missing.json: no such file");
    }

    /**
     * A Sequential model given no input shape and built by {@code fit}: tf.keras 2 writes the shape only as the
     * model's {@code build_input_shape} (seen in real 2.2.4-tf and 2.3.0-tf files: Flatten first, 224x224x3), Keras 3
     * as {@code build_config}. Both were refused as giving no input shape.
     */
    @Test
    void aSequentialModelBuiltByFitTakesItsInputFromTheBuildShape() throws Exception {
        String layers = "\"layers\": [" + layer("Flatten", "\"name\": \"flatten_4\", \"data_format\": \"channels_last\"")
                + ", " + layer("Dropout", "\"name\": \"dropout_2\", \"rate\": 0.4")
                + ", " + layer("Dense", "\"name\": \"dense_6\", \"units\": 4, \"activation\": \"relu\"")
                + ", " + layer("Dense", "\"name\": \"dense_8\", \"units\": 1, \"activation\": \"sigmoid\"") + "]";
        NetworkDocument tf2 = imported("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"sequential_2\", "
                + layers + ", \"build_input_shape\": [null, 8, 8, 3]}, \"keras_version\": \"2.2.4-tf\", "
                + "\"backend\": \"tensorflow\"}");
        assertThat(params(tf2)).isEqualTo(8 * 8 * 3 * 4 + 4 + 4 + 1);
        assertThat(node(tf2, "flatten_4").type()).isEqualTo(LayerType.FLATTEN);
        NetworkDocument keras3 = imported("{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": "
                + "{\"name\": \"sequential\", " + layers + "}, \"build_config\": {\"input_shape\": [null, 8, 8, 3]}}");
        assertThat(params(keras3)).isEqualTo(params(tf2));
        ImportException none = failure(writeUnchecked("unbuilt.json", "{\"class_name\": \"Sequential\", \"config\": {"
                + layers + "}, \"keras_version\": \"2.2.4-tf\"}"));
        assertThat(texts(none)).singleElement().asString().contains("\"flatten_4\"").contains("build_input_shape");
    }

    @Test
    void anOutOfRangeValueIsAnImportErrorNotASurpriseOnTheCanvas() {
        ImportException e = failure(writeUnchecked("big.json", sequential(
                layer("Dense", "\"name\": \"huge\", \"units\": 100000, \"batch_input_shape\": [null, 3]"),
                layer("Dense", "\"name\": \"out\", \"units\": 2, \"activation\": \"softmax\""))));
        assertThat(texts(e)).singleElement().asString().contains("\"huge\"").contains("units = 100000");
    }

    @Test
    void importedDocumentsSaveAndReadBackUnchanged() throws Exception {
        NetworkDocument doc = imported(sequential(
                layer("Dense", "\"name\": \"d\", \"units\": 5, \"batch_input_shape\": [null, 3], \"activation\": \"elu\""),
                layer("Dropout", "\"name\": \"drop\", \"rate\": 0.3"),
                layer("Dense", "\"name\": \"out\", \"units\": 1, \"activation\": \"linear\"")));
        assertThat(DocumentJson.read(DocumentJson.write(doc), "x.lcnet")).isEqualTo(doc);
        assertTopToBottom(doc);
    }

    private Path writeUnchecked(String name, String text) {
        try {
            return write(dir, name, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static NetworkDocument sample(String name) throws Exception {
        return DocumentJson.read(Samples.text(name).orElseThrow(), name);
    }

    /** Same layer types with the same parameters in the same order along the chain, and the same Input shape. */
    private static void assertSameStructure(NetworkDocument imported, NetworkDocument sample) {
        assertThat(imported.nodes()).extracting(Node::type).containsExactlyElementsOf(
                sample.nodes().stream().map(Node::type).toList());
        org.layercanvas.model.layers.LayerCatalog catalog = org.layercanvas.model.layers.LayerCatalog.standard();
        for (int k = 0; k < sample.nodes().size(); k++) {
            assertThat(catalog.resolve(imported.nodes().get(k))).as("node %d", k)
                    .isEqualTo(catalog.resolve(sample.nodes().get(k)));
        }
    }

    /** Every wire goes down the canvas. */
    static void assertTopToBottom(NetworkDocument doc) {
        for (org.layercanvas.model.Edge e : doc.edges()) {
            double from = doc.node(e.from().nodeId()).orElseThrow().position().y();
            double to = doc.node(e.to().nodeId()).orElseThrow().position().y();
            assertThat(to).as("%s", e).isGreaterThan(from);
        }
    }
}
