package org.layercanvas.app.tour;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.app.training.TrainingViewModel;

/**
 * Screenshots of step mode: the digits network paused after a few single steps, each layer's health at its
 * foot, and the Weights tab looking back at an earlier epoch. Run like {@link ScreenshotTour}:
 * {@code java -cp ... org.layercanvas.app.tour.StepTour docs/images}.
 */
public final class StepTour {
    private StepTour() {
    }

    public static void main(String[] args) {
        ScreenshotTour.run(StepTour::tour, args);
    }

    private static void tour(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        AppContext app = ScreenshotTour.startApp();
        MainWindow[] w = new MainWindow[1];
        ScreenshotTour.onFx(() -> {
            w[0] = MainWindow.openSample(app, args.length > 1 ? args[1] : "digits-mlp",
                    ScreenshotTour.stage(1280, 800));
            w[0].showTab("tab-training");
        });
        ScreenshotTour.settle();
        ScreenshotTour.onFx(() -> {
            w[0].training().step();
            w[0].run();
        });
        waitFor(() -> w[0].training().stateProperty().get() == TrainingViewModel.State.PAUSED);
        for (int i = 0; i < 3; i++) {
            ScreenshotTour.onFx(() -> w[0].training().step());
            Thread.sleep(1500);
        }
        ScreenshotTour.onFx(() -> {
            javafx.scene.control.SplitPane centre = (javafx.scene.control.SplitPane) w[0].stage().getScene()
                    .lookup("#bottom-tabs").getParent().getParent();
            centre.setDividerPositions(0.56);
            w[0].editor().setZoom(1.0);
        });
        ScreenshotTour.settle();
        ScreenshotTour.onFx(() -> w[0].editor().centerOn("dropout"));
        ScreenshotTour.settle();
        ScreenshotTour.shoot(w[0].stage().getScene(), out.resolve("step-mode.png"));
        ScreenshotTour.onFx(() -> w[0].training().resume());
        waitFor(() -> w[0].training().stateProperty().get() == TrainingViewModel.State.FINISHED);
        ScreenshotTour.onFx(() -> {
            w[0].showTab("tab-weights");
            ((javafx.scene.control.Slider) w[0].stage().getScene().lookup("#weights-epoch")).setValue(1);
        });
        ScreenshotTour.settle();
        ScreenshotTour.shoot(w[0].stage().getScene(), out.resolve("weights-epoch.png"));
        ScreenshotTour.onFx(() -> w[0].stage().close());
        Platform.exit();
        System.exit(0);
    }

    private static void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the tour waited 120 s in vain");
            }
            Thread.sleep(100);
        }
    }
}
