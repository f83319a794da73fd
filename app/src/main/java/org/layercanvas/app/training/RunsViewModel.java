package org.layercanvas.app.training;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layercanvas.app.Messages;
import org.layercanvas.app.runs.RunDiff;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.layers.LayerCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Runs tab's state: the runs kept on disk (listed on the background executor), which of them are overlaid on
 * the charts, and what differs between the two selected. Tested without a stage.
 */
public final class RunsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RunsViewModel.class);

    /** Where overlaid runs are drawn (the dashboard's charts). */
    public interface Overlays {
        void overlay(String runId, List<String> eventLines);

        void removeOverlay(String runId);
    }

    private final RunStore store;
    private final LayerCatalog catalog;
    private final Overlays overlays;
    private final Executor background;
    private final Executor ui;
    private final ObservableList<RunStore.RunInfo> runs = FXCollections.observableArrayList();
    /** One read-only view, kept: a wrapper made per call forwards changes only while someone holds it. */
    private final ObservableList<RunStore.RunInfo> runsView = FXCollections.unmodifiableObservableList(runs);
    private final Set<String> overlaid = new HashSet<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private long generation;

    public RunsViewModel(RunStore store, LayerCatalog catalog, Overlays overlays, Executor background, Executor ui) {
        this.store = store;
        this.catalog = catalog;
        this.overlays = overlays;
        this.background = background;
        this.ui = ui;
    }

    public ObservableList<RunStore.RunInfo> runs() {
        return runsView;
    }

    /** What the two selected runs differ in, or why a run could not be opened or deleted; empty otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public RunStore store() {
        return store;
    }

    /** Lists the runs again (off the FX thread); the newest request wins. */
    public void refresh() {
        long asked = ++generation;
        background.execute(() -> {
            try {
                List<RunStore.RunInfo> listed = store.list();
                ui.execute(() -> {
                    if (asked == generation) {
                        runs.setAll(listed);
                    }
                });
            } catch (IOException e) {
                LOG.warn("cannot list runs in {}: {}", store.folder(), e.getMessage(), e);
            }
        });
    }

    /** The network a run trained, or empty (and the reason in {@link #messageProperty()}). */
    public Optional<NetworkDocument> document(RunStore.RunInfo run) {
        try {
            return Optional.of(store.document(run));
        } catch (IOException | DocumentFormatException e) {
            message.set(Messages.get("runs.cannotOpen", e.getMessage()));
            return Optional.empty();
        }
    }

    /** Deletes runs (and their overlays), then lists again. */
    public void delete(List<RunStore.RunInfo> chosen) {
        for (RunStore.RunInfo run : chosen) {
            try {
                overlays.removeOverlay(run.id());
                overlaid.remove(run.id());
                store.delete(run);
            } catch (IOException e) {
                message.set(Messages.get("runs.cannotDelete", e.getMessage()));
            }
        }
        refresh();
    }

    /** The selection changed: with exactly two runs, what differs between them (older first). */
    public void selected(List<RunStore.RunInfo> selection) {
        if (selection.size() != 2) {
            message.set("");
            return;
        }
        RunStore.RunInfo older = selection.get(1);
        RunStore.RunInfo newer = selection.get(0);
        try {
            List<String> lines = RunDiff.between(store.document(older), store.document(newer), catalog);
            message.set(lines.isEmpty() ? Messages.get("runs.diff.same")
                    : Messages.get("runs.diff.header", older.id(), newer.id()) + "\n" + String.join("\n", lines));
        } catch (IOException | DocumentFormatException e) {
            message.set(Messages.get("runs.cannotOpen", e.getMessage()));
        }
    }

    public boolean isOverlaid(RunStore.RunInfo run) {
        return overlaid.contains(run.id());
    }

    /** Draws a run's curves over the current ones, or takes them away. */
    public void setOverlaid(RunStore.RunInfo run, boolean on) {
        if (on && overlaid.add(run.id())) {
            try {
                overlays.overlay(run.id(), store.eventLines(run));
            } catch (IOException e) {
                overlaid.remove(run.id());
                LOG.warn("cannot read events of {}: {}", run.id(), e.getMessage(), e);
            }
        } else if (!on && overlaid.remove(run.id())) {
            overlays.removeOverlay(run.id());
        }
    }

    /** One line of the list: id, status, epochs, test accuracy and device. */
    public static String row(RunStore.RunInfo run) {
        return Messages.get("runs.row", run.id(), run.status(), run.epochs(), Numbers.percent(run.testAccuracy()),
                run.device());
    }
}
