package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.failure;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.node;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.params;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.texts;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.compile.Networks;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.samples.Samples;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * DL4J model zips to documents: the runtime's own run-folder models (every sample, compiled and saved as a run
 * saves them) come back as the network that was drawn, with their weights; a MultiLayerNetwork saved by any DL4J
 * program imports too; unsafe zips are refused before anything is read.
 */
class Dl4jZipImportTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"digits-mlp", "mnist-mlp-keras", "cifar10-cnn-keras", "sentiment-lstm-keras",
        "resnet-mini", "fashion-cnn", "sentiment-lstm", "cifar10-cnn"})
    void aRunFolderModelOfEverySampleImportsAsTheDrawnNetwork(String name) throws Exception {
        NetworkDocument drawn = DocumentJson.read(Samples.text(name).orElseThrow(), name);
        Path zip = dir.resolve(name + ".zip");
        ComputationGraph graph = savedAsARunSavesIt(drawn, zip);

        ImportResult r = Importers.read(zip);
        NetworkDocument doc = r.document();
        assertThat(params(doc)).isEqualTo(params(drawn)).isEqualTo(graph.numParams());
        assertThat(r.weights().format()).isEqualTo(ImportedWeights.Format.DL4J_ZIP);
        assertThat(r.weights().total()).isEqualTo(graph.numParams());
        LayerCatalog catalog = LayerCatalog.standard();
        boolean sizeOpen = r.warnings().stream().anyMatch(w -> w.what().contains("does not record the image size"));
        for (Node n : drawn.nodes()) {
            if (n.type() == LayerType.INPUT && sizeOpen) {
                // pooled globally, never flattened: no layer records the image size (parameters do not depend on it)
                assertThat(node(doc, n.id()).params()).containsEntry("kind", "image")
                        .containsEntry("channels", n.params().get("channels"));
                continue;
            }
            assertThat(catalog.resolve(node(doc, n.id()))).as("%s %s", name, n.id()).isEqualTo(catalog.resolve(n));
        }
        boolean image = "image".equals(drawn.inputNode().orElseThrow().params().get("kind"));
        assertThat(sizeOpen).as("only an image network without a flatten leaves the size open").isEqualTo(
                image && drawn.nodes().stream().noneMatch(n -> n.type() == LayerType.FLATTEN));
        assertThat(doc.nodes()).hasSameSizeAs(drawn.nodes());
        assertThat(doc.edges()).containsExactlyInAnyOrderElementsOf(drawn.edges());
    }

    /** The gate function of a DL4J LSTM is the gate option; one the catalog lacks is named, not dropped. */
    @Test
    void lstmGatesComeBackAsTheGateOptionAndOthersAreNamed() throws Exception {
        NetworkDocument drawn = DocumentJson.read(Samples.text("sentiment-lstm").orElseThrow(), "sentiment-lstm");
        for (Node n : drawn.nodes()) {
            if (n.type() == LayerType.LSTM) {
                drawn = drawn.withNode(n.withParam("gateActivation", "hard_sigmoid"));
            }
        }
        Path zip = dir.resolve("hard.zip");
        ComputationGraph graph = savedAsARunSavesIt(drawn, zip);
        ImportResult r = Importers.read(zip);
        assertThat(r.document().nodes()).filteredOn(n -> n.type() == LayerType.LSTM).isNotEmpty()
                .allSatisfy(n -> assertThat(n.params()).containsEntry("gateActivation", "hard_sigmoid"));
        assertThat(r.weights().total()).isEqualTo(graph.numParams());

        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nOut(3).activation(Activation.TANH)
                        .gateActivationFunction(Activation.SOFTSIGN).build())
                .layer(new org.deeplearning4j.nn.conf.layers.RnnOutputLayer.Builder(
                        LossFunctions.LossFunction.MSE).nOut(1).activation(Activation.IDENTITY).build())
                .setInputType(InputType.recurrent(2, 5)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path softsign = dir.resolve("softsign.zip");
        ModelSerializer.writeModel(net, softsign.toFile(), false);
        assertThat(texts(failure(softsign))).anySatisfy(t -> assertThat(t).contains("layer0")
                .contains("gateActivationFn"));
    }

    @Test
    void aMultiLayerNetworkSavedByAnotherProgramImports() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new DenseLayer.Builder().nOut(7).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(4)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = dir.resolve("mln.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        ImportResult r = Importers.read(zip);
        assertThat(node(r.document(), "input").params()).containsEntry("kind", "vector").containsEntry("size", 4);
        assertThat(r.document().nodes()).extracting(Node::type).containsExactly(LayerType.INPUT, LayerType.DENSE,
                LayerType.OUTPUT);
        assertThat(params(r.document())).isEqualTo(net.numParams()).isEqualTo(4 * 7 + 7 + 7 * 3 + 3);
    }

    /** The compiler's bidirectional last step (as Keras's) comes back as the drawn LSTM, with its weights. */
    @Test
    void aBidirectionalLastStepOfThisRuntimeImportsWithItsWeights() throws Exception {
        NetworkDocument drawn = Networks.chain(Networks.seriesInput(6, 3),
                Networks.id("bi", Networks.lstm(4, false, true)), Networks.output(3, "softmax_ce"));
        Path zip = dir.resolve("bi.zip");
        ComputationGraph graph = savedAsARunSavesIt(drawn, zip);

        ImportResult r = Importers.read(zip);

        assertThat(node(r.document(), "bi").params()).containsEntry("bidirectional", true)
                .containsEntry("returnSequences", false);
        assertThat(r.weights()).isNotNull();
        assertThat(r.warnings()).extracting(ImportProblem::toString).noneSatisfy(w -> assertThat(w)
                .contains("not kept"));
    }

    /**
     * DL4J's own LastTimeStep around a Bidirectional reads the backward direction after one element: the network is
     * imported, its weights are not (they would answer differently here), and the warning says why.
     */
    @Test
    void dl4jsOwnLastStepOfABidirectionalLayerImportsWithoutItsWeights() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new org.deeplearning4j.nn.conf.layers.recurrent.LastTimeStep(
                        new org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional(
                                org.deeplearning4j.nn.conf.layers.recurrent.Bidirectional.Mode.CONCAT,
                                new org.deeplearning4j.nn.conf.layers.LSTM.Builder().nOut(3)
                                        .activation(Activation.TANH).build())))
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(2)
                        .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.recurrent(4, 5)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = dir.resolve("lts.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);

        ImportResult r = Importers.read(zip);

        assertThat(r.document().nodes()).extracting(Node::type).containsExactly(LayerType.INPUT, LayerType.LSTM,
                LayerType.OUTPUT);
        assertThat(params(r.document())).isEqualTo(net.numParams());
        assertThat(r.weights()).isNull();
        assertThat(r.warnings()).extracting(ImportProblem::toString).anySatisfy(w -> assertThat(w)
                .contains("layer0").contains("LastTimeStep").contains("not kept"));
    }

    @Test
    void aLayerTheCatalogLacksIsNamed() throws Exception {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new org.deeplearning4j.nn.conf.layers.misc.ElementWiseMultiplicationLayer.Builder().nOut(4)
                        .build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nOut(1)
                        .activation(Activation.IDENTITY).build())
                .setInputType(InputType.feedForward(4)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Path zip = dir.resolve("multiply.zip");
        ModelSerializer.writeModel(net, zip.toFile(), false);
        assertThat(texts(failure(zip))).anySatisfy(t -> assertThat(t).contains("layer0").contains("ElementWiseMultiplicationLayer"));
    }

    @Test
    void aZipWithPathsOutsideItsFolderIsRefusedWhole() throws Exception {
        Path zip = zip("evil.zip", "configuration.json", "../../etc/cron.d/x", "/abs/path", "C:\\win\\x", "ok/../x");
        ImportException e = failure(zip);
        assertThat(e.unreadable()).isTrue();
        assertThat(texts(e)).hasSize(4).allSatisfy(t -> assertThat(t).startsWith("evil.zip: entry \""))
                .anySatisfy(t -> assertThat(t).contains("../../etc/cron.d/x"))
                .anySatisfy(t -> assertThat(t).contains("/abs/path"));
        assertThat(Dl4jZipImporter.unsafe("a/b..c/d")).isFalse();
    }

    @Test
    void brokenZipsEndInOneError() throws Exception {
        assertThat(texts(failure(zip("empty.zip", "readme.txt")))).singleElement().asString()
                .contains("no configuration.json");
        Path cut = dir.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(zip("whole.zip", "configuration.json", "coefficients.bin"));
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertThat(texts(failure(cut))).singleElement().asString().startsWith("cut.zip: ");
        assertThat(texts(failure(zip("notdl4j.zip", "configuration.json")))).singleElement().asString()
                .contains("neither a ComputationGraph nor a MultiLayerNetwork");
    }

    @Test
    void aKeras3ArchiveWithoutWeightsImportsItsArchitecture() throws Exception {
        Path file = dir.resolve("model.keras");
        String config = "{\"module\": \"keras\", \"class_name\": \"Sequential\", \"config\": {\"name\": \"seq\", "
                + "\"layers\": [{\"module\": \"keras.layers\", \"class_name\": \"InputLayer\", \"config\": "
                + "{\"batch_shape\": [null, 784], \"name\": \"input_layer\"}}, {\"module\": \"keras.layers\", "
                + "\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 10, "
                + "\"activation\": \"softmax\"}}]}}";
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String[] entry : new String[][] {{"metadata.json", "{\"keras_version\": \"3.4.1\"}"},
                {"config.json", config}}) {
                zip.putNextEntry(new ZipEntry(entry[0]));
                zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        ImportResult r = Importers.read(file);
        assertThat(params(r.document())).isEqualTo(7850);
        assertThat(r.weights()).isNull();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w.what()).contains("no model.weights.h5"));
    }

    @Test
    void aKeras3ArchiveWithDamagedWeightsIsOneClearErrorWhenImportedOrLoaded() throws Exception {
        Path headless = cutWeights(dir.resolve("headless.keras"), 600);
        ImportException e = failure(headless);
        assertThat(e.unreadable()).isTrue();
        assertThat(texts(e)).singleElement().asString().startsWith("headless.keras: ");

        Path cut = cutWeights(dir.resolve("cut.keras"), 6000);
        ImportResult whole = Importers.read(ImportFixtures.keras("keras3_lstm.keras"));
        ComputationGraph graph = KerasReference.compiled(whole.document());
        ImportException load = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> WeightLoader.load(graph, whole.document(), cut));
        assertThat(load.getMessage()).startsWith("cut.keras: ");
    }

    /** The real keras3_lstm.keras with its model.weights.h5 cut after {@code keep} bytes. */
    private static Path cutWeights(Path file, int keep) throws Exception {
        Path real = ImportFixtures.keras("keras3_lstm.keras");
        try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(real.toFile());
             OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(e.getName().equals("model.weights.h5") ? java.util.Arrays.copyOf(bytes, keep) : bytes);
                zip.closeEntry();
            }
        }
        return file;
    }

    /** A zip whose entries hold {@code {}}. */
    private Path zip(String name, String... entries) throws Exception {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("{}".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    /** Compiles {@code drawn}, initialises it and saves it to {@code zip} as a run folder's model. */
    private static ComputationGraph savedAsARunSavesIt(NetworkDocument drawn, Path zip) throws Exception {
        ComputationGraph graph = new ComputationGraph(new GraphCompiler(LayerCatalog.standard()).compile(drawn)
                .configuration());
        graph.init();
        ModelFiles.save(graph, zip);
        return graph;
    }
}
