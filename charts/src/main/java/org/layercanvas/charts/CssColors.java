package org.layercanvas.charts;

import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

/** Builds the CSS-styleable colour properties of the charts without repeating the same anonymous class. */
final class CssColors {
    private CssColors() {
    }

    /** Metadata for a colour property of {@code S} named {@code property} in CSS (e.g. {@code -lc-background}). */
    static <S extends Styleable> CssMetaData<S, Color> metaData(String property, Color initial,
            Function<S, StyleableObjectProperty<Color>> getter) {
        return new CssMetaData<>(property, StyleConverter.getColorConverter(), initial) {
            @Override
            public boolean isSettable(S styleable) {
                return !getter.apply(styleable).isBound();
            }

            @Override
            public StyleableProperty<Color> getStyleableProperty(S styleable) {
                return getter.apply(styleable);
            }
        };
    }

    /** A colour property backed by {@code metaData}, starting at its initial value. */
    static <S extends Styleable> StyleableObjectProperty<Color> property(S bean, String name,
            CssMetaData<S, Color> metaData) {
        return new SimpleStyleableObjectProperty<>(metaData, bean, name, metaData.getInitialValue(null));
    }
}
