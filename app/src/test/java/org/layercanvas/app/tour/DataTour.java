package org.layercanvas.app.tour;

import static org.layercanvas.app.tour.ScreenshotTour.onFx;
import static org.layercanvas.app.tour.ScreenshotTour.settle;
import static org.layercanvas.app.tour.ScreenshotTour.shoot;
import static org.layercanvas.app.tour.ScreenshotTour.stage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Platform;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Split;
import org.layercanvas.runtime.data.download.DatasetCache;

/**
 * Screenshots of the Data tab (not a test): digits pictures, a 2-D scatter, the sentiment texts, and MNIST when
 * the cache given by {@code -Dlayercanvas.cache} holds it. Run under xvfb like {@link ScreenshotTour}.
 */
public final class DataTour {
    private DataTour() {
    }

    public static void main(String[] args) {
        ScreenshotTour.run(DataTour::tour, args);
    }

    private static void tour(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        AppContext app = ScreenshotTour.startApp();
        app.setDatasetCache(DatasetCache.standard());

        MainWindow[] w = new MainWindow[1];
        onFx(() -> w[0] = MainWindow.openSample(app, "digits-mlp", stage(1280, 800)));
        settle();
        onFx(() -> w[0].showData());
        settle();
        settle();
        shoot(w[0].stage().getScene(), out.resolve("data-digits.png"));

        onFx(() -> w[0].session().execute(DocumentCommands.setDatasetAndFollow(new DatasetSpec("spiral",
                Map.of("samples", 600, "noise", 0.05), Split.DEFAULT, 1), w[0].session().inference())));
        settle();
        settle();
        shoot(w[0].stage().getScene(), out.resolve("data-spiral.png"));
        onFx(() -> w[0].stage().close());

        onFx(() -> w[0] = MainWindow.openSample(app, "sentiment-lstm", stage(1280, 800)));
        settle();
        onFx(() -> w[0].showData());
        settle();
        settle();
        shoot(w[0].stage().getScene(), out.resolve("data-sentiment.png"));
        onFx(() -> w[0].stage().close());

        onFx(() -> w[0] = MainWindow.openSample(app, "mnist-mlp", stage(1280, 800)));
        settle();
        onFx(() -> w[0].showData());
        settle();
        settle();
        settle();
        shoot(w[0].stage().getScene(), out.resolve("data-mnist.png"));
        onFx(() -> w[0].stage().close());

        // Run with MNIST not in an (empty) cache: the download dialog, which fails here without internet.
        app.setDatasetCache(new DatasetCache(Files.createTempDirectory("layercanvas-empty-cache")));
        onFx(() -> w[0] = MainWindow.openSample(app, "mnist-mlp", stage(1280, 800)));
        settle();
        onFx(() -> w[0].run());
        javafx.stage.Window[] dialog = new javafx.stage.Window[1];
        for (int i = 0; i < 60 && dialog[0] == null; i++) {
            Thread.sleep(500);
            onFx(() -> dialog[0] = javafx.stage.Window.getWindows().stream()
                    .filter(x -> x.getScene() != null && x.getScene().lookup("#download-problem") != null
                            && x.getScene().lookup("#download-problem").isVisible())
                    .findFirst().orElse(null));
        }
        settle();
        shoot(dialog[0] != null ? dialog[0].getScene() : w[0].stage().getScene(),
                out.resolve(dialog[0] != null ? "download-failed.png" : "download-missing.png"));
        Platform.exit();
        System.exit(0);
    }
}
