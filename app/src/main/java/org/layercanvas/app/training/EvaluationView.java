package org.layercanvas.app.training;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import org.layercanvas.app.Messages;
import org.layercanvas.app.data.DataPictures;
import org.layercanvas.app.training.EvaluationViewModel.ClassRow;
import org.layercanvas.app.training.EvaluationViewModel.Example;
import org.layercanvas.charts.ConfusionMatrixView;

/**
 * After a run: test loss and accuracy, the confusion matrix as a heat map, precision/recall/F1 per class, and
 * the test examples behind a clicked cell (as pictures for image data). Renders an {@link EvaluationViewModel}.
 */
public final class EvaluationView extends SplitPane {
    private final EvaluationViewModel model;
    private final ConfusionMatrixView matrix = new ConfusionMatrixView();
    private final TableView<ClassRow> table = new TableView<>();
    private final FlowPane examples = new FlowPane(6, 6);

    public EvaluationView(EvaluationViewModel model) {
        this.model = model;
        setId("evaluation");
        Label summary = title(model.summaryProperty().get());
        summary.setId("evaluation-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label cellTitle = title(null);
        cellTitle.textProperty().bind(model.cellTitleProperty());
        matrix.setId("confusion-matrix");
        matrix.setMinSize(240, 240);
        matrix.setOnCellClicked(model::showCell);
        model.shownProperty().addListener((o, a, ev) -> {
            if (ev == null) {
                matrix.setMatrix(new long[0][0], java.util.List.of());
            } else {
                matrix.setMatrix(ev.confusion(), ev.classNames());
            }
        });

        table.setId("class-metrics");
        table.getColumns().add(column("evaluation.class", ClassRow::name));
        table.getColumns().add(column("evaluation.precision", r -> EvaluationViewModel.percent(r.precision())));
        table.getColumns().add(column("evaluation.recall", r -> EvaluationViewModel.percent(r.recall())));
        table.getColumns().add(column("evaluation.f1", r -> EvaluationViewModel.percent(r.f1())));
        table.getColumns().add(column("evaluation.support", r -> Long.toString(r.support())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("evaluation.none")));
        table.setItems(model.rows());

        examples.setId("cell-examples");
        examples.setPadding(new Insets(6));
        model.examples().addListener((ListChangeListener<Example>) c ->
                examples.getChildren().setAll(model.examples().stream().map(EvaluationView::node).toList()));
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

    /** A bold title that keeps the lines it needs (the matrix below grows) rather than an ellipsis. */
    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static TableColumn<ClassRow, String> column(String key, Function<ClassRow, String> value) {
        String title = Messages.get(key);
        TableColumn<ClassRow, String> c = new TableColumn<>(title);
        // Never narrower than its (bold) heading: "Preci..." tells a student nothing; the table scrolls instead.
        Text probe = new Text(title);
        probe.setFont(Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, Font.getDefault().getSize()));
        Text widest = new Text(EvaluationViewModel.percent(1.0));
        c.setMinWidth(Math.ceil(Math.max(probe.getLayoutBounds().getWidth() + 28,
                widest.getLayoutBounds().getWidth() + 24)));
        c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
        return c;
    }

    /** How one example looks: images at a readable size without smoothing, other data as text. */
    private static Node node(Example example) {
        if (example instanceof Example.Picture p) {
            return pixels(DataPictures.picture(p.values(), p.height(), p.width(), p.channels()), p.width(),
                    p.height(), Math.max(2, 96.0 / p.height()));
        }
        if (example instanceof Example.Grid g) {
            return pixels(DataPictures.picture(g.values(), g.side(), g.side(), 1), g.side(), g.side(), 6);
        }
        if (example instanceof Example.Values v) {
            return new Label(v.text());
        }
        return new Label(Messages.get("evaluation.example.index", example.index()));
    }

    private static ImageView pixels(Image image, int width, int height, double zoom) {
        ImageView view = new ImageView(image);
        view.setFitWidth(width * zoom);
        view.setFitHeight(height * zoom);
        view.setSmooth(false);
        return view;
    }

    /** Shows an evaluation (null: none). */
    public void show(org.layercanvas.runtime.train.TrainingEvent.Evaluation ev) {
        model.show(ev);
    }

    /** The examples of one cell: true class {@code t}, predicted {@code p}. */
    public void showCell(int t, int p) {
        model.showCell(t, p);
    }

    public EvaluationViewModel model() {
        return model;
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
