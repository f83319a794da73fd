package org.layercanvas.app.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.CsvImporter;
import org.layercanvas.runtime.data.CsvTable;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.PreparedData;
import org.layercanvas.runtime.data.SanityReport;
import org.layercanvas.runtime.data.download.CancelledException;

/**
 * The Data tab's state: which dataset the document trains on and where loading it stands. {@link #refresh} loads
 * the dataset off the FX thread when the dataset, its options, the Input or the base folder changed since the last
 * load; the newest request wins. The view only renders {@link #stateProperty()}. Tested without a stage.
 */
public final class DataViewModel {

    /** Where the Data tab stands. */
    public sealed interface State {
        /** The document has no dataset. */
        record Empty() implements State {
        }

        /** A downloadable dataset that is not in the cache yet. */
        record NotDownloaded(String dataset, Path folder) implements State {
        }

        record Loading(String dataset) implements State {
        }

        /** @param raw the CSV file as read, for the raw-table preview (null for other datasets) */
        record Loaded(String dataset, PreparedData data, SanityReport sanity, CsvTable raw, TensorShape input)
                implements State {
        }

        record Failed(String dataset, String message) implements State {
        }
    }

    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", new State.Empty());
    private Object loadedKey;
    private long generation;

    /**
     * @param background where datasets load (the window's task executor)
     * @param ui         where results are published (the FX thread: {@code Platform::runLater})
     */
    public DataViewModel(Executor background, Executor ui) {
        this.background = background;
        this.ui = ui;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** The loaded data, or null while nothing is loaded. */
    public PreparedData loaded() {
        return state.get() instanceof State.Loaded l ? l.data() : null;
    }

    /** The sanity report of the loaded data, or null. */
    public SanityReport report() {
        return state.get() instanceof State.Loaded l ? l.sanity() : null;
    }

    /**
     * Loads {@code doc}'s dataset for the Input shape {@code input} unless that is what was loaded last. Call on
     * the FX thread.
     */
    public void refresh(NetworkDocument doc, TensorShape input, DataContext context) {
        DatasetSpec spec = doc.dataset();
        Object key = Arrays.asList(spec, input, context.baseFolder());
        if (Objects.equals(key, loadedKey)) {
            return;
        }
        loadedKey = key;
        long gen = ++generation;
        if (spec == null) {
            state.set(new State.Empty());
            return;
        }
        if (DatasetCatalog.DOWNLOADED.contains(spec.id()) && !DatasetLoader.isAvailable(spec.id(), context)) {
            state.set(new State.NotDownloaded(spec.id(),
                    context.cache().folderFor(DatasetLoader.cacheName(spec.id()))));
            return;
        }
        state.set(new State.Loading(spec.id()));
        int outputUnits = outputUnits(doc);
        background.execute(() -> {
            State result;
            try {
                PreparedData data = DatasetLoader.prepare(spec, input, context);
                SanityReport sanity = data.sanity(input, outputUnits);
                CsvTable raw = DatasetCatalog.CSV.equals(spec.id())
                        ? CsvImporter.read(context.resolve(DatasetCatalog.stringOption(spec, "path", ""))) : null;
                result = new State.Loaded(spec.id(), data, sanity, raw, input);
            } catch (DatasetException | CancelledException | RuntimeException | OutOfMemoryError e) {
                result = new State.Failed(spec.id(), String.valueOf(e.getMessage()));
            }
            State done = result;
            ui.execute(() -> {
                if (gen == generation) {
                    state.set(done);
                }
            });
        });
    }

    /** Forgets what was loaded, so the next {@link #refresh} loads again (after a download). */
    public void invalidate() {
        loadedKey = null;
    }

    static int outputUnits(NetworkDocument doc) {
        return doc.nodes().stream().filter(n -> n.type() == LayerType.OUTPUT).findFirst()
                .map(n -> n.params().get("units")).filter(Number.class::isInstance)
                .map(v -> ((Number) v).intValue()).orElse(0);
    }
}
