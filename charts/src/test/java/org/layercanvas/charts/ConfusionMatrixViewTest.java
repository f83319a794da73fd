package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ConfusionMatrixViewTest extends FxRobot {
    private ConfusionMatrixView view;
    private final List<int[]> clicks = new ArrayList<>();

    @Start
    void start(Stage stage) {
        view = new ConfusionMatrixView();
        view.setOnCellClicked((t, p) -> clicks.add(new int[] {t, p}));
        Scene scene = new Scene(new StackPane(view), 700, 600);
        // charts.css refers to the AtlantaFX theme's colours; theme.css stands in for it.
        scene.getStylesheets().add(ConfusionMatrixViewTest.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    static long[][] matrix(int n) {
        long[][] m = new long[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                m[r][c] = r == c ? 90 + r : (r * 7 + c * 3) % 5;
            }
        }
        return m;
    }

    static List<String> names(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("class " + i);
        }
        return names;
    }

    private Point2D screenCentre(int row, int col) {
        return fx(() -> {
            Bounds b = view.localToScreen(view.cellBounds(row, col));
            return new Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    @Test
    void clickingACellReportsTrueAndPredictedClass() {
        interact(() -> view.setMatrix(matrix(10), names(10)));
        WaitForAsyncUtils.waitForFxEvents();
        clickOn(screenCentre(3, 7));
        clickOn(screenCentre(9, 0));
        clickOn(screenCentre(0, 9));
        assertThat(clicks).extracting(c -> c[0] + "," + c[1]).containsExactly("3,7", "9,0", "0,9");
    }

    @Test
    void hoverTextNamesTheCellItsCountAndShareOfTheRow() {
        long[][] m = matrix(10);
        interact(() -> view.setMatrix(m, names(10)));
        WaitForAsyncUtils.waitForFxEvents();
        moveTo(screenCentre(4, 2));
        WaitForAsyncUtils.waitForFxEvents();
        long rowSum = 0;
        for (long v : m[4]) {
            rowSum += v;
        }
        String expectedShare = String.format("%.1f%%", 100.0 * m[4][2] / rowSum);
        String text = fx(view::getHoverText);
        assertThat(text).startsWith("True class 4, predicted class 2: " + m[4][2] + " (")
                .contains(expectedShare).endsWith("of class 4)");
        moveTo(screenCentre(4, 4));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(view::getHoverText)).contains(": 94 (")
                .contains(String.format("%.1f%%", 100.0 * 94 / (rowSum - m[4][2] + m[4][2])));
    }

    @Test
    void cellsStaySquareAndInsideForLargeMatrices() {
        interact(() -> view.setMatrix(matrix(100), names(100)));
        WaitForAsyncUtils.waitForFxEvents();
        Bounds first = fx(() -> view.cellBounds(0, 0));
        Bounds last = fx(() -> view.cellBounds(99, 99));
        assertThat(first.getWidth()).isEqualTo(first.getHeight()).isPositive();
        assertThat(last.getMaxX()).isLessThanOrEqualTo(fx(view::getWidth));
        assertThat(last.getMaxY()).isLessThanOrEqualTo(fx(view::getHeight));
        assertThat(fx(() -> view.cellAt(last.getCenterX(), last.getCenterY())))
                .isEqualTo(new ConfusionMatrixView.Cell(99, 99));
        interact(() -> view.setNormalized(false));
        assertThat(fx(() -> view.cellAt(1, 1))).isNull();
    }

    @Test
    void rejectsMismatchedInput() {
        assertThatThrownBy(() -> view.setMatrix(new long[2][2], List.of("a"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> view.setMatrix(new long[][] {{1, 2}, {3}}, List.of("a", "b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
