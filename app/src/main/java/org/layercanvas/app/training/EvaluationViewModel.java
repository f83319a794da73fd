package org.layercanvas.app.training;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.layercanvas.app.Messages;
import org.layercanvas.app.data.DataPictures;
import org.layercanvas.i18n.Numbers;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.data.BatchSource;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The Evaluation tab's state: the evaluation shown, its summary line and per-class rows, and the test examples
 * behind the clicked cell of the confusion matrix. The test split those examples come from loads on the
 * background executor the first time a run's evaluation is shown; the cell is filled again when it arrives.
 * Tested without a stage.
 */
public final class EvaluationViewModel {
    /** One row of the per-class table. */
    public record ClassRow(String name, double precision, double recall, double f1, long support) {
    }

    /** One test example behind a cell, in the form it can be shown. */
    public sealed interface Example {
        /** Its index in the test split. */
        int index();

        /** An image example, laid out as its input shape (height, width, channels). */
        record Picture(int index, float[] values, int height, int width, int channels) implements Example {
        }

        /** A square grid of values (8x8 digits as flat features). */
        record Grid(int index, float[] values, int side) implements Example {
        }

        /** Anything else: its first values, as text. */
        record Values(int index, String text) implements Example {
        }

        /** The test split is not (yet) loaded: only the index is known. */
        record Unknown(int index) implements Example {
        }
    }

    private final Supplier<NetworkDocument> trainedDocument;
    private final Executor background;
    private final Executor ui;
    private Supplier<DataContext> dataContext = DataContext::offline;
    private final ReadOnlyObjectWrapper<TrainingEvent.Evaluation> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            Messages.get("evaluation.none"));
    private final ReadOnlyStringWrapper cellTitle = new ReadOnlyStringWrapper(this, "cellTitle",
            Messages.get("evaluation.clickCell"));
    private final ObservableList<ClassRow> rows = FXCollections.observableArrayList();
    /** One read-only view, kept: a wrapper made per call forwards changes only while someone holds it. */
    private final ObservableList<ClassRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<Example> examples = FXCollections.observableArrayList();
    /** One read-only view, kept: a wrapper made per call forwards changes only while someone holds it. */
    private final ObservableList<Example> examplesView = FXCollections.unmodifiableObservableList(examples);
    private BatchSource testSplit;
    private NetworkDocument testSplitOf;
    private int[] lastCell;

    /**
     * @param trainedDocument the network the evaluation belongs to (its dataset gives the test split)
     * @param background      where the test split loads (the window's task executor)
     * @param ui              where results are published (the FX thread)
     */
    public EvaluationViewModel(Supplier<NetworkDocument> trainedDocument, Executor background, Executor ui) {
        this.trainedDocument = trainedDocument;
        this.background = background;
        this.ui = ui;
    }

    /** Where the window finds datasets (its cache), for the test examples behind a cell. */
    public void setDataContext(Supplier<DataContext> context) {
        this.dataContext = context;
    }

    public ReadOnlyObjectProperty<TrainingEvent.Evaluation> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cellTitleProperty() {
        return cellTitle.getReadOnlyProperty();
    }

    public ObservableList<ClassRow> rows() {
        return rowsView;
    }

    public ObservableList<Example> examples() {
        return examplesView;
    }

    /** Shows an evaluation (null: none). */
    public void show(TrainingEvent.Evaluation ev) {
        shown.set(ev);
        examples.clear();
        lastCell = null;
        cellTitle.set(Messages.get("evaluation.clickCell"));
        if (ev == null) {
            summary.set(Messages.get("evaluation.none"));
            rows.clear();
            return;
        }
        long total = 0;
        for (long[] row : ev.confusion()) {
            for (long v : row) {
                total += v;
            }
        }
        summary.set(Messages.get("evaluation.summary", percent(ev.testAccuracy()),
                Numbers.fixed(ev.testLoss(), 4),
                total));
        List<ClassRow> list = new ArrayList<>();
        for (int c = 0; c < ev.classNames().size(); c++) {
            list.add(new ClassRow(ev.classNames().get(c), ev.precision()[c], ev.recall()[c], ev.f1()[c],
                    ev.support()[c]));
        }
        rows.setAll(list);
        loadTestSplit();
    }

    /** The examples of one cell: true class {@code t}, predicted {@code p}. */
    public void showCell(int t, int p) {
        TrainingEvent.Evaluation ev = shown.get();
        if (ev == null) {
            return;
        }
        lastCell = new int[] {t, p};
        loadTestSplit();
        List<String> names = ev.classNames();
        cellTitle.set(Messages.get("evaluation.cell", names.get(t), names.get(p), ev.confusion()[t][p]));
        List<Example> list = new ArrayList<>();
        for (int index : ev.examples()[t][p]) {
            list.add(example(index));
        }
        examples.setAll(list);
    }

    private Example example(int index) {
        BatchSource test = testSplit;
        if (test == null || index >= test.size()) {
            return new Example.Unknown(index);
        }
        float[] x = new float[test.featureCount()];
        test.features(index, x, 0);
        TensorShape shape = test.shapes().isEmpty() ? null : test.shapes().get(0);
        int side = (int) Math.round(Math.sqrt(x.length));
        if (DataPictures.isPicture(shape)) {
            return new Example.Picture(index, x, shape.dim(0), shape.dim(1), shape.dim(2));
        }
        if (side * side == x.length && side >= 4) {
            return new Example.Grid(index, x, side);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(4, x.length); i++) {
            text.append(i == 0 ? "" : ", ").append(String.format(Locale.getDefault(), "%.2f", x[i]));
        }
        return new Example.Values(index, Messages.get(x.length > 4 ? "evaluation.example.more"
                : "evaluation.example", index, text.toString()));
    }

    /**
     * Loads the test split behind the evaluation off the FX thread (a downloaded dataset takes a second or more),
     * then fills the clicked cell again, if any.
     */
    private void loadTestSplit() {
        NetworkDocument doc = trainedDocument.get();
        if (doc == null || doc.dataset() == null || doc == testSplitOf) {
            return;
        }
        testSplitOf = doc;
        testSplit = null;
        DataContext context = dataContext.get();
        background.execute(() -> {
            BatchSource loaded = TestSplits.load(doc, context);
            ui.execute(() -> {
                if (testSplitOf == doc) {
                    testSplit = loaded;
                    if (lastCell != null) {
                        showCell(lastCell[0], lastCell[1]);
                    }
                }
            });
        });
    }

    /** A fraction as a percentage with one decimal ("97.5 %"), or a dash when unknown. */
    static String percent(double v) {
        return Numbers.percent(v);
    }
}
