package org.layercanvas.app.palette;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layercanvas.app.Messages;
import org.layercanvas.model.layers.LayerType;

/**
 * Layers by category with icons and one-line descriptions, and a search box. Drag a layer onto the canvas, or
 * double-click / press Enter to add it (after the selected node, or at the centre of the view).
 */
public final class PaletteView extends VBox {
    /**
     * The layer being dragged out of the palette, or null. Dragging is a plain press-drag-release gesture
     * ({@code startFullDrag}), not platform drag-and-drop: it stays inside the window, needs no clipboard, and
     * behaves the same everywhere JavaFX runs (also headless in tests).
     */
    private final javafx.beans.property.ObjectProperty<LayerType> dragging =
            new javafx.beans.property.SimpleObjectProperty<>(this, "dragging");

    private final TextField search = new TextField();
    private final ListView<PaletteViewModel.Entry> list = new ListView<>();

    public PaletteView(PaletteViewModel model, Consumer<LayerType> onAdd) {
        getStyleClass().add("palette");
        setId("palette");
        search.setId("palette-search");
        search.setPromptText(Messages.get("palette.search"));
        search.textProperty().bindBidirectional(model.filterProperty());
        list.setId("palette-list");
        list.setItems(model.visibleEntries());
        list.setCellFactory(v -> new EntryCell(dragging));
        VBox.setVgrow(list, Priority.ALWAYS);
        setSpacing(6);
        setPadding(new Insets(8));
        Label heading = new Label(Messages.get("palette.title"));
        heading.getStyleClass().add("pane-title");
        getChildren().addAll(heading, search, list);

        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.requestFocus();
                selectFirstLayer(model);
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                model.bestMatch().ifPresent(best -> onAdd.accept(best.type()));
                e.consume();
            }
        });
        list.setOnKeyPressed(e -> {
            PaletteViewModel.Entry selected = list.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && selected != null && !selected.isHeading()) {
                onAdd.accept(selected.type());
                e.consume();
            }
        });
        list.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
            // Every second click: two quick double-clicks on rows at the same place count as clicks 1 to 4.
            if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() % 2 != 0) {
                return;
            }
            // The row under the pointer, not the list's selection: the first click may have been on another row.
            for (javafx.scene.Node n = e.getPickResult().getIntersectedNode(); n != null && n != list;
                 n = n.getParent()) {
                if (n instanceof EntryCell cell && cell.getItem() != null && !cell.getItem().isHeading()) {
                    onAdd.accept(cell.getItem().type());
                    e.consume();
                    return;
                }
            }
        });
    }

    private void selectFirstLayer(PaletteViewModel model) {
        model.bestMatch().ifPresent(best -> list.getSelectionModel().select(best));
    }

    /** The layer being dragged from the palette, or null; a drop target reads it on mouse-drag release. */
    public javafx.beans.property.ReadOnlyObjectProperty<LayerType> draggingProperty() {
        return dragging;
    }

    /** Puts the keyboard focus in the search box (Ctrl+L). */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    /** Icon, gap, cell padding, list border and a vertical scroll bar, in pixels (generous: never too narrow). */
    private static final double DESCRIPTION_INSET = 64;

    private static final class EntryCell extends ListCell<PaletteViewModel.Entry> {
        EntryCell(javafx.beans.property.ObjectProperty<LayerType> dragging) {
            // A cell that asks for no width of its own fits the list, so descriptions wrap instead of scrolling.
            setPrefWidth(0);
            setOnDragDetected(e -> {
                PaletteViewModel.Entry entry = getItem();
                if (entry == null || entry.isHeading()) {
                    return;
                }
                dragging.set(entry.type());
                startFullDrag();
                setCursor(javafx.scene.Cursor.CLOSED_HAND);
                e.consume();
            });
            setOnMouseReleased(e -> {
                setCursor(null);
                // Released over the canvas or not: the drag is over (the canvas took the layer if it was there).
                javafx.application.Platform.runLater(() -> dragging.set(null));
            });
        }

        @Override
        protected void updateItem(PaletteViewModel.Entry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("palette-heading", "palette-layer");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            setText(null);
            if (item.isHeading()) {
                getStyleClass().add("palette-heading");
                Label label = new Label(item.name().toUpperCase(java.util.Locale.getDefault()));
                label.getStyleClass().add("palette-heading-label");
                setGraphic(label);
                setTooltip(null);
                setDisable(true);
                return;
            }
            setDisable(false);
            getStyleClass().add("palette-layer");
            FontIcon icon = new FontIcon(item.icon());
            icon.getStyleClass().add("palette-icon");
            Label name = new Label(item.name());
            name.getStyleClass().add("palette-name");
            Label description = new Label(item.description());
            description.getStyleClass().add("palette-description");
            description.setWrapText(true);
            description.setMinHeight(Region.USE_PREF_SIZE);
            // The list measures a row before it knows the row's width, and a wrapped label then counts its lines
            // at its own preferred width: fewer lines than it gets, so its last line ran into the next row. Give
            // it the width it will have, less the icon, the cell's padding and a scroll bar.
            if (getListView() != null) {
                description.prefWidthProperty().bind(getListView().widthProperty().subtract(DESCRIPTION_INSET));
            }
            VBox text = new VBox(1, name, description);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            HBox row = new HBox(8, icon, text);
            row.setMinWidth(0);
            row.getStyleClass().add("palette-row");
            setGraphic(row);
            setTooltip(new Tooltip(item.description()));
        }
    }
}
