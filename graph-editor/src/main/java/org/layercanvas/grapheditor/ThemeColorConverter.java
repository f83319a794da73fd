package org.layercanvas.grapheditor;

import javafx.css.ParsedValue;
import javafx.css.StyleConverter;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * Converts a colour that may be a look-up the scene does not define (AtlantaFX's {@code -color-*} without
 * AtlantaFX): then the value is null instead of a CSS warning. This is how the editor finds out whether it runs
 * under a theme, without a hidden probe node whose failing look-up JavaFX reports on every restyle.
 */
final class ThemeColorConverter extends StyleConverter<Object, Color> {
    static final ThemeColorConverter INSTANCE = new ThemeColorConverter();

    private ThemeColorConverter() {
    }

    @Override
    public Color convert(ParsedValue<Object, Color> value, Font font) {
        return toColor(value.getValue(), font);
    }

    @SuppressWarnings("unchecked")
    private static Color toColor(Object v, Font font) {
        if (v instanceof Color) {
            return (Color) v;
        }
        if (v instanceof ParsedValue) {
            ParsedValue<Object, Object> pv = (ParsedValue<Object, Object>) v;
            if (pv.getConverter() != null) {
                try {
                    Object converted = pv.convert(font);
                    return converted instanceof Color ? (Color) converted : null;
                } catch (RuntimeException unresolved) {
                    return null;
                }
            }
            return toColor(pv.getValue(), font);
        }
        // An unresolved look-up arrives as its name.
        return null;
    }
}
