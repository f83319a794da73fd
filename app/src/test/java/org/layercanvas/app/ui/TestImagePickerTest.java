package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.TilePane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.playground.PicturesViewModel;
import org.layercanvas.app.playground.PlaygroundViewModel;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The playground's test image picker with a real worker, on the small residual conv network of the digits: a
 * picked test image shows its true class; it goes onto the draw pad, whose ten class probabilities are the network's
 * answer for it, and the Conv2D layers' filters and feature maps appear under it; a stroke makes them the drawing's.
 */
class TestImagePickerTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, TestDocs.sample("resnet-mini"));
    }

    private PicturesViewModel pictures() {
        return window.playground().pictures();
    }

    @Test
    void aPickedTestImageShowsItsClassItsProbabilitiesAndItsFeatureMaps() {
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.setTraining(
                document().training().withEpochs(3))));
        interact(() -> window.showTab("tab-playground"));
        press(KeyCode.F5).release(KeyCode.F5);
        waitSeconds(30, () -> window.playground().modeProperty().get() == PlaygroundViewModel.Mode.DRAW);
        waitSeconds(10, () -> lookup("#pick-random").tryQuery().isPresent());
        // Asked while the network trains: the picker says why there is no picture (if the run is not over yet).
        clickOn("#pick-random");
        waitSeconds(30, () -> !pictures().pickNoteProperty().get().isEmpty());
        String early = fx(() -> pictures().pickNoteProperty().get());
        if (fx(() -> pictures().pickedProperty().get()) == null) {
            assertThat(early).startsWith("The network is still training");
        }

        waitSeconds(120, () -> window.training().stateProperty().get() == State.FINISHED);
        waitSeconds(10, () -> window.training().evaluationProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        PicturesViewModel.Picture before = fx(() -> pictures().pickedProperty().get());
        clickOn("#pick-random");
        waitSeconds(20, () -> pictures().pickedProperty().get() != before && !pictures().busyProperty().get());
        PicturesViewModel.Picture picked = fx(() -> pictures().pickedProperty().get());

        assertThat(picked.probabilities()).hasSize(10);
        assertThat(Arrays.stream(picked.probabilities()).sum()).isCloseTo(1.0, within(1e-4));
        assertThat(picked.label()).isBetween(0, 9);
        assertThat(fx(() -> lookup("#pick-truth").queryAs(Label.class).getText()))
                .contains("true class " + fx(() -> window.playground().className(picked.label())))
                .containsPattern("(right|wrong)\\.$");
        // The grey picture goes onto the draw pad, whose bars show the network's answer for it.
        waitSeconds(20, () -> window.playground().probabilitiesProperty().get() != null
                && lookup("#draw-pad-bars").queryAs(GridPane.class).getChildren().size() == 30);
        assertThat(fx(() -> window.playground().probabilitiesProperty().get())).containsExactly(picked.probabilities(),
                within(1e-4));
        assertThat(lookup("#draw-pad-bars .progress-bar").queryAllAs(ProgressBar.class)).hasSize(10);

        // Under the picture: the first Conv2D layer's filters, then 16 maps of each Conv2D layer.
        assertThat(fx(() -> lookup("#maps-note").queryAs(Label.class).getText()))
                .startsWith("The test image through the Conv2D layers");
        assertThat(fx(() -> lookup("#filters-stem").queryAs(TilePane.class).getChildren().size())).isEqualTo(16);
        for (String layer : new String[] {"stem", "block1a", "block1b", "block2a", "block2b"}) {
            assertThat(fx(() -> lookup("#maps-" + layer).queryAs(TilePane.class).getChildren()))
                    .hasSize(16).allMatch(n -> n instanceof Canvas);
        }
        // a block of pictures per Conv2D layer, after the filters' block
        assertThat(fx(() -> lookup("#feature-map-layers").queryAs(FlowPane.class).getChildren().size()))
                .isEqualTo(6);

        // A stroke on the pad changes the picture: the maps are now those of the drawing.
        Canvas pad = lookup("#draw-pad").queryAs(Canvas.class);
        drag(fx(() -> pad.localToScreen(pad.getWidth() * 0.2, pad.getHeight() * 0.5)), MouseButton.PRIMARY)
                .moveTo(fx(() -> pad.localToScreen(pad.getWidth() * 0.8, pad.getHeight() * 0.5)))
                .release(MouseButton.PRIMARY);
        waitSeconds(20, () -> pictures().sourceProperty().get() == PicturesViewModel.Source.DRAWN);
        waitSeconds(10, () -> lookup("#maps-note").queryAs(Label.class).getText()
                .startsWith("Your drawing through the Conv2D layers"));

        // Next is the following test image.
        clickOn("#pick-next");
        waitSeconds(20, () -> pictures().pickedProperty().get() != picked && !pictures().busyProperty().get());
        PicturesViewModel.Picture next = fx(() -> pictures().pickedProperty().get());
        assertThat(next.testIndex()).isEqualTo((picked.testIndex() + 1) % picked.testSize());
    }
}
