package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The searchable "create a node here" menu: a filter field over a list grouped by {@link CreateChoice#group()}.
 * It lives in the editor's overlay (not a separate window), so it is clipped to and moves with the editor.
 * Keyboard: type to filter, Up/Down to move, Enter to pick, Esc to close.
 */
final class CreateMenu extends VBox {
    private final TextField filter = new TextField();
    private static final double ROW_HEIGHT = 40;
    private static final double HEADING_HEIGHT = 20;
    private static final double MAX_LIST_HEIGHT = 300;
    private final ObservableList<CreateChoice> all = FXCollections.observableArrayList();
    private final FilteredList<CreateChoice> shown = new FilteredList<>(all, c -> true);
    private final ListView<CreateChoice> list = new ListView<>(shown);
    /** What picking does, given by the current opening. */
    private Consumer<CreateChoice> onPick = c -> { };
    private final Runnable onClose;

    CreateMenu(Runnable onClose) {
        this.onClose = onClose;
        getStyleClass().add(GraphEditorStyles.CREATE_MENU);
        setManaged(false);
        setVisible(false);
        filter.setPromptText(Messages.get("createMenu.prompt"));
        filter.getStyleClass().add("create-menu-filter");
        list.getStyleClass().add("create-menu-list");
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label(Messages.get("createMenu.empty")));
        list.setCellFactory(lv -> new ChoiceCell());
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(filter, list);
        setPrefWidth(300);

        filter.textProperty().addListener((obs, o, text) -> applyFilter(text));
        filter.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        list.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                pick();
            }
        });
        focusWithinProperty().addListener((obs, was, now) -> {
            if (!now && isVisible()) {
                close();
            }
        });
        // Scrolling and clicks inside the menu must not pan the canvas or start gestures behind it.
        addEventHandler(javafx.scene.input.ScrollEvent.ANY, javafx.event.Event::consume);
        addEventHandler(MouseEvent.ANY, javafx.event.Event::consume);
    }

    /** Replaces the choices; keeps them grouped, groups in order of first appearance. */
    void setChoices(List<CreateChoice> choices) {
        Map<String, List<CreateChoice>> byGroup = new LinkedHashMap<>();
        for (CreateChoice c : choices) {
            byGroup.computeIfAbsent(c.group() == null ? "" : c.group(), g -> new ArrayList<>()).add(c);
        }
        List<CreateChoice> ordered = new ArrayList<>();
        byGroup.values().forEach(ordered::addAll);
        all.setAll(ordered);
    }

    /**
     * Opens with its top-left at {@code local} (editor coordinates), kept inside a {@code width} x {@code height}
     * editor; a pick then goes to {@code picked}.
     */
    void openAt(Point2D local, double width, double height, Consumer<CreateChoice> picked) {
        onPick = picked;
        open();
        applyCss();
        double w = prefWidth(-1);
        double h = prefHeight(-1);
        double x = Math.max(4, Math.min(local.getX(), width - w - 4));
        double y = Math.max(4, Math.min(local.getY(), height - h - 4));
        resizeRelocate(Math.round(x), Math.round(y), w, Math.min(h, Math.max(120, height - 8)));
    }

    void open() {
        filter.clear();
        applyFilter("");
        setVisible(true);
        filter.requestFocus();
    }

    void close() {
        if (isVisible()) {
            setVisible(false);
            onClose.run();
        }
    }

    TextField filterField() {
        return filter;
    }

    ListView<CreateChoice> listView() {
        return list;
    }

    private void applyFilter(String text) {
        String[] words = text.trim().toLowerCase(Locale.ROOT).split("\\s+");
        shown.setPredicate(c -> matches(c, words));
        fitHeight();
        if (!shown.isEmpty()) {
            list.getSelectionModel().select(0);
            list.scrollTo(0);
        }
    }

    /** Shrinks the list to its rows (estimated: two-line rows plus group headings), up to a maximum. */
    private void fitHeight() {
        long groups = shown.stream().map(CreateChoice::group).distinct().count();
        double rows = shown.size() * ROW_HEIGHT + groups * HEADING_HEIGHT + 8;
        list.setPrefHeight(Math.max(ROW_HEIGHT + 8, Math.min(MAX_LIST_HEIGHT, rows)));
        if (isVisible()) {
            autosizeKeepingTop();
        }
    }

    private void autosizeKeepingTop() {
        resize(getWidth() > 0 ? getWidth() : prefWidth(-1), prefHeight(-1));
    }

    private static boolean matches(CreateChoice c, String[] words) {
        String hay = (c.label() + " " + c.description() + " " + c.group() + " " + c.id()).toLowerCase(Locale.ROOT);
        for (String w : words) {
            if (!w.isEmpty() && !hay.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> move(1);
            case UP -> move(-1);
            case PAGE_DOWN -> move(8);
            case PAGE_UP -> move(-8);
            case ENTER -> pick();
            case ESCAPE -> close();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void move(int delta) {
        if (shown.isEmpty()) {
            return;
        }
        int i = list.getSelectionModel().getSelectedIndex();
        int next = Math.max(0, Math.min(shown.size() - 1, (i < 0 ? 0 : i + delta)));
        list.getSelectionModel().select(next);
        list.scrollTo(Math.max(0, next - 3));
    }

    private void pick() {
        CreateChoice c = list.getSelectionModel().getSelectedItem();
        if (c == null && !shown.isEmpty()) {
            c = shown.get(0);
        }
        if (c != null) {
            CreateChoice chosen = c;
            close();
            onPick.accept(chosen);
        }
    }

    /** A choice, with its group heading above it when it is the first shown of its group. */
    private final class ChoiceCell extends ListCell<CreateChoice> {
        private final Label heading = new Label();
        private final Label name = new Label();
        private final Label description = new Label();
        private final HBox row = new HBox(8);
        private final VBox texts = new VBox(name, description);
        private final VBox box = new VBox(heading, row);

        ChoiceCell() {
            heading.getStyleClass().add("create-menu-group");
            name.getStyleClass().add("create-menu-name");
            description.getStyleClass().add("create-menu-description");
            heading.setMaxWidth(Double.MAX_VALUE);
            row.getChildren().add(texts);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(CreateChoice c, boolean empty) {
            super.updateItem(c, empty);
            setText(null);
            if (empty || c == null) {
                setGraphic(null);
                return;
            }
            int i = getIndex();
            boolean firstOfGroup = i <= 0 || i > shown.size() - 1
                    || !String.valueOf(shown.get(i - 1).group()).equals(String.valueOf(c.group()));
            heading.setText(c.group());
            heading.setVisible(firstOfGroup && c.group() != null && !c.group().isEmpty());
            heading.setManaged(heading.isVisible());
            name.setText(c.label());
            description.setText(c.description());
            description.setVisible(c.description() != null && !c.description().isEmpty());
            description.setManaged(description.isVisible());
            if (row.getChildren().size() > 1) {
                row.getChildren().remove(0);
            }
            if (c.iconLiteral() != null && !c.iconLiteral().isBlank()) {
                try {
                    FontIcon fi = new FontIcon(c.iconLiteral());
                    fi.getStyleClass().add("create-menu-icon");
                    row.getChildren().add(0, fi);
                } catch (RuntimeException unknownIcon) {
                    // no icon
                }
            }
            setGraphic(box);
        }
    }
}
