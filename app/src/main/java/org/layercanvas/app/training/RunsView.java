package org.layercanvas.app.training;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.layercanvas.app.Messages;
import org.layercanvas.app.runs.RunDiff;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every run kept on disk: tick runs to overlay their curves, select two to see what differed, reopen a run's
 * network in a new window, delete runs. The folder is shown so that students can find the files.
 */
public final class RunsView extends SplitPane {
    private static final Logger LOG = LoggerFactory.getLogger(RunsView.class);

    private final RunStore store;
    private final LayerCatalog catalog;
    private final TrainingCharts charts;
    private final ListView<RunStore.RunInfo> list = new ListView<>();
    private final TextArea diff = new TextArea();
    private final Set<String> overlaid = new HashSet<>();

    public RunsView(RunStore store, LayerCatalog catalog, TrainingCharts charts, Consumer<NetworkDocument> onOpen) {
        this.store = store;
        this.catalog = catalog;
        this.charts = charts;
        setId("runs");
        list.setId("runs-list");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new RunCell());
        list.setPlaceholder(new Label(Messages.get("runs.none")));
        list.getSelectionModel().getSelectedItems().addListener(
                (javafx.collections.ListChangeListener<RunStore.RunInfo>) c -> showDiff());

        Button open = new Button(Messages.get("runs.open"));
        open.setId("runs-open");
        open.setOnAction(e -> {
            RunStore.RunInfo run = list.getSelectionModel().getSelectedItem();
            if (run != null) {
                try {
                    onOpen.accept(store.document(run));
                } catch (IOException | org.layercanvas.model.io.DocumentFormatException ex) {
                    diff.setText(Messages.get("runs.cannotOpen", ex.getMessage()));
                }
            }
        });
        Button delete = new Button(Messages.get("runs.delete"));
        delete.setId("runs-delete");
        delete.setOnAction(e -> {
            for (RunStore.RunInfo run : List.copyOf(list.getSelectionModel().getSelectedItems())) {
                try {
                    charts.removeOverlay(run.id());
                    overlaid.remove(run.id());
                    store.delete(run);
                } catch (IOException ex) {
                    diff.setText(Messages.get("runs.cannotDelete", ex.getMessage()));
                }
            }
            refresh();
        });
        Button refresh = new Button(Messages.get("runs.refresh"));
        refresh.setOnAction(e -> refresh());
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Label folder = new Label(Messages.get("runs.folder", store.folder()));
        folder.getStyleClass().add("runs-folder");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, open, delete, refresh, spacer);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, buttons, list, folder);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        diff.setId("runs-diff");
        diff.setEditable(false);
        diff.setWrapText(true);
        diff.setPromptText(Messages.get("runs.diff.hint"));
        VBox right = new VBox(6, new Label(Messages.get("runs.diff.title")), diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        getItems().addAll(left, right);
        setDividerPositions(0.55);
        refresh();
    }

    public void refresh() {
        try {
            List<RunStore.RunInfo> runs = store.list();
            list.getItems().setAll(runs);
        } catch (IOException e) {
            LOG.warn("cannot list runs in {}: {}", store.folder(), e.getMessage(), e);
        }
    }

    private void showDiff() {
        List<RunStore.RunInfo> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
        if (selected.size() != 2) {
            diff.clear();
            return;
        }
        try {
            List<String> lines = RunDiff.between(store.document(selected.get(1)), store.document(selected.get(0)),
                    catalog);
            diff.setText(lines.isEmpty() ? Messages.get("runs.diff.same")
                    : Messages.get("runs.diff.header", selected.get(1).id(), selected.get(0).id()) + "\n"
                    + String.join("\n", lines));
        } catch (IOException | org.layercanvas.model.io.DocumentFormatException e) {
            diff.setText(Messages.get("runs.cannotOpen", e.getMessage()));
        }
    }

    private void toggleOverlay(RunStore.RunInfo run, boolean on) {
        if (on && overlaid.add(run.id())) {
            try {
                charts.overlay(run.id(), run.id(), store.eventLines(run));
            } catch (IOException e) {
                LOG.warn("cannot read events of {}: {}", run.id(), e.getMessage(), e);
            }
        } else if (!on && overlaid.remove(run.id())) {
            charts.removeOverlay(run.id());
        }
    }

    public ListView<RunStore.RunInfo> list() {
        return list;
    }

    private final class RunCell extends ListCell<RunStore.RunInfo> {
        private final CheckBox overlay = new CheckBox();

        RunCell() {
            overlay.setTooltip(new javafx.scene.control.Tooltip(Messages.get("runs.overlay")));
            overlay.setOnAction(e -> {
                if (getItem() != null) {
                    toggleOverlay(getItem(), overlay.isSelected());
                }
            });
        }

        @Override
        protected void updateItem(RunStore.RunInfo run, boolean empty) {
            super.updateItem(run, empty);
            if (empty || run == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            overlay.setSelected(overlaid.contains(run.id()));
            String accuracy = Double.isNaN(run.testAccuracy()) ? "\u2014"
                    : String.format(Locale.getDefault(), "%.1f %%", run.testAccuracy() * 100);
            Label text = new Label(Messages.get("runs.row", run.id(), run.status(), run.epochs(), accuracy,
                    run.device()));
            HBox row = new HBox(8, overlay, text);
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
            setText(null);
        }
    }
}
