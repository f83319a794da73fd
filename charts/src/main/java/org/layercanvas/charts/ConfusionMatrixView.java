package org.layercanvas.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * A confusion matrix as a heat map: row = true class, column = predicted class, a count in each cell (left out
 * when cells are too small to read it), class names on both axes. Colours are scaled per row by default (each
 * cell's share of its true class, i.e. recall on the diagonal), or by the largest count. Hovering shows
 * "true A, predicted B: n (p % of A)"; clicking a cell tells the {@link CellClickListener}.
 *
 * <p>Drawn on one {@link Canvas}: 100 x 100 = 10,000 cells would be as many nodes in a grid; painting them is a
 * few milliseconds. FX thread only.
 */
public class ConfusionMatrixView extends Region {
    /** Told when the user clicks a cell. */
    @FunctionalInterface
    public interface CellClickListener {
        void onCellClicked(int trueClass, int predictedClass);
    }

    /** A cell: its row (true class) and column (predicted class). */
    public record Cell(int trueClass, int predictedClass) {
    }

    private static final double PAD = 10;
    private static final double AXIS_TITLE = 22;
    private static final double LABEL_GAP = 6;
    private static final double MAX_LABEL = 130;
    private static final double COLOR_BAR = 14;
    private static final double COLOR_BAR_GAP = 16;
    private static final double COLOR_BAR_LABELS = 44;
    private static final Font LABEL_FONT = Font.font("System", 12);
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);

    private static final Color[] LIGHT_SCALE = {Color.web("#f5f9fe"), Color.web("#c6dbef"), Color.web("#6baed6"),
        Color.web("#2171b5"), Color.web("#08306b")};
    private static final Color[] DARK_SCALE = {Color.web("#262b33"), Color.web("#1f4a73"), Color.web("#2c78b8"),
        Color.web("#5aa9e6"), Color.web("#c9e6ff")};

    private final Canvas canvas = new Canvas();
    private final Rectangle highlight = new Rectangle();
    private final Label hoverLabel = new Label();
    private final BooleanProperty normalized = new SimpleBooleanProperty(this, "normalized", true);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);
    private final ReadOnlyStringWrapper hoverText = new ReadOnlyStringWrapper(this, "hoverText", "");

    private long[][] counts = new long[0][0];
    private long[] rowSums = new long[0];
    private long maxCount;
    private List<String> classNames = List.of();
    private CellClickListener cellClickListener;

    /** Geometry of the last drawing. */
    private double gridX;
    private double gridY;
    private double cell;
    private boolean dirty = true;

    public ConfusionMatrixView() {
        getStyleClass().add("confusion-matrix");
        highlight.setManaged(false);
        highlight.setMouseTransparent(true);
        highlight.setFill(Color.TRANSPARENT);
        highlight.setStrokeWidth(2);
        highlight.setVisible(false);
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        getChildren().addAll(canvas, highlight, hoverLabel);

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
                return;
            }
            Cell c = cellAt(e.getX(), e.getY());
            if (c != null && cellClickListener != null) {
                cellClickListener.onCellClicked(c.trueClass(), c.predictedClass());
            }
        });
        normalized.addListener((obs, o, n) -> redraw());
        dark.addListener((obs, o, n) -> {
            applyTheme();
            redraw();
        });
        applyTheme();
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
        clearHover();
        redraw();
    }

    /** The number of classes shown (0 before {@link #setMatrix}). */
    public int getClassCount() {
        return counts.length;
    }

    /** A copy of the count in one cell. */
    public long getCount(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    public void setOnCellClicked(CellClickListener listener) {
        cellClickListener = listener;
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

    /** Where a cell is drawn, in this view's coordinates (as of the last layout); null before there is a matrix. */
    public Bounds cellBounds(int trueClass, int predictedClass) {
        Objects.checkIndex(trueClass, counts.length);
        Objects.checkIndex(predictedClass, counts.length);
        if (cell <= 0) {
            return null;
        }
        return new BoundingBox(canvas.getLayoutX() + gridX + predictedClass * cell,
                canvas.getLayoutY() + gridY + trueClass * cell, cell, cell);
    }

    /** The cell at a point in this view's coordinates, or null. */
    public Cell cellAt(double x, double y) {
        int n = counts.length;
        if (n == 0 || cell <= 0) {
            return null;
        }
        double cx = x - canvas.getLayoutX() - gridX;
        double cy = y - canvas.getLayoutY() - gridY;
        if (cx < 0 || cy < 0 || cx >= n * cell || cy >= n * cell) {
            return null;
        }
        return new Cell(Math.min(n - 1, (int) (cy / cell)), Math.min(n - 1, (int) (cx / cell)));
    }

    // ---------------------------------------------------------------- hover

    private void hover(double x, double y) {
        Cell c = cellAt(x, y);
        if (c == null) {
            clearHover();
            return;
        }
        int t = c.trueClass();
        int p = c.predictedClass();
        long n = counts[t][p];
        double share = rowSums[t] == 0 ? 0 : (double) n / rowSums[t];
        String text = Messages.format("matrix.hover", classNames.get(t), classNames.get(p), n, share);
        hoverText.set(text);
        Bounds b = cellBounds(t, p);
        highlight.setX(b.getMinX() + 1);
        highlight.setY(b.getMinY() + 1);
        highlight.setWidth(Math.max(1, b.getWidth() - 2));
        highlight.setHeight(Math.max(1, b.getHeight() - 2));
        highlight.setVisible(true);
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        hoverLabel.autosize();
        double w = hoverLabel.getWidth();
        double h = hoverLabel.getHeight();
        double lx = x + 14 + w > getWidth() ? x - 14 - w : x + 14;
        double ly = y + 18 + h > getHeight() ? y - 10 - h : y + 18;
        hoverLabel.relocate(Math.max(0, lx), Math.max(0, ly));
    }

    private void clearHover() {
        hoverText.set("");
        highlight.setVisible(false);
        hoverLabel.setVisible(false);
    }

    // ---------------------------------------------------------------- drawing

    private void redraw() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        canvas.relocate(0, 0);
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        boolean d = dark.get();
        Color text = ChartPalette.of(d).text();
        Color strong = ChartPalette.of(d).strongText();
        int n = counts.length;
        g.setTextBaseline(VPos.CENTER);
        if (n == 0) {
            cell = 0;
            g.setFill(text);
            g.setFont(LABEL_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Messages.get("matrix.empty"), w / 2, h / 2);
            return;
        }

        double maxName = 0;
        for (String name : classNames) {
            maxName = Math.max(maxName, textWidth(name, LABEL_FONT));
        }
        double rowLabelWidth = Math.min(MAX_LABEL, maxName);
        double left = PAD + AXIS_TITLE + rowLabelWidth + LABEL_GAP;
        double right = PAD + COLOR_BAR_GAP + COLOR_BAR + COLOR_BAR_LABELS;
        // First guess with horizontal column labels, then rotate them if they do not fit a cell.
        double labelHeight = 16;
        double top = PAD;
        double availableW = w - left - right;
        double size = Math.floor(Math.min(availableW, h - top - PAD - AXIS_TITLE - labelHeight - LABEL_GAP) / n);
        boolean rotated = maxName > size - 4;
        if (rotated) {
            labelHeight = Math.min(MAX_LABEL, maxName);
            size = Math.floor(Math.min(availableW, h - top - PAD - AXIS_TITLE - labelHeight - LABEL_GAP) / n);
        }
        cell = Math.max(1, size);
        double gridSize = cell * n;
        gridX = left + Math.max(0, (availableW - gridSize) / 2);
        gridY = top + Math.max(0, (h - top - PAD - AXIS_TITLE - labelHeight - LABEL_GAP - gridSize) / 2);

        // cells
        Color[] scale = d ? DARK_SCALE : LIGHT_SCALE;
        boolean perRow = normalized.get();
        double countFontSize = Math.max(9, Math.min(13, cell * 0.36));
        Font countFont = Font.font("System", countFontSize);
        g.setFont(countFont);
        g.setTextAlign(TextAlignment.CENTER);
        double gap = cell >= 8 ? 1 : 0;
        boolean showCounts = cell >= 16;
        double digitWidth = textWidth("0", countFont);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                long v = counts[r][c];
                double t = perRow ? (rowSums[r] == 0 ? 0 : (double) v / rowSums[r])
                        : (maxCount == 0 ? 0 : (double) v / maxCount);
                Color fill = interpolate(scale, t);
                g.setFill(fill);
                double x = gridX + c * cell;
                double y = gridY + r * cell;
                g.fillRect(x, y, cell - gap, cell - gap);
                if (showCounts) {
                    String s = Long.toString(v);
                    if (s.length() * digitWidth <= cell - 4) {
                        g.setFill(isDarkColor(fill) ? Color.WHITE : Color.web("#1b1f27"));
                        g.fillText(s, x + (cell - gap) / 2, y + (cell - gap) / 2);
                    }
                }
            }
        }

        // class names; skip some when they would overlap
        g.setFont(LABEL_FONT);
        g.setFill(text);
        int step = (int) Math.ceil(15 / cell);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int r = 0; r < n; r += step) {
            g.fillText(fit(classNames.get(r), rowLabelWidth), gridX - LABEL_GAP, gridY + r * cell + cell / 2);
        }
        double labelTop = gridY + gridSize + LABEL_GAP;
        for (int c = 0; c < n; c += step) {
            double cx = gridX + c * cell + cell / 2;
            String name = fit(classNames.get(c), rotated ? labelHeight : cell * step - 2);
            if (rotated) {
                g.save();
                g.translate(cx, labelTop);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(name, 0, 0);
                g.restore();
            } else {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(name, cx, labelTop + labelHeight / 2);
            }
        }

        // axis titles
        g.setFont(TITLE_FONT);
        g.setFill(strong);
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Messages.get("matrix.axis.predicted"), gridX + gridSize / 2,
                labelTop + labelHeight + LABEL_GAP + AXIS_TITLE / 2 - 2);
        g.save();
        g.translate(PAD + AXIS_TITLE / 2, gridY + gridSize / 2);
        g.rotate(-90);
        g.fillText(Messages.get("matrix.axis.true"), 0, 0);
        g.restore();

        // colour bar
        double barX = gridX + gridSize + COLOR_BAR_GAP;
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < scale.length; i++) {
            stops.add(new Stop((double) i / (scale.length - 1), scale[scale.length - 1 - i]));
        }
        g.setFill(new LinearGradient(0, gridY, 0, gridY + gridSize, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(barX, gridY, COLOR_BAR, gridSize);
        g.setFont(LABEL_FONT);
        g.setFill(text);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(perRow ? "100%" : Long.toString(maxCount), barX + COLOR_BAR + 4, gridY);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(perRow ? "0%" : "0", barX + COLOR_BAR + 4, gridY + gridSize);
        g.setTextBaseline(VPos.CENTER);
    }

    private static boolean isDarkColor(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance < 0.5;
    }

    private static Color interpolate(Color[] scale, double t) {
        double x = Math.max(0, Math.min(1, t)) * (scale.length - 1);
        int i = Math.min(scale.length - 2, (int) x);
        return scale[i].interpolate(scale[i + 1], x - i);
    }

    private static double textWidth(String s, Font font) {
        Text t = new Text(s);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /** The text, shortened with an ellipsis to fit {@code width}. */
    private static String fit(String s, double width) {
        if (textWidth(s, LABEL_FONT) <= width) {
            return s;
        }
        for (int len = s.length() - 1; len > 0; len--) {
            String shorter = s.substring(0, len) + "\u2026";
            if (textWidth(shorter, LABEL_FONT) <= width) {
                return shorter;
            }
        }
        return "";
    }

    private void applyTheme() {
        boolean d = dark.get();
        setBackground(new Background(new BackgroundFill(ChartPalette.of(d).background(), CornerRadii.EMPTY,
                Insets.EMPTY)));
        highlight.setStroke(d ? Color.web("#ffd166") : Color.web("#e4572e"));
        hoverLabel.setStyle(ChartPalette.of(d).hoverStyle());
    }

    @Override
    protected double computePrefWidth(double height) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 440;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }
}
