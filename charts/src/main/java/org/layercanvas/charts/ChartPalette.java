package org.layercanvas.charts;

import javafx.scene.paint.Color;

/**
 * The colours the charts start with before CSS styles them (AtlantaFX Primer Light's greys): the initial values of
 * their {@code -lc-*} properties. With a theme loaded, {@code charts.css} replaces them.
 *
 * @param background  the plot's and the control's background
 * @param text        titles, axis labels and tick labels
 * @param grid        grid lines
 * @param axisLine    axis lines and tick marks
 * @param crosshair   the hover line
 */
record ChartPalette(Color background, Color text, Color grid, Color axisLine, Color crosshair) {

    static final ChartPalette LIGHT = new ChartPalette(Color.WHITE, Color.web("#3c4350"), Color.web("#e3e6eb"),
            Color.web("#aab0ba"), Color.web("#7b8492"));

    /** The same colour for Java2D (JFreeChart). */
    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }
}
