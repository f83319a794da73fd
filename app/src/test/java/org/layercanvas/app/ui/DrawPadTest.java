package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.playground.PlaygroundViewModel;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playground's draw pad with a real worker: a digit drawn on the trained digits network gets 10 bars. */
class DrawPadTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    @Test
    void aDrawnDigitGetsAProbabilityPerClassThatSumToOne() {
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.setTraining(
                document().training().withEpochs(2))));
        interact(() -> window.showTab("tab-playground"));
        press(KeyCode.F5).release(KeyCode.F5);
        waitSeconds(30, () -> window.playground().modeProperty().get() == PlaygroundViewModel.Mode.DRAW);
        waitSeconds(90, () -> window.training().stateProperty().get() == State.FINISHED);
        waitSeconds(10, () -> window.playground().statusProperty().get().contains("8x8"));
        WaitForAsyncUtils.waitForFxEvents();

        // a vertical stroke down the middle of the pad: a "1"
        Canvas pad = lookup("#draw-pad").queryAs(Canvas.class);
        Point2D top = fx(() -> pad.localToScreen(pad.getWidth() * 0.5, pad.getHeight() * 0.15));
        Point2D bottom = fx(() -> pad.localToScreen(pad.getWidth() * 0.5, pad.getHeight() * 0.85));
        drag(top, MouseButton.PRIMARY).moveTo(bottom).release(MouseButton.PRIMARY);

        waitSeconds(20, () -> window.playground().probabilitiesProperty().get() != null
                && lookup("#draw-pad-bars").queryAs(GridPane.class).getChildren().size() == 30);
        double[] p = fx(() -> window.playground().probabilitiesProperty().get());
        assertThat(p).hasSize(10);
        assertThat(java.util.Arrays.stream(p).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(lookup("#draw-pad-bars .progress-bar").queryAllAs(ProgressBar.class)).hasSize(10);

        // Clear asks again with an empty pad; the answer replaces the bars
        clickOn("#draw-pad-clear");
        waitSeconds(20, () -> window.playground().probabilitiesProperty().get() != p);
    }
}
