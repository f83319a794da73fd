package org.layercanvas.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;

class RunStoreTest {
    @TempDir
    Path dir;

    @Test
    void aRunKeepsItsDocumentEventsAndSummaryAndCanBeDeleted() throws Exception {
        RunStore store = new RunStore(dir);
        NetworkDocument doc = TestDocs.sample("digits-mlp");
        RunStore.Run run = store.create(doc, "cpu");
        run.append("{\"type\":\"epoch\",\"epoch\":1}");
        run.finish("completed", 0.95, 0.2, 10, null);
        run.close();

        List<RunStore.RunInfo> runs = store.list();
        assertThat(runs).hasSize(1);
        RunStore.RunInfo info = runs.get(0);
        assertThat(info.title()).isEqualTo("Digits MLP");
        assertThat(info.status()).isEqualTo("completed");
        assertThat(info.testAccuracy()).isEqualTo(0.95);
        assertThat(store.document(info)).isEqualTo(doc);
        assertThat(store.eventLines(info)).containsExactly("{\"type\":\"epoch\",\"epoch\":1}");
        assertThat(Files.readString(info.folder().resolve(RunStore.PROVENANCE))).contains("documentSha256")
                .contains("\"dataset\" : \"digits\"");

        store.delete(info);
        assertThat(store.list()).isEmpty();
        assertThat(Files.exists(info.folder())).isFalse();
    }

    @Test
    void unfinishedAndDamagedFoldersAreHandled() throws Exception {
        RunStore store = new RunStore(dir);
        store.create(TestDocs.sample("xor-2d"), "cpu").close();
        Files.createDirectories(store.folder().resolve("not-a-run"));
        assertThat(store.list()).singleElement().extracting(RunStore.RunInfo::status).isEqualTo("unfinished");
    }

    @Test
    void diffNamesChangedSettingsParametersAndLayers() {
        NetworkDocument a = TestDocs.sample("digits-mlp");
        NetworkDocument b = DocumentCommands.setParam("hidden", "units", 64).apply(a);
        b = b.withTraining(b.training().withLearningRate(0.01));
        b = DocumentCommands.delete(List.of("dropout"), List.of()).apply(b);
        List<String> diff = RunDiff.between(a, b, LayerCatalog.standard());
        assertThat(diff).contains("Learning rate: 0.001 \u2192 0.01", "'hidden' units: 128 \u2192 64",
                "Removed Dropout 'dropout'");
        assertThat(RunDiff.between(a, a, LayerCatalog.standard())).isEmpty();
    }
}
