package org.layercanvas.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.cli.LayerCanvasCliTest.cli;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Metadata;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.runtime.cli.LayerCanvasCliTest.Run;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.samples.Samples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code layercanvas export}: formats, run folders, exit codes and {@code error: <where>: <what>} lines. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryTextFormatOfASample() throws Exception {
        for (String format : List.of("mermaid", "svg", "keras-json", "keras-py", "pytorch", "java")) {
            Path out = dir.resolve("digits." + format);
            Run run = cli("export", "sample:digits-mlp", "--format", format, "--out", out.toString());
            assertThat(run.exit()).as("%s", run).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(run.out()).contains(out.toString());
            assertThat(Files.size(out)).isPositive();
        }
        assertThat(Files.readString(dir.resolve("digits.mermaid"))).startsWith("flowchart TD");
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void onnxOfADocumentWarnsThatTheWeightsAreInitial() throws Exception {
        Path out = dir.resolve("xor.onnx");
        Run run = cli("export", "sample:xor-2d", "--format", "onnx", "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.err()).startsWith("warning: sample:xor-2d: no trained model");
        assertThat(Files.size(out)).isPositive();
    }

    @Test
    void aRunFolderExportsItsTrainedWeights() throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text("digits-mlp").orElseThrow(), "digits-mlp");
        ComputationGraph trained = new ComputationGraph(
                new GraphCompiler(LayerCatalog.standard()).compile(doc).configuration());
        trained.init();
        trained.setParams(Nd4j.rand(DataType.FLOAT, 1, trained.numParams()).subi(0.5)); // not the initial ones
        Path runFolder = Files.createDirectory(dir.resolve("run"));
        DocumentJson.writeAtomically(doc, runFolder.resolve("document.lcnet"));
        ModelFiles.save(trained, runFolder.resolve("model.zip"));
        Path out = dir.resolve("trained.onnx");

        Run run = cli("export", runFolder.toString(), "--format", "onnx", "--out", out.toString());

        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.err()).isEmpty();
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 64);
        float[] expected = trained.outputSingle(x).dup('c').data().asFloat();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(out.toString(), new OrtSession.SessionOptions());
             OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(x.data().asFloat()), new long[] {2, 64});
             OrtSession.Result result = session.run(Map.of("pixels", input))) {
            FloatBuffer actual = ((OnnxTensor) result.get(0)).getFloatBuffer();
            for (float e : expected) {
                assertThat((double) actual.get()).isCloseTo(e, org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }

    @Test
    void dl4jOfARunFolderIsItsTrainedModel() throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
        ComputationGraph trained = new ComputationGraph(
                new GraphCompiler(LayerCatalog.standard()).compile(doc).configuration());
        trained.init();
        trained.setParams(Nd4j.rand(DataType.FLOAT, 1, trained.numParams()));
        Path runFolder = Files.createDirectory(dir.resolve("run"));
        DocumentJson.writeAtomically(doc, runFolder.resolve("document.lcnet"));
        ModelFiles.save(trained, runFolder.resolve("model.zip"));
        Path out = dir.resolve("copy.zip");
        Run run = cli("export", runFolder.toString(), "--format", "dl4j", "--out", out.toString());
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(ModelFiles.load(out).params()).isEqualTo(trained.params());
    }

    @Test
    void unknownFormatIsAnOptionError() {
        Run run = cli("export", "sample:xor-2d", "--format", "png", "--out", dir.resolve("x.png").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).startsWith("error: --format: unknown format 'png'; use mermaid, keras-json");
    }

    @Test
    void aFolderWithoutADocumentIsUnreadable() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Run run = cli("export", empty.toString(), "--format", "mermaid", "--out", dir.resolve("x.mmd").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).startsWith("error: " + empty + ": not a run folder: it has no document.lcnet");
    }

    @Test
    void aMissingOutputFolderIsReportedAndNothingIsWritten() {
        Path out = dir.resolve("no-such-folder").resolve("x.json");
        Run run = cli("export", "sample:xor-2d", "--format", "keras-json", "--out", out.toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.UNREADABLE);
        assertThat(run.err()).startsWith("error: " + out + ": the folder to write into does not exist");
    }

    @Test
    void anInvalidNetworkIsReportedPerErrorButStillDrawn() throws Exception {
        NetworkDocument broken = new NetworkDocument(new Metadata("broken", ""), List.of(
                new Node("img", LayerType.INPUT, Map.of("kind", "image"), null),
                new Node("out", LayerType.OUTPUT, Map.of(), null)), List.of(Edge.of("img", "out")), null, null);
        Path file = dir.resolve("broken.lcnet");
        DocumentJson.writeAtomically(broken, file);
        Run code = cli("export", file.toString(), "--format", "pytorch", "--out", dir.resolve("b.py").toString());
        assertThat(code.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(code.err()).startsWith("error: out");
        assertThat(dir.resolve("b.py")).doesNotExist();
        Run diagram = cli("export", file.toString(), "--format", "mermaid", "--out", dir.resolve("b.mmd").toString());
        assertThat(diagram.exit()).as("%s", diagram).isZero();
    }

    @Test
    void aLayerOnnxCannotHoldIsNamed() throws Exception {
        NetworkDocument doc = new NetworkDocument(new Metadata("softmax image", ""), List.of(
                new Node("in", LayerType.INPUT, Map.of("kind", "image", "height", 4, "width", 4), null),
                new Node("soft", LayerType.ACTIVATION, Map.of("function", "softmax"), null),
                new Node("flat", LayerType.FLATTEN, Map.of(), null),
                new Node("out", LayerType.OUTPUT, Map.of("units", 2), null)),
                List.of(Edge.of("in", "soft"), Edge.of("soft", "flat"), Edge.of("flat", "out")), null, null);
        Path file = dir.resolve("softmax.lcnet");
        DocumentJson.writeAtomically(doc, file);
        Run run = cli("export", file.toString(), "--format", "onnx", "--out", dir.resolve("a.onnx").toString());
        assertThat(run.exit()).isEqualTo(ExitCodes.INVALID);
        assertThat(run.err()).contains("error: soft: a softmax over a 4x4x1 tensor has no ONNX form");
        assertThat(dir.resolve("a.onnx")).doesNotExist();
    }
}
