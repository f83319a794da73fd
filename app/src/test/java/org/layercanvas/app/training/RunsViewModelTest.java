package org.layercanvas.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;

/** The Runs tab's state, without a stage (background and FX thread run inline). */
class RunsViewModelTest {
    @TempDir
    Path dir;

    private final List<String> overlaid = new ArrayList<>();
    private final RunsViewModel.Overlays charts = new RunsViewModel.Overlays() {
        @Override
        public void overlay(String runId, List<String> eventLines) {
            overlaid.add(runId);
        }

        @Override
        public void removeOverlay(String runId) {
            overlaid.remove(runId);
        }
    };

    private RunStore.RunInfo run(RunStore store, NetworkDocument doc) throws Exception {
        try (RunStore.Run r = store.create(doc, "cpu")) {
            r.finish("completed", 0.9, 0.3, 2, null);
        }
        return store.list().get(0);
    }

    @Test
    void runsAreListedDiffedOverlaidAndDeleted() throws Exception {
        RunStore store = new RunStore(dir);
        RunsViewModel model = new RunsViewModel(store, LayerCatalog.standard(), charts, Runnable::run, Runnable::run);
        model.refresh();
        assertThat(model.runs()).isEmpty();

        NetworkDocument digits = TestDocs.sample("digits-mlp");
        RunStore.RunInfo first = run(store, digits);
        Thread.sleep(5); // run folders are named by time
        RunStore.RunInfo second = run(store, digits.withTraining(digits.training().withEpochs(3)));
        model.refresh();
        assertThat(model.runs()).hasSize(2);

        model.selected(List.of(second, first));
        assertThat(model.messageProperty().get())
                .isEqualTo("From " + first.id() + " to " + second.id() + ":\nEpochs: 20 \u2192 3");
        model.selected(List.of(first));
        assertThat(model.messageProperty().get()).isEmpty();

        model.setOverlaid(first, true);
        assertThat(model.isOverlaid(first)).isTrue();
        assertThat(overlaid).containsExactly(first.id());

        model.delete(List.of(first));
        assertThat(overlaid).isEmpty();
        assertThat(model.runs()).extracting(RunStore.RunInfo::id).containsExactly(second.id());
        assertThat(model.document(second)).isPresent();
    }

    @Test
    void aDamagedRunSaysWhyItCannotBeOpened() throws Exception {
        RunStore store = new RunStore(dir);
        RunsViewModel model = new RunsViewModel(store, LayerCatalog.standard(), charts, Runnable::run, Runnable::run);
        RunStore.RunInfo run = run(store, TestDocs.sample("xor-2d"));
        Files.writeString(run.folder().resolve(RunStore.DOCUMENT), "{ not json");
        assertThat(model.document(run)).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Could not read the run: ");
    }
}
