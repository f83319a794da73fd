package org.layercanvas.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Control;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;

/**
 * A confusion matrix as a heat map: row = true class, column = predicted class, a count in each cell (left out
 * when cells are too small to read it), class names on both axes. Colours are scaled per row by default (each
 * cell's share of its true class, i.e. recall on the diagonal), or by the largest count. Hovering shows
 * "true A, predicted B: n (p % of A)"; clicking a cell tells the {@link CellClickListener}.
 *
 * <p>The control holds the data and the API; {@link ConfusionMatrixSkin} draws it on one {@link Canvas}
 * (100 x 100 = 10,000 cells would be as many nodes in a grid; painting them is a few milliseconds). Its colours
 * are CSS properties of the style class {@code confusion-matrix}: {@code -lc-background}, {@code -lc-text},
 * {@code -lc-grid}, {@code -lc-cell-low}, {@code -lc-cell-high}. Their defaults in {@code charts.css} use
 * AtlantaFX's looked-up colours, so the application's light or dark theme restyles the matrix. FX thread only.
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

    /** The style class of the control. */
    public static final String STYLE_CLASS = "confusion-matrix";
    /** Set while {@link #isDark()}; the AtlantaFX colours follow the theme without it. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private static final String STYLESHEET =
            Objects.requireNonNull(ConfusionMatrixView.class.getResource("charts.css"), "charts.css").toExternalForm();

    private static final CssMetaData<ConfusionMatrixView, Color> BACKGROUND =
            CssColors.metaData("-lc-background", ChartPalette.LIGHT.background(), v -> v.backgroundColor);
    private static final CssMetaData<ConfusionMatrixView, Color> TEXT =
            CssColors.metaData("-lc-text", ChartPalette.LIGHT.text(), v -> v.textColor);
    private static final CssMetaData<ConfusionMatrixView, Color> GRID =
            CssColors.metaData("-lc-grid", ChartPalette.LIGHT.grid(), v -> v.gridColor);
    private static final CssMetaData<ConfusionMatrixView, Color> CELL_LOW =
            CssColors.metaData("-lc-cell-low", Color.web("#f5f9fe"), v -> v.cellLowColor);
    private static final CssMetaData<ConfusionMatrixView, Color> CELL_HIGH =
            CssColors.metaData("-lc-cell-high", Color.web("#08306b"), v -> v.cellHighColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        all.addAll(List.of(BACKGROUND, TEXT, GRID, CELL_LOW, CELL_HIGH));
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private final StyleableObjectProperty<Color> backgroundColor = CssColors.property(this, "backgroundColor", BACKGROUND);
    private final StyleableObjectProperty<Color> textColor = CssColors.property(this, "textColor", TEXT);
    private final StyleableObjectProperty<Color> gridColor = CssColors.property(this, "gridColor", GRID);
    private final StyleableObjectProperty<Color> cellLowColor = CssColors.property(this, "cellLowColor", CELL_LOW);
    private final StyleableObjectProperty<Color> cellHighColor = CssColors.property(this, "cellHighColor", CELL_HIGH);
    private final BooleanProperty normalized = new SimpleBooleanProperty(this, "normalized", true);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false) {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(DARK, get());
        }
    };
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");
    /** Counts up on every {@link #setMatrix}, so that the skin knows to repaint. */
    private final ReadOnlyIntegerWrapper matrixRevision = new ReadOnlyIntegerWrapper(this, "matrixRevision");

    private long[][] counts = new long[0][0];
    private long[] rowSums = new long[0];
    private long maxCount;
    private List<String> classNames = List.of();
    private CellClickListener cellClickListener;

    public ConfusionMatrixView() {
        getStyleClass().add(STYLE_CLASS);
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
        matrixRevision.set(matrixRevision.get() + 1);
    }

    /** The number of classes shown (0 before {@link #setMatrix}). */
    public int getClassCount() {
        return counts.length;
    }

    /** The count in one cell. */
    public long getCount(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** The sum of a row: how many examples of the true class there are. */
    long getRowSum(int trueClass) {
        return rowSums[trueClass];
    }

    /** The largest count in any cell. */
    long getMaxCount() {
        return maxCount;
    }

    /** The class names, as many as {@link #getClassCount()}. */
    List<String> getClassNames() {
        return classNames;
    }

    ReadOnlyIntegerProperty matrixRevisionProperty() {
        return matrixRevision.getReadOnlyProperty();
    }

    public void setOnCellClicked(CellClickListener listener) {
        cellClickListener = listener;
    }

    void fireCellClicked(Cell cell) {
        if (cellClickListener != null) {
            cellClickListener.onCellClicked(cell.trueClass(), cell.predictedClass());
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

    /**
     * Whether the app shows its dark theme. Kept for source compatibility: the colours come from CSS and follow the
     * AtlantaFX theme by themselves; this only sets the {@code :dark} pseudo-class for stylesheets that want it.
     */
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
        return getSkin() instanceof ConfusionMatrixSkin skin ? skin.cellBounds(trueClass, predictedClass) : null;
    }

    /** The cell at a point in this view's coordinates, or null. */
    public Cell cellAt(double x, double y) {
        return getSkin() instanceof ConfusionMatrixSkin skin ? skin.cellAt(x, y) : null;
    }

    /** The plot's background ({@code -lc-background}). */
    public StyleableObjectProperty<Color> backgroundColorProperty() {
        return backgroundColor;
    }

    /** Class names, axis titles and colour-bar labels ({@code -lc-text}). */
    public StyleableObjectProperty<Color> textColorProperty() {
        return textColor;
    }

    /** The lines between cells ({@code -lc-grid}). */
    public StyleableObjectProperty<Color> gridColorProperty() {
        return gridColor;
    }

    /** A cell with no share of its row ({@code -lc-cell-low}). */
    public StyleableObjectProperty<Color> cellLowColorProperty() {
        return cellLowColor;
    }

    /** A cell with all of its row ({@code -lc-cell-high}). */
    public StyleableObjectProperty<Color> cellHighColorProperty() {
        return cellHighColor;
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
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
