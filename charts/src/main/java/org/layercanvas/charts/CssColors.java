package org.layercanvas.charts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.ColorConverter;
import javafx.scene.paint.Color;

/**
 * A chart's CSS-styleable colours: one {@link StyleableObjectProperty} per CSS property name (such as
 * {@code -lc-chart-grid}), with its default. A chart class makes one {@link Schema} (its metadata) and each
 * instance one {@code CssColors}.
 */
final class CssColors<S extends Styleable> {

    /** The CSS properties of one kind of chart. */
    static final class Schema<S extends Styleable> {
        private final Map<String, Meta<S>> metas = new LinkedHashMap<>();
        private final List<CssMetaData<? extends Styleable, ?>> all;

        /**
         * @param parent   the metadata the chart's base class has
         * @param colorsOf where an instance keeps its colours
         * @param defaults CSS name to default colour, in order
         */
        Schema(List<CssMetaData<? extends Styleable, ?>> parent, Function<S, CssColors<S>> colorsOf,
               Map<String, Color> defaults) {
            defaults.forEach((name, initial) -> metas.put(name, new Meta<>(name, initial, colorsOf)));
            List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(parent);
            list.addAll(metas.values());
            all = Collections.unmodifiableList(list);
        }

        List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
            return all;
        }
    }

    private static final class Meta<S extends Styleable> extends CssMetaData<S, Color> {
        private final Function<S, CssColors<S>> colorsOf;

        Meta(String name, Color initial, Function<S, CssColors<S>> colorsOf) {
            super(name, ColorConverter.getInstance(), initial);
            this.colorsOf = colorsOf;
        }

        @Override
        public boolean isSettable(S bean) {
            return !colorsOf.apply(bean).property(getProperty()).isBound();
        }

        @Override
        public StyleableProperty<Color> getStyleableProperty(S bean) {
            return colorsOf.apply(bean).property(getProperty());
        }
    }

    private final Map<String, StyleableObjectProperty<Color>> properties = new LinkedHashMap<>();

    CssColors(S bean, Schema<S> schema) {
        schema.metas.forEach((name, meta) -> properties.put(name, new StyleableObjectProperty<>(
                meta.getInitialValue(bean)) {
            @Override
            public Object getBean() {
                return bean;
            }

            @Override
            public String getName() {
                return name.substring(1);
            }

            @Override
            public CssMetaData<? extends Styleable, Color> getCssMetaData() {
                return meta;
            }
        }));
    }

    /** The property of a CSS name ({@code -lc-chart-grid}). */
    StyleableObjectProperty<Color> property(String cssName) {
        StyleableObjectProperty<Color> p = properties.get(cssName);
        if (p == null) {
            throw new IllegalArgumentException("no colour " + cssName);
        }
        return p;
    }

    Color get(String cssName) {
        return property(cssName).get();
    }

    /** Every colour, for listeners that repaint. */
    List<StyleableObjectProperty<Color>> all() {
        return List.copyOf(properties.values());
    }

    /** The same colour for Java2D (JFreeChart). */
    static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) c.getOpacity());
    }
}
