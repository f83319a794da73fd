package org.layercanvas.charts;

import javafx.scene.paint.Color;

/**
 * The colours the charts share, for the light and the dark theme (AtlantaFX Primer's greys), so that the line
 * charts and the confusion matrix look like one family. One place to change them.
 *
 * @param background  the plot's and the control's background
 * @param text        axis labels and tick labels
 * @param strongText  titles and emphasised labels
 * @param grid        grid lines
 * @param axisLine    axis lines and tick marks
 * @param crosshair   the hover line
 * @param hoverStyle  the CSS of the hover read-out label
 */
record ChartPalette(Color background, Color text, Color strongText, Color grid, Color axisLine, Color crosshair,
                    String hoverStyle) {

    static final ChartPalette LIGHT = new ChartPalette(Color.WHITE, Color.web("#3c4350"), Color.web("#1b1f27"),
            Color.web("#e3e6eb"), Color.web("#aab0ba"), Color.web("#7b8492"),
            hover("rgba(255,255,255,0.95)", "#1b1f27", "#c5cad3"));
    static final ChartPalette DARK = new ChartPalette(Color.web("#1e2127"), Color.web("#c9ced6"),
            Color.web("#eef1f5"), Color.web("#353a44"), Color.web("#5a6170"), Color.web("#8a93a3"),
            hover("rgba(40,44,52,0.95)", "#e8ebf0", "#4a5160"));

    static ChartPalette of(boolean dark) {
        return dark ? DARK : LIGHT;
    }

    private static String hover(String background, String text, String border) {
        return "-fx-background-color: " + background + "; -fx-text-fill: " + text + "; -fx-border-color: " + border
                + "; -fx-padding: 4 8 4 8; -fx-font-size: 12px; -fx-background-radius: 4; -fx-border-radius: 4;";
    }

    /** The same colour for Java2D (JFreeChart). */
    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }
}
