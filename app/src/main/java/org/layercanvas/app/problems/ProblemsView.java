package org.layercanvas.app.problems;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.layercanvas.app.Messages;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.Diagnostic;
import org.layercanvas.model.shape.Fix;

/** Every problem of the network, errors first; clicking one selects its node; "Fix" applies the offered repair. */
public final class ProblemsView extends VBox {
    private final ListView<Diagnostic> list = new ListView<>();
    private final Label empty = new Label(Messages.get("problems.none"));

    public ProblemsView(Consumer<Diagnostic> onSelect, Consumer<Fix> onFix) {
        setId("problems");
        getStyleClass().add("problems");
        list.setId("problems-list");
        list.setCellFactory(v -> new ProblemCell(onFix));
        list.setPlaceholder(empty);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, d) -> {
            if (d != null) {
                onSelect.accept(d);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().add(list);
    }

    public void show(Analysis analysis) {
        list.getItems().setAll(analysis.diagnostics().stream()
                .sorted((a, b) -> Boolean.compare(b.isError(), a.isError())).toList());
    }

    public ListView<Diagnostic> list() {
        return list;
    }

    private static final class ProblemCell extends ListCell<Diagnostic> {
        private final Consumer<Fix> onFix;

        ProblemCell(Consumer<Fix> onFix) {
            this.onFix = onFix;
        }

        @Override
        protected void updateItem(Diagnostic d, boolean isEmpty) {
            super.updateItem(d, isEmpty);
            getStyleClass().removeAll("problem-error", "problem-warning");
            if (isEmpty || d == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            getStyleClass().add(d.isError() ? "problem-error" : "problem-warning");
            FontIcon icon = new FontIcon(d.isError() ? "mdi2a-alert-circle-outline" : "mdi2a-alert-outline");
            icon.getStyleClass().add("problem-icon");
            Label where = new Label(d.location());
            where.getStyleClass().add("problem-location");
            Label message = new Label(d.message());
            message.getStyleClass().add("problem-message");
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            HBox.setHgrow(message, Priority.ALWAYS);
            message.setMaxWidth(Double.MAX_VALUE);
            HBox row = new HBox(8, icon, where, message);
            row.setAlignment(Pos.CENTER_LEFT);
            if (d.fix() != null) {
                Button fix = new Button(fixLabel(d.fix()), new FontIcon("mdi2w-wrench-outline"));
                fix.getStyleClass().addAll("small", "problem-fix");
                fix.setOnAction(e -> onFix.accept(d.fix()));
                row.getChildren().add(fix);
            }
            row.setPadding(new Insets(2, 4, 2, 4));
            row.prefWidthProperty().bind(widthProperty().subtract(24));
            setGraphic(row);
            setText(null);
        }

        private static String fixLabel(Fix fix) {
            return switch (fix.kind()) {
                case INSERT_LAYER -> Messages.get("problems.fix.insert", fix.layer().jsonName());
                case SET_PARAM -> Messages.get("problems.fix.set", fix.param(), String.valueOf(fix.value()));
                case SET_PARAMS -> Messages.get("problems.fix.setMany", assignments(fix));
            };
        }

        /** {@code kind = image, height = 28, ...}: parameter names and values, not prose. */
        private static String assignments(Fix fix) {
            return String.join(", ", fix.params().entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).toList());
        }
    }
}
