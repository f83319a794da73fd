package org.layercanvas.runtime.interop.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.ModelFiles;

/** The service API the app's File > Export calls. */
class ExportersTest {
    @TempDir
    Path dir;

    @Test
    void aGraphInMemoryIsExportedWithItsWeights() throws Exception {
        NetworkDocument doc = ExportFixtures.sample("xor-2d");
        ComputationGraph graph = Exporters.initialised(doc);
        Exporters.Result result = Exporters.exportTrained(doc, graph, ExportFormat.DL4J, dir.resolve("m.zip"));
        assertThat(result.initialWeights()).isFalse();
        assertThat(ModelFiles.load(dir.resolve("m.zip")).params()).isEqualTo(graph.params());
        Exporters.Result none = Exporters.exportTrained(doc, null, ExportFormat.ONNX, dir.resolve("m.onnx"));
        assertThat(none.initialWeights()).isTrue();
        assertThat(Files.size(dir.resolve("m.onnx"))).isPositive();
    }

    @Test
    void aRunFolderIsExportedFromItsSnapshot() throws Exception {
        NetworkDocument doc = ExportFixtures.sample("resnet-mini");
        Path run = Files.createDirectory(dir.resolve("run"));
        DocumentJson.writeAtomically(doc, run.resolve(Exporters.RUN_DOCUMENT));
        Exporters.Result result = Exporters.exportRun(run, ExportFormat.MERMAID, dir.resolve("net.mmd"));
        assertThat(result.file()).hasContent(Exporters.text(doc, ExportFormat.MERMAID));
        Exporters.Result onnx = Exporters.exportRun(run, ExportFormat.ONNX, dir.resolve("net.onnx"));
        assertThat(onnx.initialWeights()).as("no model.zip in the folder").isTrue();
    }

    @Test
    void aFailedExportLeavesTheTargetAlone() throws Exception {
        NetworkDocument broken = new NetworkDocument(new org.layercanvas.model.Metadata("broken", ""),
                java.util.List.of(), java.util.List.of(), null, null);
        Path target = Files.writeString(dir.resolve("keep.json"), "old");
        assertThatThrownBy(() -> Exporters.export(broken, (Path) null, ExportFormat.KERAS_JSON, target))
                .isInstanceOf(ExportException.class);
        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }
}
