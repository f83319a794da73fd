package org.layercanvas.app.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.download.DatasetCache;

/** The Data tab's loading, without a stage: the background and the FX thread are queues the test runs. */
class DataViewModelTest {
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final DataViewModel model = new DataViewModel(background::add, Runnable::run);
    private final List<DataViewModel.State> states = new ArrayList<>();

    @TempDir
    Path cache;

    DataViewModelTest() {
        model.stateProperty().addListener((o, a, s) -> states.add(s));
    }

    private DataContext context() {
        return new DataContext(new DatasetCache(cache), null, false, null, null);
    }

    private static TensorShape input(NetworkDocument doc) {
        return new ShapeInference(LayerCatalog.standard()).analyze(doc).inputShape(doc).orElseThrow();
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void aDatasetLoadsInTheBackgroundThenIsShownWithItsReport() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        model.refresh(digits, input(digits), context());
        assertThat(model.stateProperty().get()).isInstanceOf(DataViewModel.State.Loading.class);
        assertThat(model.loaded()).isNull();
        runBackground();
        DataViewModel.State.Loaded loaded = (DataViewModel.State.Loaded) model.stateProperty().get();
        assertThat(loaded.dataset()).isEqualTo("digits");
        assertThat(loaded.data().train().size()).isEqualTo(1078);
        assertThat(model.loaded()).isSameAs(loaded.data());
        assertThat(model.report()).isSameAs(loaded.sanity());
        assertThat(loaded.raw()).isNull();
    }

    @Test
    void theSameRequestDoesNotLoadAgainUntilInvalidated() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        model.refresh(digits, input(digits), context());
        runBackground();
        model.refresh(digits, input(digits), context());
        assertThat(background).isEmpty();
        model.invalidate();
        model.refresh(digits, input(digits), context());
        assertThat(background).hasSize(1);
    }

    @Test
    void theNewestRequestWinsWhenAnOlderOneFinishesLater() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        NetworkDocument xor = TestDocs.sample("xor-2d");
        model.refresh(digits, input(digits), context());
        model.refresh(xor, input(xor), context());
        Runnable older = background.poll();
        Runnable newer = background.poll();
        newer.run();
        older.run();
        assertThat(((DataViewModel.State.Loaded) model.stateProperty().get()).dataset()).isEqualTo("xor");
    }

    @Test
    void noDatasetAMissingDownloadAndABrokenFileEachHaveTheirState() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        model.refresh(digits.withDataset(null), input(digits), context());
        assertThat(model.stateProperty().get()).isInstanceOf(DataViewModel.State.Empty.class);

        NetworkDocument mnist = TestDocs.sample("mnist-mlp");
        model.refresh(mnist, input(mnist), context());
        DataViewModel.State.NotDownloaded missing = (DataViewModel.State.NotDownloaded) model.stateProperty().get();
        assertThat(missing.dataset()).isEqualTo("mnist");
        assertThat(missing.folder().startsWith(cache)).as(missing.folder().toString()).isTrue();
        assertThat(background).isEmpty();

        NetworkDocument csv = digits.withDataset(new DatasetSpec("csv", Map.of("path", "no-such-file.csv",
                "label", "label"), digits.dataset().split(), 0));
        model.refresh(csv, input(digits), context());
        runBackground();
        DataViewModel.State.Failed failed = (DataViewModel.State.Failed) model.stateProperty().get();
        assertThat(failed.message()).contains("no-such-file.csv");
        assertThat(states).extracting(s -> s.getClass().getSimpleName())
                .containsExactly("NotDownloaded", "Loading", "Failed");
    }
}
