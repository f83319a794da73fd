package org.layercanvas.app.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.shape.TensorShape;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.Planes;
import org.layercanvas.runtime.worker.WorkerProtocol;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The playground of a network on colour images (CIFAR-10-like, no draw pad) with a scripted worker answer: the picked
 * picture is drawn in colour with its bars beside it, RGB filters and feature maps under it.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.layercanvas.app.testutil.EnglishLocale.class)
class ColourPicturesViewTest extends ApplicationTest {
    private PlaygroundViewModel model;


    /** A 32x32 RGB picture: the left half red, the right half blue; 3x3 RGB filters; 32 maps of 30x30. */
    static WorkerProtocol.Inspection cifarLike() {
        float[] rgb = new float[32 * 32 * 3];
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                rgb[(r * 32 + c) * 3 + (c < 16 ? 0 : 2)] = 1f;
            }
        }
        float[][] filters = new float[32][27];
        filters[0][0] = 1;
        filters[0][1] = -1;
        float[][] maps = new float[16][900];
        maps[0][0] = 3;
        double[] outputs = new double[10];
        outputs[3] = 0.6;
        outputs[5] = 0.4;
        return new WorkerProtocol.Inspection(1, 7, 5000, 3, new Planes("", 32, 32, 3, 1, new float[][] {rgb}),
                outputs, new Planes("conv1", 3, 3, 3, 32, filters), List.of(new Planes("conv1", 30, 30, 1, 32, maps)));
    }

    @Override
    public void start(Stage stage) {
        model = new PlaygroundViewModel(Runnable::run, new PlaygroundViewModel.Predictor() {
            @Override
            public CompletableFuture<double[][]> predict(double[][] rows, boolean intensities) {
                return CompletableFuture.failedFuture(new IllegalStateException("no"));
            }

            @Override
            public CompletableFuture<double[][]> predictTexts(List<String> texts) {
                return CompletableFuture.failedFuture(new IllegalStateException("no"));
            }

            @Override
            public CompletableFuture<WorkerProtocol.Inspection> inspect(int testIndex, double[] intensities,
                                                                        boolean maps) {
                return CompletableFuture.completedFuture(cifarLike());
            }
        }, () -> TensorShape.image(32, 32, 3));
        stage.setScene(new Scene(new PlaygroundView(model), 900, 700));
        stage.show();
        model.accept(new TrainingEvent.Started("CpuBackend", "cpu", "CPU requested", 1, "1.0.0-M2.1", "17", "Linux",
                105, 350, 50, 100, 3, 16, 42, "plan", "plan", List.of(), null));
        model.accept(new TrainingEvent.Finished(org.layercanvas.runtime.train.EndReason.COMPLETED, 3, 66, 0.1, 0.9,
                1000, 1, "cpu"));
        List<String> names = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship",
                "truck");
        model.accept(new TrainingEvent.Evaluation(0.1, 0.9, names, new long[10][10], new double[10], new double[10],
                new double[10], new long[10], new int[10][10][0]));
    }

    @Test
    void aPickedColourImageIsDrawnInColourWithItsBarsFiltersAndMaps() {
        assertThat(model.modeProperty().get()).isEqualTo(PlaygroundViewModel.Mode.IMAGE);
        assertThat(lookup("#draw-pad").tryQuery()).isEmpty();
        clickOn("#pick-random");
        assertThat(lookup("#pick-truth").queryAs(Label.class).getText())
                .isEqualTo("Test image 8 of 5,000: true class cat. The network says cat (60.0 % sure): right.");
        assertThat(lookup("#pick-bars .progress-bar").queryAll()).hasSize(10);
        Canvas picture = (Canvas) lookup("#pick-image").queryAs(StackPane.class).getChildren().get(0);
        WritableImage shot = snapshot(picture);
        assertThat(shot.getPixelReader().getColor(20, 80)).isEqualTo(Color.RED);
        assertThat(shot.getPixelReader().getColor(148, 80)).isEqualTo(Color.BLUE);
        assertThat(lookup("#filters-conv1").queryAs(TilePane.class).getChildren()).hasSize(32);
        assertThat(lookup("#maps-conv1").queryAs(TilePane.class).getChildren()).hasSize(16);
        assertThat(lookup("#maps-note").queryAs(Label.class).getText()).startsWith("The test image through");
    }

    private static WritableImage snapshot(Canvas c) {
        WritableImage[] out = new WritableImage[1];
        try {
            org.testfx.util.WaitForAsyncUtils.asyncFx(() -> out[0] = c.snapshot(null, null)).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return out[0];
    }
}
