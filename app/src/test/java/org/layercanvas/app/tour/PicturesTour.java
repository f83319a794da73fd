package org.layercanvas.app.tour;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.MainWindow;

/**
 * The playground's test image picker and Conv2D pictures: the small residual network of the digits trained, a test
 * image picked, its filters and feature maps under it ({@code playground-conv.png}). Part of {@link ScreenshotTour};
 * alone, with the draw pad's shot ({@code playground-draw.png}):
 * {@code java -cp ... org.layercanvas.app.tour.PicturesTour docs/images [width height]}.
 */
public final class PicturesTour {
    private PicturesTour() {
    }

    public static void main(String[] args) {
        ScreenshotTour.run(args1 -> {
            Path out = Path.of(args1.length > 0 ? args1[0] : "docs/images");
            Files.createDirectories(out);
            AppContext app = ScreenshotTour.startApp();
            int width = args1.length > 2 ? Integer.parseInt(args1[1]) : 1280;
            int height = args1.length > 2 ? Integer.parseInt(args1[2]) : 800;
            ScreenshotTour.drawPad(app, out, width, height);
            shoot(app, out, width, height);
            Platform.exit();
            System.exit(0);
        }, args);
    }

    static void shoot(AppContext app, Path out, int width, int height) throws Exception {
        MainWindow w = ScreenshotTour.trainedInPlayground(app, "resnet-mini", width, height);
        // More room for the playground: the picture and the first blocks of feature maps under it.
        ScreenshotTour.onFx(() -> ((javafx.scene.control.SplitPane) w.stage().getScene().lookup("#bottom-tabs")
                .getParent().getParent()).setDividerPositions(0.04));
        ScreenshotTour.onFx(() -> w.playground().pictures().pickNext());
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && w.playground().pictures().pickedProperty().get() == null) {
            Thread.sleep(100);
        }
        ScreenshotTour.settle();
        ScreenshotTour.shoot(w.stage().getScene(), out.resolve("playground-conv.png"));
        ScreenshotTour.onFx(() -> w.stage().close());
    }
}
