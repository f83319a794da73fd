package org.layercanvas.charts;

import java.util.List;
import javafx.event.EventHandler;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Draws a {@link ConfusionMatrixView} on one canvas, with a highlight and a read-out for the hovered cell. */
class ConfusionMatrixSkin extends SkinBase<ConfusionMatrixView> {
    private static final double PAD = 10;
    private static final double AXIS_TITLE = 22;
    private static final double LABEL_GAP = 6;
    private static final double MAX_LABEL = 130;
    private static final double COLOR_BAR = 14;
    private static final double COLOR_BAR_GAP = 16;
    private static final double COLOR_BAR_LABELS = 44;
    private static final Font LABEL_FONT = Font.font("System", 12);
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);

    /** Where the grid went in the last drawing: its top left corner, a cell's side, how tall the column labels are. */
    private record Geometry(double gridX, double gridY, double cell, double labelHeight, boolean rotatedLabels,
                            double rowLabelWidth) {
        static final Geometry NONE = new Geometry(0, 0, 0, 0, false, 0);
    }

    private final Canvas canvas = new Canvas();
    private final Rectangle highlight = new Rectangle();
    private final Label hoverLabel = new Label();
    private final EventHandler<MouseEvent> onMoved = e -> hover(e.getX(), e.getY());
    private final EventHandler<MouseEvent> onExited = e -> clearHover();
    private final EventHandler<MouseEvent> onClicked = this::click;
    private Geometry geometry = Geometry.NONE;
    private boolean dirty = true;

    ConfusionMatrixSkin(ConfusionMatrixView control) {
        super(control);
        highlight.getStyleClass().add("cell-highlight");
        highlight.setManaged(false);
        highlight.setMouseTransparent(true);
        highlight.setFill(Color.TRANSPARENT);
        highlight.setStrokeWidth(2);
        highlight.setVisible(false);
        hoverLabel.getStyleClass().add("hover-label");
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        getChildren().setAll(canvas, highlight, hoverLabel);

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, onExited);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, onClicked);
        registerChangeListener(control.matrixRevisionProperty(), o -> {
            clearHover();
            redraw();
        });
        registerChangeListener(control.normalizedProperty(), o -> redraw());
        registerChangeListener(control.backgroundColorProperty(), o -> redraw());
        registerChangeListener(control.textColorProperty(), o -> redraw());
        registerChangeListener(control.gridColorProperty(), o -> redraw());
        registerChangeListener(control.cellLowColorProperty(), o -> redraw());
        registerChangeListener(control.cellHighColorProperty(), o -> redraw());
    }

    @Override
    public void dispose() {
        if (getSkinnable() == null) {
            return;
        }
        canvas.removeEventHandler(MouseEvent.MOUSE_MOVED, onMoved);
        canvas.removeEventHandler(MouseEvent.MOUSE_EXITED, onExited);
        canvas.removeEventHandler(MouseEvent.MOUSE_CLICKED, onClicked);
        getSkinnable().setHoverText("");
        getChildren().removeAll(canvas, highlight, hoverLabel);
        super.dispose(); // also unregisters the change listeners
    }

    Bounds cellBounds(int trueClass, int predictedClass) {
        double cell = geometry.cell();
        if (cell <= 0) {
            return null;
        }
        return new BoundingBox(canvas.getLayoutX() + geometry.gridX() + predictedClass * cell,
                canvas.getLayoutY() + geometry.gridY() + trueClass * cell, cell, cell);
    }

    ConfusionMatrixView.Cell cellAt(double x, double y) {
        int n = getSkinnable().getClassCount();
        double cell = geometry.cell();
        if (n == 0 || cell <= 0) {
            return null;
        }
        double cx = x - canvas.getLayoutX() - geometry.gridX();
        double cy = y - canvas.getLayoutY() - geometry.gridY();
        if (cx < 0 || cy < 0 || cx >= n * cell || cy >= n * cell) {
            return null;
        }
        return new ConfusionMatrixView.Cell(Math.min(n - 1, (int) (cy / cell)), Math.min(n - 1, (int) (cx / cell)));
    }

    // ---------------------------------------------------------------- mouse

    private void click(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress()) {
            return;
        }
        // Canvas coordinates are the control's shifted by the canvas's position.
        ConfusionMatrixView.Cell c = cellAt(e.getX() + canvas.getLayoutX(), e.getY() + canvas.getLayoutY());
        if (c != null) {
            getSkinnable().fireCellClicked(c);
        }
    }

    private void hover(double canvasX, double canvasY) {
        double x = canvasX + canvas.getLayoutX();
        double y = canvasY + canvas.getLayoutY();
        ConfusionMatrixView.Cell c = cellAt(x, y);
        if (c == null) {
            clearHover();
            return;
        }
        ConfusionMatrixView view = getSkinnable();
        int t = c.trueClass();
        int p = c.predictedClass();
        long n = view.getCount(t, p);
        long rowSum = view.getRowSum(t);
        double share = rowSum == 0 ? 0 : (double) n / rowSum;
        List<String> names = view.getClassNames();
        String text = Messages.get("matrix.hover", names.get(t), names.get(p), n, share);
        view.setHoverText(text);
        Bounds b = cellBounds(t, p);
        highlight.setX(b.getMinX() + 1);
        highlight.setY(b.getMinY() + 1);
        highlight.setWidth(Math.max(1, b.getWidth() - 2));
        highlight.setHeight(Math.max(1, b.getHeight() - 2));
        highlight.setVisible(true);
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        hoverLabel.applyCss();
        hoverLabel.autosize();
        double w = hoverLabel.getWidth();
        double h = hoverLabel.getHeight();
        double lx = x + 14 + w > view.getWidth() ? x - 14 - w : x + 14;
        double ly = y + 18 + h > view.getHeight() ? y - 10 - h : y + 18;
        hoverLabel.relocate(Math.max(0, lx), Math.max(0, ly));
    }

    private void clearHover() {
        getSkinnable().setHoverText("");
        highlight.setVisible(false);
        hoverLabel.setVisible(false);
    }

    // ---------------------------------------------------------------- layout and drawing

    private void redraw() {
        dirty = true;
        getSkinnable().requestLayout();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double cw = snapSizeX(w);
        double ch = snapSizeY(h);
        if (canvas.getWidth() != cw || canvas.getHeight() != ch) {
            canvas.setWidth(cw);
            canvas.setHeight(ch);
            dirty = true;
        }
        canvas.relocate(x, y);
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        ConfusionMatrixView view = getSkinnable();
        g.setFill(view.backgroundColorProperty().get());
        g.fillRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        if (view.getClassCount() == 0) {
            geometry = Geometry.NONE;
            g.setFill(view.textColorProperty().get());
            g.setFont(LABEL_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Messages.get("matrix.empty"), w / 2, h / 2);
            return;
        }
        geometry = measure(w, h);
        paintCells(g);
        paintClassNames(g);
        paintAxisTitles(g);
        paintColorBar(g);
    }

    /** Fits the grid into the canvas: square cells, room for the labels, column labels rotated if they must be. */
    private Geometry measure(double w, double h) {
        ConfusionMatrixView view = getSkinnable();
        int n = view.getClassCount();
        double maxName = 0;
        for (String name : view.getClassNames()) {
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
        double cell = Math.max(1, size);
        double gridSize = cell * n;
        double gridX = left + Math.max(0, (availableW - gridSize) / 2);
        double gridY = top + Math.max(0, (h - top - PAD - AXIS_TITLE - labelHeight - LABEL_GAP - gridSize) / 2);
        return new Geometry(gridX, gridY, cell, labelHeight, rotated, rowLabelWidth);
    }

    private void paintCells(GraphicsContext g) {
        ConfusionMatrixView view = getSkinnable();
        int n = view.getClassCount();
        double cell = geometry.cell();
        double gap = cell >= 8 ? 1 : 0;
        // The grid colour shows through the gaps between the cells.
        g.setFill(view.gridColorProperty().get());
        g.fillRect(geometry.gridX() - gap, geometry.gridY() - gap, n * cell + gap, n * cell + gap);
        Color low = view.cellLowColorProperty().get();
        Color high = view.cellHighColorProperty().get();
        boolean perRow = view.isNormalized();
        Font countFont = Font.font("System", Math.max(9, Math.min(13, cell * 0.36)));
        g.setFont(countFont);
        g.setTextAlign(TextAlignment.CENTER);
        boolean showCounts = cell >= 16;
        double digitWidth = textWidth("0", countFont);
        for (int r = 0; r < n; r++) {
            long rowSum = view.getRowSum(r);
            for (int c = 0; c < n; c++) {
                long v = view.getCount(r, c);
                long whole = perRow ? rowSum : view.getMaxCount();
                Color fill = low.interpolate(high, whole == 0 ? 0 : (double) v / whole);
                double x = geometry.gridX() + c * cell;
                double y = geometry.gridY() + r * cell;
                g.setFill(fill);
                g.fillRect(x, y, cell - gap, cell - gap);
                String s = Long.toString(v);
                if (showCounts && s.length() * digitWidth <= cell - 4) {
                    g.setFill(isDarkColor(fill) ? Color.WHITE : Color.web("#1b1f27"));
                    g.fillText(s, x + (cell - gap) / 2, y + (cell - gap) / 2);
                }
            }
        }
    }

    /** Class names along both axes; some are skipped when they would overlap. */
    private void paintClassNames(GraphicsContext g) {
        ConfusionMatrixView view = getSkinnable();
        List<String> names = view.getClassNames();
        int n = names.size();
        double cell = geometry.cell();
        g.setFont(LABEL_FONT);
        g.setFill(view.textColorProperty().get());
        int step = (int) Math.ceil(15 / cell);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int r = 0; r < n; r += step) {
            g.fillText(fit(names.get(r), geometry.rowLabelWidth()), geometry.gridX() - LABEL_GAP,
                    geometry.gridY() + r * cell + cell / 2);
        }
        double labelTop = geometry.gridY() + cell * n + LABEL_GAP;
        for (int c = 0; c < n; c += step) {
            double cx = geometry.gridX() + c * cell + cell / 2;
            if (geometry.rotatedLabels()) {
                g.save();
                g.translate(cx, labelTop);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(fit(names.get(c), geometry.labelHeight()), 0, 0);
                g.restore();
            } else {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(fit(names.get(c), cell * step - 2), cx, labelTop + geometry.labelHeight() / 2);
            }
        }
    }

    private void paintAxisTitles(GraphicsContext g) {
        double gridSize = geometry.cell() * getSkinnable().getClassCount();
        double labelTop = geometry.gridY() + gridSize + LABEL_GAP;
        g.setFont(TITLE_FONT);
        g.setFill(getSkinnable().textColorProperty().get());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Messages.get("matrix.axis.predicted"), geometry.gridX() + gridSize / 2,
                labelTop + geometry.labelHeight() + LABEL_GAP + AXIS_TITLE / 2 - 2);
        g.save();
        g.translate(PAD + AXIS_TITLE / 2, geometry.gridY() + gridSize / 2);
        g.rotate(-90);
        g.fillText(Messages.get("matrix.axis.true"), 0, 0);
        g.restore();
    }

    private void paintColorBar(GraphicsContext g) {
        ConfusionMatrixView view = getSkinnable();
        double gridSize = geometry.cell() * view.getClassCount();
        double gridY = geometry.gridY();
        double barX = geometry.gridX() + gridSize + COLOR_BAR_GAP;
        g.setFill(new LinearGradient(0, gridY, 0, gridY + gridSize, false, CycleMethod.NO_CYCLE,
                new Stop(0, view.cellHighColorProperty().get()), new Stop(1, view.cellLowColorProperty().get())));
        g.fillRect(barX, gridY, COLOR_BAR, gridSize);
        boolean perRow = view.isNormalized();
        g.setFont(LABEL_FONT);
        g.setFill(view.textColorProperty().get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(perRow ? "100%" : Long.toString(view.getMaxCount()), barX + COLOR_BAR + 4, gridY);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(perRow ? "0%" : "0", barX + COLOR_BAR + 4, gridY + gridSize);
        g.setTextBaseline(VPos.CENTER);
    }

    private static boolean isDarkColor(Color c) {
        double luminance = 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue();
        return luminance < 0.5;
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

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 480;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 440;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 120;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 120;
    }
}
