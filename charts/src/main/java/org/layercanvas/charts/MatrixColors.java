package org.layercanvas.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.paint.Color;

/** The confusion matrix's CSS-styleable colours, with their CSS names and light defaults. */
final class MatrixColors {
    final StyleableObjectProperty<Color> background;
    final StyleableObjectProperty<Color> text;
    final StyleableObjectProperty<Color> title;
    final StyleableObjectProperty<Color> low;
    final StyleableObjectProperty<Color> mid;
    final StyleableObjectProperty<Color> high;
    final StyleableObjectProperty<Color> highlight;

    private static final List<Meta> METAS = new ArrayList<>();
    static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    private static final class Meta extends CssMetaData<ConfusionMatrixView, Color> {
        private final Function<MatrixColors, StyleableObjectProperty<Color>> field;

        Meta(String name, Color initial, Function<MatrixColors, StyleableObjectProperty<Color>> field) {
            super(name, ColorConverter.getInstance(), initial);
            this.field = field;
        }

        @Override
        public boolean isSettable(ConfusionMatrixView view) {
            return !field.apply(view.colors()).isBound();
        }

        @Override
        public StyleableProperty<Color> getStyleableProperty(ConfusionMatrixView view) {
            return field.apply(view.colors());
        }
    }

    private static final Meta BACKGROUND = meta("-lc-matrix-background", Color.WHITE, c -> c.background);
    private static final Meta TEXT = meta("-lc-matrix-text", Color.web("#3c4350"), c -> c.text);
    private static final Meta TITLE = meta("-lc-matrix-title", Color.web("#1b1f27"), c -> c.title);
    private static final Meta LOW = meta("-lc-matrix-low", Color.web("#f5f9fe"), c -> c.low);
    private static final Meta MID = meta("-lc-matrix-mid", Color.web("#6baed6"), c -> c.mid);
    private static final Meta HIGH = meta("-lc-matrix-high", Color.web("#08306b"), c -> c.high);
    private static final Meta HIGHLIGHT = meta("-lc-matrix-highlight", Color.web("#e4572e"), c -> c.highlight);

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(javafx.scene.control.Control
                .getClassCssMetaData());
        all.addAll(METAS);
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private static Meta meta(String name, Color initial, Function<MatrixColors, StyleableObjectProperty<Color>> f) {
        Meta m = new Meta(name, initial, f);
        METAS.add(m);
        return m;
    }

    MatrixColors(ConfusionMatrixView view) {
        background = property(view, "backgroundColor", BACKGROUND);
        text = property(view, "textColor", TEXT);
        title = property(view, "titleColor", TITLE);
        low = property(view, "lowColor", LOW);
        mid = property(view, "midColor", MID);
        high = property(view, "highColor", HIGH);
        highlight = property(view, "highlightColor", HIGHLIGHT);
    }

    private static StyleableObjectProperty<Color> property(ConfusionMatrixView view, String name, Meta meta) {
        return new StyleableObjectProperty<>(meta.getInitialValue(view)) {
            @Override
            public Object getBean() {
                return view;
            }

            @Override
            public String getName() {
                return name;
            }

            @Override
            public CssMetaData<? extends Styleable, Color> getCssMetaData() {
                return meta;
            }
        };
    }

    /** The heat-map colour of a share {@code t} in [0, 1]: low, mid and high blended. */
    Color scale(double t) {
        double x = Math.max(0, Math.min(1, t));
        return x < 0.5 ? low.get().interpolate(mid.get(), x * 2) : mid.get().interpolate(high.get(), (x - 0.5) * 2);
    }

    /** All the colours, for listeners that repaint. */
    List<StyleableObjectProperty<Color>> all() {
        return List.of(background, text, title, low, mid, high, highlight);
    }
}
