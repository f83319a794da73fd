package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.keras;

import io.jhdf.HdfFile;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.samples.Samples;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Kept weights loaded into the compiled network: the same predictions as Keras, the same parameters as DL4J. */
class WeightLoaderTest {
    @TempDir
    Path dir;

    private static ComputationGraph compiled(NetworkDocument doc) throws Exception {
        ComputationGraph graph = new ComputationGraph(new GraphCompiler(LayerCatalog.standard()).compile(doc)
                .configuration());
        graph.init();
        return graph;
    }

    @Test
    void aKerasSimpleRnnPredictsWhatKerasPredicted() throws Exception {
        Path model = keras("simple_rnn_tf_keras_2_model.h5");
        ImportResult r = Importers.read(model);
        ComputationGraph graph = compiled(r.document());
        assertThat(WeightLoader.load(graph, r.document(), r.weights().source())).isEqualTo(graph.numParams());
        INDArray inputs;
        INDArray predictions;
        try (HdfFile io = new HdfFile(keras("simple_rnn_tf_keras_2_inputs_and_outputs.h5"))) {
            inputs = array(io.getDatasetByPath("inputs/simple_rnn_1_input"));
            predictions = array(io.getDatasetByPath("predictions/dense_1"));
        }
        // Keras: [examples, steps, features]; DL4J: [examples, features, steps]
        INDArray out = graph.outputSingle(inputs.permute(0, 2, 1).dup());
        assertThat(out.shape()).isEqualTo(predictions.shape());
        double worst = Nd4j.getExecutioner().exec(new org.nd4j.linalg.api.ops.impl.reduce.same.AMax(
                out.sub(predictions))).getDouble(0);
        assertThat(worst).as("largest difference from Keras's predictions").isLessThan(1e-5);
    }

    @Test
    void aKeras2LstmWithHardSigmoidGatesLoadsEveryParameter() throws Exception {
        Path file = keras("simple_lstm_tf_keras_2_model.h5");
        ImportResult r = Importers.read(file);
        assertThat(r.weights()).isNotNull();
        ComputationGraph graph = compiled(r.document());
        assertThat(WeightLoader.load(graph, r.document(), file)).isEqualTo(graph.numParams());
    }

    @Test
    void aKeras3LstmWithHardSigmoidGatesIsRefusedWithTheLayerAndTheReason() throws Exception {
        Path file = keras("keras3_lstm_hard_sigmoid.h5");
        ImportResult r = Importers.read(file);
        ComputationGraph graph = compiled(r.document());
        INDArray before = graph.params().dup();
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> WeightLoader.load(graph, r.document(), file));
        assertThat(e.getMessage()).contains("keras3_lstm_hard_sigmoid.h5: layer \"lstm\"")
                .contains("hard_sigmoid");
        assertThat(graph.params()).isEqualTo(before);
    }

    @Test
    void aKerasLstmWithSigmoidGatesLoadsEveryParameter() throws Exception {
        ImportResult r = Importers.read(keras("keras3_lstm.h5"));
        ComputationGraph graph = compiled(r.document());
        INDArray before = graph.params().dup();
        assertThat(WeightLoader.load(graph, r.document(), r.weights().source())).isEqualTo(192);
        assertThat(graph.params()).isNotEqualTo(before);
    }

    @Test
    void aRunFolderModelRestoresExactlyIntoTheImportedDocument() throws Exception {
        NetworkDocument drawn = DocumentJson.read(Samples.text("cifar10-cnn-keras").orElseThrow(), "x");
        ComputationGraph trained = compiled(drawn);
        trained.params().assign(Nd4j.rand(trained.params().shape()).castTo(trained.params().dataType()));
        Path zip = dir.resolve("model.zip");
        ModelFiles.save(trained, zip);
        ImportResult r = Importers.read(zip);
        ComputationGraph fresh = compiled(r.document());
        WeightLoader.load(fresh, r.document(), r.weights().source());
        assertThat(fresh.params()).isEqualTo(trained.params());
    }

    @Test
    void weightsThatDoNotFitAreRefusedWhole() throws Exception {
        ImportResult lstm = Importers.read(keras("keras3_lstm.h5"));
        ImportResult rnn = Importers.read(keras("simple_rnn_tf_keras_2_model.h5"));
        ComputationGraph graph = compiled(rnn.document());
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> WeightLoader.load(graph, rnn.document(), lstm.weights().source()));
        assertThat(e.getMessage()).contains("keras3_lstm.h5");
    }

    private static INDArray array(io.jhdf.api.Dataset d) {
        Object flat = d.getDataFlat();
        long[] shape = java.util.Arrays.stream(d.getDimensions()).asLongStream().toArray();
        return flat instanceof float[] f ? Nd4j.create(f, shape, 'c') : Nd4j.create((double[]) flat, shape, 'c')
                .castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    }
}
