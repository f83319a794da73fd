package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.layercanvas.runtime.train.TrainingEvent;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The playground with a real worker: the decision boundary is drawn and changes while XOR trains, then answers. */
class PlaygroundTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, TestDocs.sample("xor-2d"));
    }

    private Canvas plane() {
        return lookup("#playground-plane").queryAs(Canvas.class);
    }

    /** The plane's pixels, one int per pixel. */
    private int[] pixels() {
        return fx(() -> {
            WritableImage img = plane().snapshot(null, null);
            PixelReader r = img.getPixelReader();
            int w = (int) img.getWidth();
            int h = (int) img.getHeight();
            int[] out = new int[w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    out[y * w + x] = r.getArgb(x, y);
                }
            }
            return out;
        });
    }

    private static int differing(int[] a, int[] b) {
        int n = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            n += a[i] != b[i] ? 1 : 0;
        }
        return n + Math.abs(a.length - b.length);
    }

    @Test
    void theDecisionBoundaryIsDrawnChangesWhileTrainingAndTheTrainedNetworkAnswersAClick() {
        interact(() -> window.showTab("tab-playground"));
        // slow XOR down a little so that pictures arrive while it trains
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.setTraining(
                document().training().withEpochs(120))));
        press(KeyCode.F5).release(KeyCode.F5);

        waitSeconds(60, () -> playgroundBoundary() != null && plane().getWidth() > 50);
        // Run left the playground in front: its picture is what a student watches while the network trains.
        assertThat(fx(() -> lookup("#bottom-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel()
                .getSelectedItem().getId())).isEqualTo("tab-playground");
        int[] early = pixels();
        int firstEpoch = fx(() -> playgroundBoundary().epoch());
        waitSeconds(120, () -> window.training().stateProperty().get() == State.FINISHED);
        waitSeconds(10, () -> playgroundBoundary().epoch() == 120);
        int[] trained = pixels();

        assertThat(firstEpoch).isLessThan(120);
        assertThat(differing(early, trained)).as("pixels that changed between the first and the last picture")
                .isGreaterThan(early.length / 20);
        // unit pictures of the hidden layers are shown
        assertThat(fx(() -> lookup("#playground-units").queryAs(javafx.scene.layout.TilePane.class).getChildren()
                .size())).isGreaterThan(0);

        // A click asks the trained network about that point (once the text above has changed to "Trained",
        // which may move the plane).
        waitSeconds(10, () -> window.playground().statusProperty().get().startsWith("Trained"));
        WaitForAsyncUtils.waitForFxEvents();
        Point2D corner = fx(() -> plane().localToScreen(plane().getWidth() * 0.1, plane().getHeight() * 0.1));
        clickOn(corner);
        waitSeconds(20, () -> !lookup(".playground-answer").queryAs(Label.class).getText().isEmpty());
        assertThat(fx(() -> lookup(".playground-answer").queryAs(Label.class).getText())).startsWith("At (-")
                .contains("sure");
    }

    private TrainingEvent.Boundary playgroundBoundary() {
        return window.playground().boundaryProperty().get();
    }
}
