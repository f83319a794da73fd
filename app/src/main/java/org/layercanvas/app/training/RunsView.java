package org.layercanvas.app.training;

import java.util.List;
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
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.model.NetworkDocument;

/**
 * Every run kept on disk: tick runs to overlay their curves, select two to see what differed, reopen a run's
 * network in a new window, delete runs. The folder is shown so that students can find the files. Renders a
 * {@link RunsViewModel}.
 */
public final class RunsView extends SplitPane {
    private final RunsViewModel model;
    private final ListView<RunStore.RunInfo> list = new ListView<>();

    public RunsView(RunsViewModel model, Consumer<NetworkDocument> onOpen) {
        this.model = model;
        setId("runs");
        list.setId("runs-list");
        list.setItems(model.runs());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new RunCell());
        list.setPlaceholder(new Label(Messages.get("runs.none")));
        list.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<RunStore.RunInfo>)
                c -> model.selected(List.copyOf(list.getSelectionModel().getSelectedItems())));

        Button open = new Button(Messages.get("runs.open"));
        open.setId("runs-open");
        open.setOnAction(e -> {
            RunStore.RunInfo run = list.getSelectionModel().getSelectedItem();
            if (run != null) {
                model.document(run).ifPresent(onOpen);
            }
        });
        Button playground = new Button(Messages.get("runs.playground"));
        playground.setId("runs-playground");
        playground.setTooltip(new javafx.scene.control.Tooltip(Messages.get("runs.playground.long")));
        playground.setOnAction(e -> {
            RunStore.RunInfo run = list.getSelectionModel().getSelectedItem();
            if (run != null && onPlayground != null) {
                onPlayground.accept(run);
            }
        });
        playground.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            RunStore.RunInfo run = list.getSelectionModel().getSelectedItem();
            return run == null || !java.nio.file.Files.isRegularFile(run.folder().resolve(RunStore.MODEL));
        }, list.getSelectionModel().selectedItemProperty()));
        Button delete = new Button(Messages.get("runs.delete"));
        delete.setId("runs-delete");
        delete.setOnAction(e -> model.delete(List.copyOf(list.getSelectionModel().getSelectedItems())));
        Button refresh = new Button(Messages.get("runs.refresh"));
        refresh.setOnAction(e -> model.refresh());
        open.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        Label folder = new Label(Messages.get("runs.folder", model.store().folder()));
        folder.getStyleClass().add("runs-folder");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, open, playground, delete, refresh, spacer);
        buttons.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(6, buttons, list, folder);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(8));

        TextArea diff = new TextArea();
        diff.setId("runs-diff");
        diff.setEditable(false);
        diff.setWrapText(true);
        diff.setPromptText(Messages.get("runs.diff.hint"));
        diff.textProperty().bind(model.messageProperty());
        VBox right = new VBox(6, new Label(Messages.get("runs.diff.title")), diff);
        VBox.setVgrow(diff, Priority.ALWAYS);
        right.setPadding(new Insets(8));
        getItems().addAll(left, right);
        setDividerPositions(0.55);
        model.refresh();
    }

    /** Lists the runs on disk again. */
    public void refresh() {
        model.refresh();
    }

    private Consumer<RunStore.RunInfo> onPlayground;

    /** What "Open in Playground" does with the selected run (its saved model goes to the playground). */
    public void setOnPlayground(Consumer<RunStore.RunInfo> action) {
        onPlayground = action;
    }

    public RunsViewModel model() {
        return model;
    }

    public ListView<RunStore.RunInfo> list() {
        return list;
    }

    private final class RunCell extends ListCell<RunStore.RunInfo> {
        private final CheckBox overlay = new CheckBox();
        private final Label text = new Label();
        private final HBox row = new HBox(8, overlay, text);

        RunCell() {
            overlay.setTooltip(new javafx.scene.control.Tooltip(Messages.get("runs.overlay")));
            overlay.setOnAction(e -> {
                if (getItem() != null) {
                    model.setOverlaid(getItem(), overlay.isSelected());
                }
            });
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(RunStore.RunInfo run, boolean empty) {
            super.updateItem(run, empty);
            setText(null);
            if (empty || run == null) {
                setGraphic(null);
                return;
            }
            overlay.setSelected(model.isOverlaid(run));
            text.setText(RunsViewModel.row(run));
            setGraphic(row);
        }
    }
}
