package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Colours painted in code follow CSS: a stylesheet rule changes the pixels, and a theme switches the palette. */
class ThemeColorsTest extends EditorTestBase {
    /** AtlantaFX's colour variables the editor's palette reads, set to something recognisable. */
    private static final String FAKE_THEME = ".root { -color-bg-subtle: #202020; -color-bg-default: #101010;"
            + " -color-fg-default: #eeeeee; -color-fg-muted: #aaaaaa; -color-fg-subtle: #888888;"
            + " -color-border-default: #444444; -color-accent-emphasis: #00ff00; -color-accent-muted: #003300;"
            + " -color-danger-emphasis: #ff0000; -color-warning-emphasis: #ffff00; -color-success-emphasis: #00ffff;"
            + " -color-bg-overlay: #303030; }";

    private final List<LogRecord> cssWarnings = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord r) {
            if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                cssWarnings.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private GraphMinimap minimap;

    @Start
    void start(Stage stage) {
        Logger.getLogger("javafx.css").addHandler(recorder);
        setUpStage(stage);
        minimap = new GraphMinimap(editor);
        ((javafx.scene.layout.StackPane) editor.getParent()).getChildren().add(minimap);
        minimap.setManaged(false);
        minimap.resizeRelocate(0, 0, 200, 140);
    }

    @AfterEach
    void stopRecording() {
        Logger.getLogger("javafx.css").removeHandler(recorder);
    }

    @Test
    void aStylesheetRuleRecoloursThePaintedGrid() {
        show(GraphSnapshot.EMPTY);
        // With pan 0, zoom 1 and grid 20 a major line is painted at x = 300; y = 350 lies between horizontal lines.
        assertThat(pixel(300, 350)).isNotEqualTo(Color.RED);

        interact(() -> editor.getScene().getStylesheets().add(css(".root .graph-editor { -ge-grid-major-color: red; }")));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> editor.gridMajorColorProperty().get())).isEqualTo(Color.RED);
        assertThat(pixel(300, 350)).isEqualTo(Color.RED);
        assertThat(pixel(310, 350)).isNotEqualTo(Color.RED);
    }

    @Test
    void withoutAThemeTheFallbackPaletteIsUsedAndCssStaysQuiet() {
        show(TestGraphs.abc());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> editor.getStyleClass().contains(GraphEditor.THEMED))).isFalse();
        assertThat(fx(() -> minimap.viewStrokeProperty().get())).isEqualTo(Color.web("#0969da"));
        assertThat(pixel(310, 350).getBrightness()).isGreaterThan(0.9);
        assertThat(cssWarnings).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void aThemeRestylesEditorAndMinimap() {
        show(TestGraphs.abc());
        interact(() -> editor.getScene().getStylesheets().add(css(FAKE_THEME)));
        waitUntil(() -> editor.getStyleClass().contains(GraphEditor.THEMED));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> minimap.viewStrokeProperty().get())).isEqualTo(Color.web("#00ff00"));
        assertThat(fx(() -> minimap.selectedColorProperty().get())).isEqualTo(Color.web("#00ff00"));
        assertThat(fx(() -> minimap.nodeColorProperty().get())).isEqualTo(Color.web("#aaaaaa"));
        // The editor's background now comes from the theme.
        assertThat(pixel(310, 350).getBrightness()).isLessThan(0.2);
    }

    private Color pixel(int x, int y) {
        return fx(() -> {
            WritableImage image = editor.snapshot(null, null);
            return image.getPixelReader().getColor(x, y);
        });
    }

    private static String css(String text) {
        return "data:text/css;base64,"
                + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
