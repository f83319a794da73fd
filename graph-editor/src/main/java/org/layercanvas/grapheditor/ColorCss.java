package org.layercanvas.grapheditor;

import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.paint.Color;

/**
 * CSS metadata of a colour the editor paints in code (grid, minimap). Declared once per class as a constant; each
 * instance makes its property with {@link #newProperty}, which repaints through {@code onChange}.
 */
final class ColorCss<S extends Styleable> extends CssMetaData<S, Color> {
    private final Function<S, StyleableObjectProperty<Color>> property;

    ColorCss(String cssName, Color initial, Function<S, StyleableObjectProperty<Color>> property) {
        this(cssName, StyleConverter.getColorConverter(), initial, property);
    }

    ColorCss(String cssName, StyleConverter<?, Color> converter, Color initial,
            Function<S, StyleableObjectProperty<Color>> property) {
        super(cssName, converter, initial);
        this.property = property;
    }

    @Override
    public boolean isSettable(S styleable) {
        StyleableObjectProperty<Color> p = property.apply(styleable);
        return p == null || !p.isBound();
    }

    @Override
    public StyleableProperty<Color> getStyleableProperty(S styleable) {
        return property.apply(styleable);
    }

    StyleableObjectProperty<Color> newProperty(S bean, String name, Runnable onChange) {
        StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(this, bean, name, getInitialValue(bean));
        p.addListener(obs -> onChange.run());
        return p;
    }
}
