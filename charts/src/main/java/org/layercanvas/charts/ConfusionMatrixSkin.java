package org.layercanvas.charts;

import java.util.List;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.SkinBase;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/** Draws a {@link ConfusionMatrixView} on one canvas, with a hover highlight and read-out. */
final class ConfusionMatrixSkin extends SkinBase<ConfusionMatrixView> {
    private static final double PAD = 10;
    private static final double AXIS_TITLE = 22;
    private static final double LABEL_GAP = 6;
    private static final double MAX_LABEL = 130;
    private static final double COLOR_BAR = 14;
    private static final double COLOR_BAR_GAP = 16;
    private static final double COLOR_BAR_LABELS = 44;
    private static final Font LABEL_FONT = Font.font("System", 12);
    private static final Font TITLE_FONT = Font.font("System", FontWeight.BOLD, 13);

    /** Where the grid of the last drawing sits and how its labels are laid out. */
    private record Layout(double gridX, double gridY, double cell, double rowLabelWidth, double labelHeight,
                          boolean rotated) {
        double size(int n) {
            return cell * n;
        }
    }

    private final Canvas canvas = new Canvas();
    private final Rectangle highlight = new Rectangle();
    private final Label hoverLabel = new Label();
    private Layout layout;
    private boolean dirty = true;

