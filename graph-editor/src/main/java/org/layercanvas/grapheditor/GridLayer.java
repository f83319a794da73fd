package org.layercanvas.grapheditor;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The background grid, drawn for the visible area only. Minor lines fade out as they get close together; every
 * fifth line is a major line. The colours come from the editor's CSS properties.
 */
final class GridLayer extends Canvas {
    private static final int MAJOR_EVERY = 5;

    GridLayer() {
        setMouseTransparent(true);
    }

    /**
     * @param tx   screen x of canvas x = 0
     * @param ty   screen y of canvas y = 0
     * @param zoom screen pixels per canvas unit
     * @param grid grid step in canvas units
     * @param minor whether to draw the minor lines (left out during a zoom gesture, when every frame counts and
     *              fine lines only flicker)
     * @param minorColor colour of the minor lines at full visibility; null draws none
     * @param majorColor colour of the major lines; null draws none
     */
    void draw(double tx, double ty, double zoom, double grid, boolean minor, Color minorColor, Color majorColor) {
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (grid <= 0 || w <= 0 || h <= 0) {
            return;
        }
        double step = grid * zoom;
        // Minor lines: fully visible from 16 px apart, gone below 8 px (dense lines cost frames and read as noise).
        double minorAlpha = minor && minorColor != null ? Math.max(0, Math.min(1, (step - 8) / 8)) : 0;
        if (minorAlpha > 0) {
            g.setFill(minorColor.deriveColor(0, 1, 1, minorAlpha));
            lines(g, tx, ty, step, w, h, MAJOR_EVERY);
        }
        if (majorColor == null) {
            return;
        }
        double major = step * MAJOR_EVERY;
        while (major < 16) {
            major *= MAJOR_EVERY;
        }
        g.setFill(majorColor);
        lines(g, tx, ty, major, w, h, 0);
    }

    /**
     * Draws vertical and horizontal 1 px lines {@code step} apart, skipping every {@code skipEvery}-th (0: none).
     * Pixel-aligned rectangles, not strokes: in software rendering a stroked line is an anti-aliased path and
     * costs many times more.
     */
    private static void lines(GraphicsContext g, double tx, double ty, double step, double w, double h, int skipEvery) {
        long first = (long) Math.floor(-tx / step);
        for (long i = first; ; i++) {
            double x = tx + i * step;
            if (x > w) {
                break;
            }
            if (skipEvery == 0 || Math.floorMod(i, skipEvery) != 0) {
                g.fillRect(Math.round(x), 0, 1, h);
            }
        }
        first = (long) Math.floor(-ty / step);
        for (long i = first; ; i++) {
            double y = ty + i * step;
            if (y > h) {
                break;
            }
            if (skipEvery == 0 || Math.floorMod(i, skipEvery) != 0) {
                g.fillRect(0, Math.round(y), w, 1);
            }
        }
    }
}
