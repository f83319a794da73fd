package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.charts.ConfusionMatrixViewTest.fx;

import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The matrix draws with the colours CSS gives it: the theme's looked-up colours, or a scene's own rules. */
@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixCssTest extends FxRobot {
    private ConfusionMatrixView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        view = new ConfusionMatrixView();
        view.setMatrix(new long[][] {{10, 0}, {0, 10}}, java.util.List.of("a", "b"));
        scene = new Scene(new StackPane(view), 500, 450);
        scene.getStylesheets().add(css("theme.css"));
        stage.setScene(scene);
        stage.show();
    }

    private static String css(String name) {
        return ConfusionMatrixCssTest.class.getResource(name).toExternalForm();
    }

    /** The colour drawn at a point of the view. */
    private Color pixel(double x, double y) {
        return fx(() -> {
            WritableImage image = view.snapshot(null, null);
            return image.getPixelReader().getColor((int) x, (int) y);
        });
    }

    private Color cornerOfCell(int row, int col) {
        Bounds b = fx(() -> view.cellBounds(row, col));
        return pixel(b.getMinX() + 2, b.getMinY() + 2);
    }

    private static void assertColour(Color actual, String expected) {
        Color e = Color.web(expected);
        assertThat(actual.getRed()).as("red of " + actual).isCloseTo(e.getRed(), within());
        assertThat(actual.getGreen()).as("green of " + actual).isCloseTo(e.getGreen(), within());
        assertThat(actual.getBlue()).as("blue of " + actual).isCloseTo(e.getBlue(), within());
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.02);
    }

    @Test
    void defaultsComeFromTheThemesLookedUpColours() {
        WaitForAsyncUtils.waitForFxEvents();
        assertColour(pixel(2, 2), "#ffffff");
        assertColour(cornerOfCell(0, 0), "#0969da");
        assertColour(cornerOfCell(0, 1), "#ffffff");
    }

    @Test
    void switchingTheThemeRepaints() {
        interact(() -> scene.getStylesheets().setAll(css("dark-theme.css")));
        WaitForAsyncUtils.waitForFxEvents();
        assertColour(pixel(2, 2), "#0d1117");
        assertColour(cornerOfCell(1, 1), "#1f6feb");
        assertThat(fx(() -> view.textColorProperty().get())).isEqualTo(Color.web("#e6edf3"));
    }

    @Test
    void aSceneRuleOverridesTheDefaults() {
        interact(() -> scene.getStylesheets().add(css("custom-colours.css")));
        WaitForAsyncUtils.waitForFxEvents();
        assertColour(pixel(2, 2), "#ff0000");
        assertColour(cornerOfCell(0, 1), "#00ff00");
        assertColour(cornerOfCell(1, 1), "#00ff00");
    }

    @Test
    void setDarkTogglesThePseudoClass() {
        interact(() -> view.setDark(true));
        assertThat(fx(() -> view.getPseudoClassStates().contains(ConfusionMatrixView.DARK))).isTrue();
        interact(() -> view.setDark(false));
        assertThat(fx(() -> view.getPseudoClassStates().contains(ConfusionMatrixView.DARK))).isFalse();
    }
}
