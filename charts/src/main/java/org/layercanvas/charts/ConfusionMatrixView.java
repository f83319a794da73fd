package org.layercanvas.charts;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.geometry.Bounds;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;

/**
 * A confusion matrix as a heat map: row = true class, column = predicted class, a count in each cell (left out
 * when cells are too small to read it), class names on both axes. Colours are scaled per row by default (each
 * cell's share of its true class, i.e. recall on the diagonal), or by the largest count. Hovering shows
 * "true A, predicted B: n (p % of A)"; clicking a cell tells the {@link CellClickListener}.
 *
 * <p>A control: the state and API are here, {@code ConfusionMatrixSkin} draws it on one canvas (100 x 100 =
 * 10,000 cells would be as many nodes in a grid; painting them is a few milliseconds). Its colours are
 * CSS-styleable ({@code -lc-matrix-background}, {@code -lc-matrix-text}, {@code -lc-matrix-title},
 * {@code -lc-matrix-low}, {@code -lc-matrix-mid}, {@code -lc-matrix-high}, {@code -lc-matrix-highlight}); the
 * defaults in {@code charts.css} have a light and a {@code :dark} set, and an application maps them onto its
 * theme. FX thread only.
 */
public class ConfusionMatrixView extends Control {
    /** Told when the user clicks a cell. */
    @FunctionalInterface
    public interface CellClickListener {
        void onCellClicked(int trueClass, int predictedClass);
    }

    /** A cell: its row (true class) and column (predicted class). */
    public record Cell(int trueClass, int predictedClass) {
    }

    public static final String STYLE_CLASS = "confusion-matrix";
    private static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String STYLESHEET = ConfusionMatrixView.class.getResource("charts.css").toExternalForm();

    private final BooleanProperty normalized = new SimpleBooleanProperty(this, "normalized", true);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false) {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(DARK, get());
        }
    };
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    private final MatrixColors colors = new MatrixColors(this);

    private long[][] counts = new long[0][0];
    private long[] rowSums = new long[0];
    private long maxCount;
    private List<String> classNames = List.of();
    private CellClickListener cellClickListener;
    /** Bumped by every new matrix: the skin repaints when it changes. */
    private final javafx.beans.property.IntegerProperty revision =
            new javafx.beans.property.SimpleIntegerProperty(this, "revision");

    public ConfusionMatrixView() {
        getStyleClass().add(STYLE_CLASS);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new ConfusionMatrixSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return MatrixColors.SCHEMA.cssMetaData();
    }

    @Override
    protected List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }

    /**
     * Shows a matrix. {@code counts[t][p]} is how many examples of true class t were predicted as p.
     *
     * @param counts     square, n x n, no negative counts
     * @param classNames n names
     */
    public void setMatrix(long[][] counts, List<String> classNames) {
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(classNames, "classNames");
        int n = counts.length;
        if (classNames.size() != n) {
            throw new IllegalArgumentException(n + " rows but " + classNames.size() + " class names");
        }
        long[][] copy = new long[n][];
        long[] sums = new long[n];
        long max = 0;
        for (int r = 0; r < n; r++) {
            if (counts[r].length != n) {
                throw new IllegalArgumentException("row " + r + " has " + counts[r].length + " columns, expected " + n);
            }
            copy[r] = counts[r].clone();
            for (long v : copy[r]) {
                if (v < 0) {
                    throw new IllegalArgumentException("negative count in row " + r);
                }
                sums[r] += v;
                max = Math.max(max, v);
            }
        }
        this.counts = copy;
        this.rowSums = sums;
        this.maxCount = max;
        this.classNames = List.copyOf(classNames);
        hoverText.set("");
        revision.set(revision.get() + 1);
    }

    /** The number of classes shown (0 before {@link #setMatrix}). */
    public int getClassCount() {
        return counts.length;
    }

    /** A copy of the count in one cell. */
    public long getCount(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    long rowSum(int trueClass) {
        return rowSums[trueClass];
    }

    long maxCount() {
        return maxCount;
    }

    List<String> classNames() {
        return classNames;
    }

    javafx.beans.property.ReadOnlyIntegerProperty revisionProperty() {
        return revision;
    }

    MatrixColors colors() {
        return colors;
    }

    public void setOnCellClicked(CellClickListener listener) {
        cellClickListener = listener;
    }

    void cellClicked(Cell c) {
        if (cellClickListener != null) {
            cellClickListener.onCellClicked(c.trueClass(), c.predictedClass());
        }
    }

    /** True (default): colours show each cell's share of its row (true class); false: counts against the largest. */
    public BooleanProperty normalizedProperty() {
        return normalized;
    }

    public boolean isNormalized() {
        return normalized.get();
    }

    public void setNormalized(boolean value) {
        normalized.set(value);
    }

    /** The {@code :dark} pseudo-class: charts.css's dark colours, for applications that do not map a theme. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    public boolean isDark() {
        return dark.get();
    }

    /** What the hover read-out says ("" when the mouse is over no cell). */
    public ReadOnlyStringProperty hoverTextProperty() {
        return hoverText.getReadOnlyProperty();
    }

    public String getHoverText() {
        return hoverText.get();
    }

    void setHoverText(String text) {
        hoverText.set(text);
    }

    /** Where a cell is drawn, in this view's coordinates (as of the last layout); null before there is a matrix. */
    public Bounds cellBounds(int trueClass, int predictedClass) {
        Objects.checkIndex(trueClass, counts.length);
        Objects.checkIndex(predictedClass, counts.length);
        return getSkin() instanceof ConfusionMatrixSkin s ? s.cellBounds(trueClass, predictedClass) : null;
    }

    /** The cell at a point in this view's coordinates, or null. */
    public Cell cellAt(double x, double y) {
        return getSkin() instanceof ConfusionMatrixSkin s ? s.cellAt(x, y) : null;
    }

    /** The colour the background is painted with (styleable as {@code -lc-matrix-background}). */
    public ObjectProperty<Color> backgroundColorProperty() {
        return colors.background;
    }

    /** The colour of the lowest share or count (styleable as {@code -lc-matrix-low}). */
    public ObjectProperty<Color> lowColorProperty() {
        return colors.low;
    }

    /** The colour of the highest share or count (styleable as {@code -lc-matrix-high}). */
    public ObjectProperty<Color> highColorProperty() {
        return colors.high;
    }

    @SuppressWarnings("unchecked")
    static StyleableProperty<Color> styleable(ObjectProperty<Color> p) {
        return (StyleableProperty<Color>) p;
    }
}
