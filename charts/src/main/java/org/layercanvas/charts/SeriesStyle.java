package org.layercanvas.charts;

import java.util.List;
import java.util.Objects;
import javafx.scene.paint.Color;

/**
 * How a series is drawn on a {@link LiveChart}: what it shows and in which colour.
 *
 * @param kind  what to draw
 * @param color the series' colour; the faint raw line of {@link Kind#LINE_RAW_AND_SMOOTHED} is a translucent version
 */
public record SeriesStyle(Kind kind, Color color) {
    /** What a series shows. */
    public enum Kind {
        /** The raw values as a faint thin line and their moving average (see the chart's smoothing) as a bold one. */
        LINE_RAW_AND_SMOOTHED,
        /** One plain line through the raw values. */
        LINE,
        /** A marker at each value joined by a line: for sparse series such as validation loss per epoch. */
        POINTS_AND_LINE
    }

    /** Colours that stay apart for most kinds of colour blindness (Okabe and Ito), then a few more. */
    private static final List<Color> PALETTE = List.of(
            Color.web("#0072B2"), Color.web("#E69F00"), Color.web("#009E73"), Color.web("#CC79A7"),
            Color.web("#D55E00"), Color.web("#56B4E9"), Color.web("#8B6D00"), Color.web("#6A3D9A"),
            Color.web("#7F7F7F"), Color.web("#17BECF"));

    public SeriesStyle {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(color, "color");
    }

    public static SeriesStyle rawAndSmoothed(Color color) {
        return new SeriesStyle(Kind.LINE_RAW_AND_SMOOTHED, color);
    }

    public static SeriesStyle line(Color color) {
        return new SeriesStyle(Kind.LINE, color);
    }

    public static SeriesStyle pointsAndLine(Color color) {
        return new SeriesStyle(Kind.POINTS_AND_LINE, color);
    }

    /** The i-th colour of a palette meant for telling runs apart (wraps around after ten). */
    public static Color paletteColor(int i) {
        return PALETTE.get(Math.floorMod(i, PALETTE.size()));
    }
}
