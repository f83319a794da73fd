package org.layercanvas.app.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.layercanvas.app.Messages;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Split;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.CsvImport;
import org.layercanvas.runtime.data.CsvTable;
import org.layercanvas.runtime.data.DatasetException;

/**
 * Import of a CSV file as the document's dataset: shows the detected separator and header with the first rows,
 * lets the user pick the label column, the feature columns and the normalisation, and checks the choice (numbers
 * in every feature column, at least two classes) before accepting it.
 */
public final class CsvImportDialog {
    static final int PREVIEW_ROWS = 50;

    private final Dialog<DatasetSpec> dialog = new Dialog<>();
    private final CsvTable table;
    private final ChoiceBox<String> label = new ChoiceBox<>();
    private final List<CheckBox> features = new ArrayList<>();
    private final ChoiceBox<String> normalize = new ChoiceBox<>();
    private final Label problem = new Label();
    private final String storedPath;
    private final DatasetSpec previous;

    /**
     * @param storedPath the path as it is written into the document (relative to the document's folder when it can be)
     */
    public CsvImportDialog(Window owner, CsvTable table, String storedPath, DatasetSpec previous) {
        this.table = table;
        this.storedPath = storedPath;
        this.previous = previous;
        dialog.initOwner(owner);
        dialog.setTitle(Messages.get("import.csv.title"));
        dialog.setHeaderText(Messages.get("import.csv.detected", table.source(), table.size(), table.delimiterName(),
                table.hasHeader() ? Messages.get("import.csv.header.yes") : Messages.get("import.csv.header.no")));
        dialog.getDialogPane().setId("csv-import");

        TableView<String[]> rows = new TableView<>();
        rows.setId("csv-import-rows");
        rows.setPrefHeight(200);
        for (int j = 0; j < table.columns().size(); j++) {
            int col = j;
            TableColumn<String[], String> c = new TableColumn<>(table.columns().get(j));
            c.setCellValueFactory(r -> new SimpleStringProperty(col < r.getValue().length ? r.getValue()[col] : ""));
            rows.getColumns().add(c);
        }
        for (int i = 0; i < Math.min(PREVIEW_ROWS, table.size()); i++) {
            rows.getItems().add(table.rows().get(i));
        }

        label.getItems().setAll(table.columns());
        label.setId("csv-import-label");
        label.setValue(table.columns().get(table.columns().size() - 1));
        VBox featureBoxes = new VBox(3);
        for (String name : table.columns()) {
            CheckBox box = new CheckBox(name);
            box.setSelected(true);
            features.add(box);
            featureBoxes.getChildren().add(box);
        }
        label.valueProperty().addListener((o, a, b) -> syncFeatures());
        syncFeatures();
        ScrollPane featureScroll = new ScrollPane(featureBoxes);
        featureScroll.setPrefHeight(140);
        featureScroll.setFitToWidth(true);
        normalize.getItems().setAll(DatasetCatalog.NORMALIZATIONS);
        normalize.setValue("standardize");
        normalize.setId("csv-import-normalize");
        problem.setWrapText(true);
        problem.getStyleClass().add("finding-error");
        problem.setId("csv-import-problem");

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(Messages.get("import.csv.label")), label);
        form.addRow(1, new Label(Messages.get("import.csv.features")), featureScroll);
        form.addRow(2, new Label(Messages.get("import.csv.normalize")), normalize);
        GridPane.setHgrow(featureScroll, Priority.ALWAYS);
        VBox content = new VBox(10, rows, form, problem);
        content.setPadding(new Insets(4));
        content.setPrefWidth(640);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (result() == null) {
                e.consume();
            }
        });
        dialog.setResultConverter(b -> b == ButtonType.OK ? result() : null);
    }

    private void syncFeatures() {
        for (CheckBox box : features) {
            boolean isLabel = box.getText().equals(label.getValue());
            box.setDisable(isLabel);
            if (isLabel) {
                box.setSelected(false);
            }
        }
    }

    /** The dataset as chosen, or null with the reason shown when the choice does not work. */
    DatasetSpec result() {
        List<String> chosen = features.stream().filter(CheckBox::isSelected).map(CheckBox::getText).toList();
        if (chosen.isEmpty()) {
            problem.setText(Messages.get("import.csv.noFeatures"));
            return null;
        }
        CsvImport.Result r;
        try {
            r = CsvImport.toExamples(table, chosen, label.getValue(), CsvImport.MissingValues.FILL_TRAIN_MEAN);
        } catch (DatasetException e) {
            problem.setText(e.getMessage());
            return null;
        }
        problem.setText("");
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("path", storedPath);
        options.put("label", label.getValue());
        int all = table.columns().size() - 1;
        if (chosen.size() != all) {
            options.put("columns", String.join(",", chosen));
        }
        options.put("features", r.featureNames().size());
        options.put("classes", r.examples().numClasses());
        options.put("normalize", normalize.getValue());
        Split split = previous == null ? Split.DEFAULT : previous.split();
        long seed = previous == null ? 0 : previous.seed();
        return new DatasetSpec(DatasetCatalog.CSV, options, split, seed);
    }

    public Optional<DatasetSpec> showAndWait() {
        return dialog.showAndWait();
    }

    public Dialog<DatasetSpec> dialog() {
        return dialog;
    }

    /** {@code file} as written into a document saved in {@code baseFolder}: relative when below it. */
    public static String storedPath(Path file, Path baseFolder) {
        Path abs = file.toAbsolutePath().normalize();
        if (baseFolder != null && abs.startsWith(baseFolder.toAbsolutePath().normalize())) {
            return baseFolder.toAbsolutePath().normalize().relativize(abs).toString().replace('\\', '/');
        }
        return abs.toString();
    }
}
