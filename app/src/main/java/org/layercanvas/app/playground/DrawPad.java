package org.layercanvas.app.playground;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.layercanvas.app.Messages;

/**
 * A square pad of {@code side x side} cells drawn large, for a network that reads small grey images: the left
 * button draws with a soft brush, the right one erases, Clear starts again. Every stroke step hands the cells'
 * intensities (row by row, 0 to 1) to a listener; the class probabilities it gets back show as bars beside the pad.
 */
final class DrawPad extends HBox {
    private static final double PAD = 240;

    private final Canvas canvas = new Canvas(PAD, PAD);
    private final ClassBars bars = new ClassBars("draw-pad-bars");
    private final Consumer<float[]> drawn;
    /** Room beside Clear and under it for more controls (the test image picker's). */
    private final HBox extraButtons = new HBox(8);
    private final VBox extra = new VBox();
    private int side;
    private float[] cells = new float[0];

    DrawPad(Consumer<float[]> drawn) {
        super(16);
        this.drawn = drawn;
        getStyleClass().add("draw-pad");
        canvas.setId("draw-pad");
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::stroke);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::stroke);
        Button clear = new Button(Messages.get("playground.draw.clear"));
        clear.setId("draw-pad-clear");
        clear.setOnAction(e -> clear());
        Label hint = new Label(Messages.get("playground.draw.hint"));
        hint.setWrapText(true);
        hint.setMaxWidth(320);
        // The pad at the left; its buttons beside it, not under it, so that a low panel shows them.
        VBox right = new VBox(8, new HBox(8, clear, extraButtons), extra, hint, bars);
        getChildren().addAll(canvas, right);
        setAlignment(Pos.TOP_LEFT);
    }

    /** Shows {@code buttons} beside the Clear button and {@code node} under it (null: nothing). */
    void setExtra(javafx.scene.Node buttons, javafx.scene.Node node) {
        extraButtons.getChildren().setAll(buttons == null ? java.util.List.of() : java.util.List.of(buttons));
        extra.getChildren().setAll(node == null ? java.util.List.of() : java.util.List.of(node));
    }

    /** A fresh pad of {@code side x side} cells. */
    void reset(int side) {
        this.side = side;
        cells = new float[side * side];
        bars.getChildren().clear();
        paint();
    }

    void clear() {
        Arrays.fill(cells, 0);
        paint();
        drawn.accept(cells.clone());
    }

    /** Takes a picture (row by row, 0 to 1, {@code side x side}) to draw on, and asks about it as about a stroke. */
    void load(float[] picture) {
        if (picture.length != cells.length) {
            return;
        }
        cells = picture.clone();
        paint();
        drawn.accept(cells.clone());
    }

    /** The cells as drawn, row by row. */
    float[] cells() {
        return cells.clone();
    }

    private void stroke(MouseEvent e) {
        if (side == 0) {
            return;
        }
        double cell = PAD / side;
        double cx = e.getX() / cell;
        double cy = e.getY() / cell;
        boolean erase = e.getButton() == MouseButton.SECONDARY;
        // A brush about 1.5 cells wide: full ink at the centre, fading over the neighbours.
        for (int r = (int) cy - 2; r <= (int) cy + 2; r++) {
            for (int c = (int) cx - 2; c <= (int) cx + 2; c++) {
                if (r < 0 || c < 0 || r >= side || c >= side) {
                    continue;
                }
                double d = Math.hypot(c + 0.5 - cx, r + 0.5 - cy);
                double ink = Math.max(0, 1 - d / 1.6);
                int k = r * side + c;
                cells[k] = erase ? (float) Math.max(0, cells[k] - ink) : (float) Math.min(1, cells[k] + ink * 0.8);
            }
        }
        paint();
        drawn.accept(cells.clone());
    }

    private void paint() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, PAD, PAD);
        if (side == 0) {
            return;
        }
        double cell = PAD / side;
        for (int r = 0; r < side; r++) {
            for (int c = 0; c < side; c++) {
                g.setFill(Color.gray(cells[r * side + c]));
                g.fillRect(c * cell, r * cell, cell + 0.5, cell + 0.5);
            }
        }
        g.setStroke(Color.gray(0.3));
        g.strokeRect(0.5, 0.5, PAD - 1, PAD - 1);
    }

    /** The probability per class of the last drawing (null: none yet). */
    void showProbabilities(double[] p, java.util.function.IntFunction<String> className) {
        bars.show(p, className);
    }
}
