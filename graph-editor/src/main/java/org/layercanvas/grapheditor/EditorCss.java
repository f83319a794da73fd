package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.control.Control;
import javafx.scene.paint.Color;

/**
 * The editor's own CSS properties: colours it paints in code, and {@code -ge-theme-color}, which tells whether
 * the scene has AtlantaFX colours (then the editor carries the {@value GraphEditor#THEMED} style class and its
 * -ge-* palette follows the theme).
 */
final class EditorCss {
    private static final ColorCss<GraphEditor> GRID_MINOR_COLOR = new ColorCss<>("-ge-grid-minor-color",
            Color.rgb(128, 128, 128, 0.08), e -> e.css().gridMinorColor);
    private static final ColorCss<GraphEditor> GRID_MAJOR_COLOR = new ColorCss<>("-ge-grid-major-color",
            Color.rgb(128, 128, 128, 0.17), e -> e.css().gridMajorColor);
    /** The theme's background; null (without a warning) when the scene has no AtlantaFX colours. */
    private static final ColorCss<GraphEditor> THEME_COLOR = new ColorCss<>("-ge-theme-color",
            ThemeColorConverter.INSTANCE, null, e -> e.css().themeColor);
    static final List<CssMetaData<? extends Styleable, ?>> META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Control.getClassCssMetaData());
        list.addAll(List.of(GRID_MINOR_COLOR, GRID_MAJOR_COLOR, THEME_COLOR));
        META_DATA = List.copyOf(list);
    }

    private final GraphEditor editor;
    final StyleableObjectProperty<Color> gridMinorColor;
    final StyleableObjectProperty<Color> gridMajorColor;
    private final StyleableObjectProperty<Color> themeColor;
    private boolean restyle;

    EditorCss(GraphEditor editor, Runnable gridChanged) {
        this.editor = editor;
        gridMinorColor = GRID_MINOR_COLOR.newProperty(editor, "gridMinorColor", gridChanged);
        gridMajorColor = GRID_MAJOR_COLOR.newProperty(editor, "gridMajorColor", gridChanged);
        themeColor = THEME_COLOR.newProperty(editor, "themeColor", this::followTheme);
    }

    /** Theme colours resolve under AtlantaFX only; then the -ge-* palette is switched to them. */
    private void followTheme() {
        boolean themed = themeColor.get() != null;
        if (themed != editor.getStyleClass().contains(GraphEditor.THEMED)) {
            if (themed) {
                editor.getStyleClass().add(GraphEditor.THEMED);
            } else {
                editor.getStyleClass().remove(GraphEditor.THEMED);
            }
            restyle = true;
            editor.requestLayout();
        }
    }

    /**
     * Whether the theme was found (or lost) while styling, once: the editor then restyles at once, not a frame
     * later in the fallback colours.
     */
    boolean takeRestyle() {
        boolean r = restyle;
        restyle = false;
        return r;
    }
}
