package org.layercanvas.charts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.css.StyleableObjectProperty;
import javafx.scene.paint.Color;

/** The confusion matrix's CSS-styleable colours ({@code -lc-matrix-*}), with light defaults. */
final class MatrixColors {
    static final CssColors.Schema<ConfusionMatrixView> SCHEMA = new CssColors.Schema<>(
            javafx.scene.control.Control.getClassCssMetaData(), v -> v.colors().css, defaults());

    private final CssColors<ConfusionMatrixView> css;
    final StyleableObjectProperty<Color> background;
    final StyleableObjectProperty<Color> text;
    final StyleableObjectProperty<Color> title;
    final StyleableObjectProperty<Color> low;
    final StyleableObjectProperty<Color> mid;
    final StyleableObjectProperty<Color> high;
    final StyleableObjectProperty<Color> highlight;

    private static Map<String, Color> defaults() {
        Map<String, Color> d = new LinkedHashMap<>();
        d.put("-lc-matrix-background", Color.WHITE);
        d.put("-lc-matrix-text", Color.web("#3c4350"));
        d.put("-lc-matrix-title", Color.web("#1b1f27"));
        d.put("-lc-matrix-low", Color.web("#f5f9fe"));
        d.put("-lc-matrix-mid", Color.web("#6baed6"));
        d.put("-lc-matrix-high", Color.web("#08306b"));
        d.put("-lc-matrix-highlight", Color.web("#e4572e"));
        return d;
    }

    MatrixColors(ConfusionMatrixView view) {
        css = new CssColors<>(view, SCHEMA);
        background = css.property("-lc-matrix-background");
        text = css.property("-lc-matrix-text");
        title = css.property("-lc-matrix-title");
        low = css.property("-lc-matrix-low");
        mid = css.property("-lc-matrix-mid");
        high = css.property("-lc-matrix-high");
        highlight = css.property("-lc-matrix-highlight");
    }

    /** The heat-map colour of a share {@code t} in [0, 1]: low, mid and high blended. */
    Color scale(double t) {
        double x = Math.max(0, Math.min(1, t));
        return x < 0.5 ? low.get().interpolate(mid.get(), x * 2) : mid.get().interpolate(high.get(), (x - 0.5) * 2);
    }

    /** All the colours, for listeners that repaint. */
    List<StyleableObjectProperty<Color>> all() {
        return css.all();
    }
}
