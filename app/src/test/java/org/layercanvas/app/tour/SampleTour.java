package org.layercanvas.app.tour;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.samples.Samples;

/**
 * A screenshot of every sample as a student first sees it (File > New from Sample): the network on the canvas,
 * fitted to a tall view. Run like {@link ScreenshotTour}:
 * {@code java -cp ... org.layercanvas.app.tour.SampleTour docs/images/samples}.
 */
public final class SampleTour {
    private SampleTour() {
    }

    public static void main(String[] args) {
        ScreenshotTour.run(SampleTour::tour, args);
    }

    private static void tour(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images/samples");
        Files.createDirectories(out);
        AppContext app = ScreenshotTour.startApp();
        for (String name : Samples.names()) {
            MainWindow[] w = new MainWindow[1];
            ScreenshotTour.onFx(() -> {
                w[0] = MainWindow.openSample(app, name, ScreenshotTour.stage(1400, 1040));
                w[0].showTab("tab-problems");
            });
            ScreenshotTour.settle();
            ScreenshotTour.onFx(() -> {
                javafx.scene.control.SplitPane centre = (javafx.scene.control.SplitPane) w[0].stage().getScene()
                        .lookup("#bottom-tabs").getParent().getParent();
                centre.setDividerPositions(0.97); // the network gets the height: tall ones stay readable
            });
            ScreenshotTour.settle();
            ScreenshotTour.onFx(() -> w[0].editor().zoomToFit());
            ScreenshotTour.settle();
            ScreenshotTour.shoot(w[0].stage().getScene(), out.resolve(name + ".png"));
            ScreenshotTour.onFx(() -> w[0].stage().close());
        }
        Platform.exit();
        System.exit(0);
    }
}
