package org.layercanvas.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layercanvas.app.Messages;
import org.layercanvas.charts.ConfusionMatrixView;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * After a run: test loss and accuracy, the confusion matrix as a heat map, precision/recall/F1 per class, and
 * the test examples behind a clicked cell (as pictures for image data).
 */
public final class EvaluationView extends SplitPane {
    /** One row of the per-class table. */
    public record ClassRow(String name, double precision, double recall, double f1, long support) {
    }

    private final Label summary = new Label(Messages.get("evaluation.none"));
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final TableView<ClassRow> table = new TableView<>();
    private final Label cellTitle = new Label();
    private final FlowPane examples = new FlowPane(6, 6);
    private final Supplier<NetworkDocument> trainedDocument;
    private final java.util.concurrent.Executor loader;
    private final ReadOnlyObjectWrapper<TrainingEvent.Evaluation> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private org.layercanvas.runtime.data.BatchSource testSplit;
    private NetworkDocument testSplitOf;
    private java.util.function.Supplier<org.layercanvas.runtime.data.DataContext> dataContext =
            org.layercanvas.runtime.data.DataContext::offline;

    /**
     * @param background where the test split behind the matrix loads (the window's task executor)
     */
    public EvaluationView(Supplier<NetworkDocument> trainedDocument, java.util.concurrent.Executor background) {
        this.trainedDocument = trainedDocument;
        this.loader = background;
        setId("evaluation");
        summary.setId("evaluation-summary");
        summary.getStyleClass().add("pane-title");
        summary.setWrapText(true);
        // The matrix below grows; the summary keeps the lines it needs rather than an ellipsis.
        summary.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        cellTitle.setWrapText(true);
        cellTitle.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        matrix.setId("confusion-matrix");
        matrix.setMinSize(240, 240);
        matrix.setOnCellClicked((trueClass, predicted) -> showCell(trueClass, predicted));

        table.setId("class-metrics");
        table.getColumns().add(column("evaluation.class", r -> r.name()));
        table.getColumns().add(column("evaluation.precision", r -> pct(r.precision())));
        table.getColumns().add(column("evaluation.recall", r -> pct(r.recall())));
        table.getColumns().add(column("evaluation.f1", r -> pct(r.f1())));
        table.getColumns().add(column("evaluation.support", r -> Long.toString(r.support())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("evaluation.none")));

        cellTitle.getStyleClass().add("pane-title");
        cellTitle.setText(Messages.get("evaluation.clickCell"));
        examples.setId("cell-examples");
        examples.setPadding(new Insets(6));
        ScrollPane exampleScroll = new ScrollPane(examples);
        exampleScroll.setFitToWidth(true);
        VBox.setVgrow(exampleScroll, Priority.ALWAYS);
        VBox.setVgrow(matrix, Priority.ALWAYS);
        VBox left = new VBox(8, summary, matrix);
        left.setPadding(new Insets(8));
        VBox right = new VBox(8, table, cellTitle, exampleScroll);
        right.setPadding(new Insets(8));
        getItems().addAll(left, right);
        // Half each: below that the matrix drops its counts; the table scrolls sideways rather than cut headings.
        setDividerPositions(0.5);
    }