    ConfusionMatrixSkin(ConfusionMatrixView view) {
        super(view);
        highlight.setManaged(false);
        highlight.setMouseTransparent(true);
        highlight.setFill(Color.TRANSPARENT);
        highlight.setStrokeWidth(2);
        highlight.setVisible(false);
        hoverLabel.getStyleClass().add("matrix-hover");
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        getChildren().addAll(canvas, highlight, hoverLabel);

        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::hover);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> clearHover());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, this::click);
        registerChangeListener(view.revisionProperty(), o -> {
            clearHover();
            redraw();
        });
        registerChangeListener(view.normalizedProperty(), o -> redraw());
        for (var colour : view.colors().all()) {
            registerChangeListener(colour, o -> redraw());
        }
    }

    @Override
    public void dispose() {
        // only this skin's nodes: a replacing skin has already added its own
        getChildren().removeAll(canvas, highlight, hoverLabel);
        super.dispose();
    }

    private void click(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
            ConfusionMatrixView.Cell c = cellAt(e.getX(), e.getY());
            if (c != null) {
                getSkinnable().cellClicked(c);
            }
        }
    }

    private void redraw() {
        dirty = true;
        getSkinnable().requestLayout();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        double width = snapSizeX(getSkinnable().getWidth());
        double height = snapSizeY(getSkinnable().getHeight());
        if (canvas.getWidth() != width || canvas.getHeight() != height) {
            canvas.setWidth(width);
            canvas.setHeight(height);
            dirty = true;
        }
        canvas.relocate(0, 0);
        if (dirty) {
            dirty = false;
            paint();
        }
    }

    // ---------------------------------------------------------------- geometry

    Bounds cellBounds(int trueClass, int predictedClass) {
        Layout l = layout;
        if (l == null || l.cell() <= 0) {
            return null;
        }
        return new BoundingBox(canvas.getLayoutX() + l.gridX() + predictedClass * l.cell(),
                canvas.getLayoutY() + l.gridY() + trueClass * l.cell(), l.cell(), l.cell());
    }

    ConfusionMatrixView.Cell cellAt(double x, double y) {
        int n = getSkinnable().getClassCount();
        Layout l = layout;
        if (n == 0 || l == null || l.cell() <= 0) {
            return null;
        }
        double cx = x - canvas.getLayoutX() - l.gridX();
        double cy = y - canvas.getLayoutY() - l.gridY();
        if (cx < 0 || cy < 0 || cx >= n * l.cell() || cy >= n * l.cell()) {
            return null;
        }
        return new ConfusionMatrixView.Cell(Math.min(n - 1, (int) (cy / l.cell())),
                Math.min(n - 1, (int) (cx / l.cell())));
    }

    /** Cells as large as fit, labels horizontal under the columns unless they are wider than a cell. */
    private Layout layout(double w, double h, List<String> names) {
        int n = names.size();
        double maxName = 0;
        for (String name : names) {
            maxName = Math.max(maxName, textWidth(name, LABEL_FONT));
        }
        double rowLabelWidth = Math.min(MAX_LABEL, maxName);
        double left = PAD + AXIS_TITLE + rowLabelWidth + LABEL_GAP;
        double right = PAD + COLOR_BAR_GAP + COLOR_BAR + COLOR_BAR_LABELS;
        double labelHeight = 16;
        double availableW = w - left - right;
        double size = Math.floor(Math.min(availableW, h - 2 * PAD - AXIS_TITLE - labelHeight - LABEL_GAP) / n);
        boolean rotated = maxName > size - 4;
        if (rotated) {
            labelHeight = Math.min(MAX_LABEL, maxName);
            size = Math.floor(Math.min(availableW, h - 2 * PAD - AXIS_TITLE - labelHeight - LABEL_GAP) / n);
        }
        double cell = Math.max(1, size);
        double grid = cell * n;
        return new Layout(left + Math.max(0, (availableW - grid) / 2),
                PAD + Math.max(0, (h - 2 * PAD - AXIS_TITLE - labelHeight - LABEL_GAP - grid) / 2),
                cell, rowLabelWidth, labelHeight, rotated);
    }

    // ---------------------------------------------------------------- painting

    private void paint() {
        ConfusionMatrixView view = getSkinnable();
        MatrixColors colors = view.colors();
        view.setBackground(new Background(new BackgroundFill(colors.background.get(), null, null)));
        highlight.setStroke(colors.highlight.get());
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        g.setTextBaseline(VPos.CENTER);
        int n = view.getClassCount();
        if (n == 0) {
            layout = null;
            g.setFill(colors.text.get());
            g.setFont(LABEL_FONT);
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(Messages.get("matrix.empty"), w / 2, h / 2);
            return;
        }
        Layout l = layout(w, h, view.classNames());
        layout = l;
        paintCells(g, view, l);
        paintClassNames(g, view, l);
        paintAxisTitles(g, view, l);
        paintColourBar(g, view, l);
    }

    private void paintCells(GraphicsContext g, ConfusionMatrixView view, Layout l) {
        int n = view.getClassCount();
        boolean perRow = view.isNormalized();
        double cell = l.cell();
        Font countFont = Font.font("System", Math.max(9, Math.min(13, cell * 0.36)));
        g.setFont(countFont);
        g.setTextAlign(TextAlignment.CENTER);
        double gap = cell >= 8 ? 1 : 0;
        boolean showCounts = cell >= 16;
        double digitWidth = textWidth("0", countFont);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                long v = view.getCount(r, c);
                double t = perRow ? (view.rowSum(r) == 0 ? 0 : (double) v / view.rowSum(r))
                        : (view.maxCount() == 0 ? 0 : (double) v / view.maxCount());
                Color fill = view.colors().scale(t);
                g.setFill(fill);
                double x = l.gridX() + c * cell;
                double y = l.gridY() + r * cell;
                g.fillRect(x, y, cell - gap, cell - gap);
                String s = Long.toString(v);
                if (showCounts && s.length() * digitWidth <= cell - 4) {
                    g.setFill(isDarkColor(fill) ? Color.WHITE : Color.web("#1b1f27"));
                    g.fillText(s, x + (cell - gap) / 2, y + (cell - gap) / 2);
                }
            }
        }
    }

    /** Class names on both axes; some are skipped when they would overlap. */
    private void paintClassNames(GraphicsContext g, ConfusionMatrixView view, Layout l) {
        List<String> names = view.classNames();
        int n = names.size();
        double cell = l.cell();
        g.setFont(LABEL_FONT);
        g.setFill(view.colors().text.get());
        int step = (int) Math.ceil(15 / cell);
        g.setTextAlign(TextAlignment.RIGHT);
        for (int r = 0; r < n; r += step) {
            g.fillText(fit(names.get(r), l.rowLabelWidth()), l.gridX() - LABEL_GAP, l.gridY() + r * cell + cell / 2);
        }
        double labelTop = l.gridY() + l.size(n) + LABEL_GAP;
        for (int c = 0; c < n; c += step) {
            double cx = l.gridX() + c * cell + cell / 2;
            String name = fit(names.get(c), l.rotated() ? l.labelHeight() : cell * step - 2);
            if (l.rotated()) {
                g.save();
                g.translate(cx, labelTop);
                g.rotate(-90);
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(name, 0, 0);
                g.restore();
            } else {
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText(name, cx, labelTop + l.labelHeight() / 2);
            }
        }
    }

    private void paintAxisTitles(GraphicsContext g, ConfusionMatrixView view, Layout l) {
        double grid = l.size(view.getClassCount());
        double labelTop = l.gridY() + grid + LABEL_GAP;
        g.setFont(TITLE_FONT);
        g.setFill(view.colors().title.get());
        g.setTextAlign(TextAlignment.CENTER);
        g.fillText(Messages.get("matrix.axis.predicted"), l.gridX() + grid / 2,
                labelTop + l.labelHeight() + LABEL_GAP + AXIS_TITLE / 2 - 2);
        g.save();
        g.translate(PAD + AXIS_TITLE / 2, l.gridY() + grid / 2);
        g.rotate(-90);
        g.fillText(Messages.get("matrix.axis.true"), 0, 0);
        g.restore();
    }

    private void paintColourBar(GraphicsContext g, ConfusionMatrixView view, Layout l) {
        double grid = l.size(view.getClassCount());
        double barX = l.gridX() + grid + COLOR_BAR_GAP;
        MatrixColors colors = view.colors();
        List<Stop> stops = List.of(new Stop(0, colors.high.get()), new Stop(0.5, colors.mid.get()),
                new Stop(1, colors.low.get()));
        g.setFill(new LinearGradient(0, l.gridY(), 0, l.gridY() + grid, false, CycleMethod.NO_CYCLE, stops));
        g.fillRect(barX, l.gridY(), COLOR_BAR, grid);
        boolean perRow = view.isNormalized();
        g.setFont(LABEL_FONT);
        g.setFill(colors.text.get());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(perRow ? "100%" : Long.toString(view.maxCount()), barX + COLOR_BAR + 4, l.gridY());
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(perRow ? "0%" : "0", barX + COLOR_BAR + 4, l.gridY() + grid);
        g.setTextBaseline(VPos.CENTER);
    }

    // ---------------------------------------------------------------- hover

    private void hover(MouseEvent e) {
        ConfusionMatrixView view = getSkinnable();
        ConfusionMatrixView.Cell c = cellAt(e.getX(), e.getY());
        if (c == null) {
            clearHover();
            return;
        }
        int t = c.trueClass();
        int p = c.predictedClass();
        long n = view.getCount(t, p);
        double share = view.rowSum(t) == 0 ? 0 : (double) n / view.rowSum(t);
        String text = Messages.format("matrix.hover", view.classNames().get(t), view.classNames().get(p), n, share);
        view.setHoverText(text);
        Bounds b = cellBounds(t, p);
        highlight.setX(b.getMinX() + 1);
        highlight.setY(b.getMinY() + 1);
        highlight.setWidth(Math.max(1, b.getWidth() - 2));
        highlight.setHeight(Math.max(1, b.getHeight() - 2));
        highlight.setVisible(true);
        hoverLabel.setText(text);
        hoverLabel.setVisible(true);
        hoverLabel.autosize();
        double lw = hoverLabel.getWidth();
        double lh = hoverLabel.getHeight();
        double lx = e.getX() + 14 + lw > view.getWidth() ? e.getX() - 14 - lw : e.getX() + 14;
        double ly = e.getY() + 18 + lh > view.getHeight() ? e.getY() - 10 - lh : e.getY() + 18;
        hoverLabel.relocate(Math.max(0, lx), Math.max(0, ly));
    }

    private void clearHover() {
        getSkinnable().setHoverText("");
        highlight.setVisible(false);
        hoverLabel.setVisible(false);
    }

    // ---------------------------------------------------------------- text helpers

    private static boolean isDarkColor(Color c) {
        return 0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue() < 0.5;
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
