package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.cli;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.cli.LayerCanvasCliTest.Run;

/** {@code layercanvas import}: exit codes, {@code error: <where>: <what>} lines, the written files. */
class ImportCommandTest {
    @TempDir
    Path dir;

    private static Path keras(String name) throws Exception {
        URL url = ImportCommandTest.class.getResource("/org/layercanvas/runtime/interop/imports/keras/" + name);
        assertThat(url).isNotNull();
        return Path.of(url.toURI());
    }

    @Test
    void aKerasModelBecomesADocumentWithItsWeightsNextToIt() throws Exception {
        Path out = dir.resolve("lstm.lcnet");
        Run run = cli("import", keras("keras3_lstm.h5").toString(), "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isZero();
        // LSTM(5) on 3 features: 4 * (3*5 + 5*5 + 5); Dense(2): 5*2 + 2
        assertThat(run.out()).contains("weights kept in " + dir.resolve("lstm.weights.h5").toAbsolutePath())
                .contains("192 numbers").contains("imported " + out + ": 3 nodes, 192 parameters");
        assertThat(run.errLines()).allSatisfy(l -> assertThat(l).startsWith("warning: keras3_lstm.h5: "));
        NetworkDocument doc = DocumentJson.read(out);
        assertThat(doc.nodes()).hasSize(3);
        assertThat(Files.mismatch(dir.resolve("lstm.weights.h5"), keras("keras3_lstm.h5"))).isEqualTo(-1L);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("lstm.lcnet", "lstm.weights.h5");
    }

    @Test
    void aKeras3ArchiveIsKeptWholeAsTheWeightsFile() throws Exception {
        Path out = dir.resolve("lstm.lcnet");
        Run run = cli("import", keras("keras3_lstm.keras").toString(), "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("weights kept in " + dir.resolve("lstm.weights.keras").toAbsolutePath())
                .contains("192 numbers");
        assertThat(Files.mismatch(dir.resolve("lstm.weights.keras"), keras("keras3_lstm.keras"))).isEqualTo(-1L);
    }

    @Test
    void aKeras3LstmWithHardSigmoidGatesImportsWithoutItsWeightsAndSaysWhy() throws Exception {
        Path out = dir.resolve("lstm.lcnet");
        Run run = cli("import", keras("keras3_lstm_hard_sigmoid.h5").toString(), "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).doesNotContain("weights kept");
        assertThat(run.err()).contains("keras3_lstm_hard_sigmoid.h5: layer \"lstm\"")
                .contains("weights are not kept").contains("relu6");
        assertThat(dir.toFile().list()).containsExactly("lstm.lcnet");
    }

    @Test
    void whatCannotBeExpressedExitsTwoWithALinePerLayerAndWritesNothing() throws Exception {
        Path out = dir.resolve("x.lcnet");
        Run run = cli("import", keras("keras2_conv1d_pooling1d_tf_config.json").toString(), "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.INVALID);
        assertThat(run.errLines()).isNotEmpty().allSatisfy(l -> assertThat(l)
                .startsWith("error: keras2_conv1d_pooling1d_tf_config.json: layer \""));
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnreadableFileExitsOne() throws Exception {
        Run missing = cli("import", dir.resolve("nothing.h5").toString(), "--out", dir.resolve("o.lcnet").toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(missing.errLines()).containsExactly("error: nothing.h5: no such file");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        Run unknown = cli("import", text.toString(), "--out", dir.resolve("o.lcnet").toString());
        assertThat(unknown.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(unknown.err()).startsWith("error: notes.txt: not a format LayerCanvas imports")
                .contains(".keras archive");
    }

    @Test
    void anOutputThatCannotBeWrittenExitsOneAndSaysWhere() throws Exception {
        Path flow = Files.writeString(dir.resolve("net.mmd"), "flowchart TD\n A[Input 4] --> B[Output 2 softmax]\n");
        Path out = dir.resolve("missing-folder").resolve("net.lcnet");
        Run run = cli("import", flow.toString(), "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).startsWith("error: " + out + ": the folder to write into does not exist");
        assertThat(out.getParent()).doesNotExist();
    }

    @Test
    void outIsRequired() {
        Run run = cli("import", "x.json");
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).contains("--out");
    }

    @Test
    void trainWithWeightsThatDoNotFitTheNetworkExitsThreeSayingWhy() throws Exception {
        Run run = cli("train", "sample:xor-2d", "--epochs", "1", "--quiet", "--weights",
                keras("simple_rnn_tf_keras_2_model.h5").toString());
        assertThat(run.exit()).as("%s", run).isEqualTo(ExitCodes.TRAINING_FAILED);
        assertThat(run.err()).startsWith("error: ").contains("the weights cannot be loaded")
                .contains("simple_rnn_tf_keras_2_model.h5");
    }
}