    private static TableColumn<ClassRow, String> column(String key,
                                                        java.util.function.Function<ClassRow, String> value) {
        String title = Messages.get(key);
        TableColumn<ClassRow, String> c = new TableColumn<>(title);
        // Never narrower than its (bold) heading: "Preci..." tells a student nothing; the table scrolls instead.
        javafx.scene.text.Text probe = new javafx.scene.text.Text(title);
        probe.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(),
                javafx.scene.text.FontWeight.BOLD, javafx.scene.text.Font.getDefault().getSize()));
        javafx.scene.text.Text widest = new javafx.scene.text.Text(pct(1.0));
        c.setMinWidth(Math.ceil(Math.max(probe.getLayoutBounds().getWidth() + 28,
                widest.getLayoutBounds().getWidth() + 24)));
        c.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    public void show(TrainingEvent.Evaluation ev) {
        shown.set(ev);
        examples.getChildren().clear();
        cellTitle.setText(Messages.get("evaluation.clickCell"));
        if (ev == null) {
            summary.setText(Messages.get("evaluation.none"));
            table.getItems().clear();
            matrix.setMatrix(new long[0][0], List.of());
            return;
        }
        long total = 0;
        for (long[] row : ev.confusion()) {
            for (long v : row) {
                total += v;
            }
        }
        summary.setText(Messages.get("evaluation.summary", pct(ev.testAccuracy()),
                Double.isNaN(ev.testLoss()) ? "\u2014" : String.format(Locale.getDefault(), "%.4f", ev.testLoss()),
                total));
        matrix.setMatrix(ev.confusion(), ev.classNames());
        List<ClassRow> rows = new ArrayList<>();
        for (int c = 0; c < ev.classNames().size(); c++) {
            rows.add(new ClassRow(ev.classNames().get(c), ev.precision()[c], ev.recall()[c], ev.f1()[c],
                    ev.support()[c]));
        }
        table.getItems().setAll(rows);
        loadTestSplit();
    }

    private int[] lastCell;

    /**
     * Loads the test split behind the evaluation off the FX thread (a downloaded dataset takes a second or more),
     * then redraws the clicked cell, if any.
     */
    private void loadTestSplit() {
        NetworkDocument doc = trainedDocument.get();
        if (doc == null || doc.dataset() == null || doc == testSplitOf) {
            return;
        }
        testSplitOf = doc;
        testSplit = null;
        org.layercanvas.runtime.data.DataContext context = dataContext.get();
        loader.execute(() -> {
            org.layercanvas.runtime.data.BatchSource loaded = TestSplits.load(doc, context);
            javafx.application.Platform.runLater(() -> {
                if (testSplitOf == doc) {
                    testSplit = loaded;
                    if (lastCell != null) {
                        showCell(lastCell[0], lastCell[1]);
                    }
                }
            });
        });
    }

    /** The examples of one cell: true class {@code t}, predicted {@code p}. */
    public void showCell(int t, int p) {
        TrainingEvent.Evaluation ev = shown.get();
        if (ev == null) {
            return;
        }
        lastCell = new int[] {t, p};
        loadTestSplit();
        examples.getChildren().clear();
        List<String> names = ev.classNames();
        cellTitle.setText(Messages.get("evaluation.cell", names.get(t), names.get(p), ev.confusion()[t][p]));
        org.layercanvas.runtime.data.BatchSource test = testSplit();
        for (int index : ev.examples()[t][p]) {
            if (test == null || index >= test.size()) {
                examples.getChildren().add(new Label("#" + index));
                continue;
            }
            float[] x = new float[test.featureCount()];
            test.features(index, x, 0);
            int side = (int) Math.round(Math.sqrt(x.length));
            org.layercanvas.model.shape.TensorShape shape = test.shapes().isEmpty() ? null : test.shapes().get(0);
            if (org.layercanvas.app.data.DataPictures.isPicture(shape)) {
                ImageView view = new ImageView(org.layercanvas.app.data.DataPictures.picture(x, shape.dim(0),
                        shape.dim(1), shape.dim(2)));
                double zoom = Math.max(2, 96.0 / shape.dim(0));
                view.setFitWidth(shape.dim(1) * zoom);
                view.setFitHeight(shape.dim(0) * zoom);
                view.setSmooth(false);
                examples.getChildren().add(view);
            } else if (side * side == x.length && side >= 4) {
                ImageView view = new ImageView(picture(x, side));
                view.setFitWidth(side * 6);
                view.setFitHeight(side * 6);
                view.setSmooth(false);
                examples.getChildren().add(view);
            } else {
                StringBuilder text = new StringBuilder("#").append(index).append(": ");
                for (int i = 0; i < Math.min(4, x.length); i++) {
                    text.append(i == 0 ? "(" : ", ").append(String.format(Locale.getDefault(), "%.2f", x[i]));
                }
                examples.getChildren().add(new Label(text.append(x.length > 4 ? ", \u2026)" : ")").toString()));
            }
        }
    }

    /** Where the window finds datasets (its cache), for showing the test examples behind a cell. */
    public void setDataContext(java.util.function.Supplier<org.layercanvas.runtime.data.DataContext> context) {
        this.dataContext = context;
    }

    private org.layercanvas.runtime.data.BatchSource testSplit() {
        return testSplit;
    }

    private static WritableImage picture(float[] x, int side) {
        WritableImage image = new WritableImage(side, side);
        PixelWriter w = image.getPixelWriter();
        float max = 1e-6f;
        for (float v : x) {
            max = Math.max(max, v);
        }
        for (int i = 0; i < x.length; i++) {
            double v = Math.max(0, Math.min(1, x[i] / max));
            w.setColor(i % side, i / side, Color.gray(1 - v));
        }
        return image;
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "\u2014" : String.format(Locale.getDefault(), "%.1f %%", v * 100);
    }

    public ConfusionMatrixView matrix() {
        return matrix;
    }

    public TableView<ClassRow> table() {
        return table;
    }

    public FlowPane examples() {
        return examples;
    }
}
