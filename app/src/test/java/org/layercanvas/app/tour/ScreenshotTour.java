package org.layercanvas.app.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.FileDialogs;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

/**
 * Not a test: opens the real main window in a few states and writes PNG screenshots, for the README and for
 * looking at what a student sees. Run under a display (e.g. {@code xvfb-run -a -s "-screen 0 1400x900x24"}):
 * {@code java -cp ... org.layercanvas.app.tour.ScreenshotTour docs/images [width height]}.
 */
public final class ScreenshotTour {
    private ScreenshotTour() {
    }

    public static void main(String[] args) {
        run(ScreenshotTour::tour, args);
    }

    /** A tour's steps, given the command-line arguments. */
    interface Tour {
        void run(String[] args) throws Exception;
    }

    /** Runs a tour; a failing one ends the JVM with exit code 1 (JavaFX, with implicit exit off, would keep it). */
    static void run(Tour tour, String[] args) {
        try {
            tour.run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Starts JavaFX for a tour and an app with a fresh data folder, themed. */
    static AppContext startApp() throws Exception {
        Path home = Files.createTempDirectory("layercanvas-tour");
        System.setProperty("layercanvas.home", home.toString());
        Platform.startup(() -> { });
        // A tour closes a window before opening the next: without this, JavaFX may exit in between.
        Platform.setImplicitExit(false);
        AppContext app = new AppContext(LayerCatalog.standard(), home, FileDialogs.NATIVE);
        onFx(app::applyTheme);
        return app;
    }

    private static void tour(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        int width = args.length > 2 ? Integer.parseInt(args[1]) : 1280;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 800;
        Files.createDirectories(out);
        AppContext app = startApp();

        MainWindow[] w = new MainWindow[1];
        onFx(() -> {
            w[0] = MainWindow.open(app, new DocumentSession(app.catalog(), DocumentSession.emptyDocument(), null),
                    stage(width, height));
        });
        settle();
        shoot(w[0].stage().getScene(), out.resolve("empty-canvas.png"));
        // a search term: rows of other heights move into the cells of the unfiltered list
        onFx(() -> ((javafx.scene.control.TextField) w[0].stage().getScene().lookup("#palette-search"))
                .setText("output"));
        settle();
        shoot(w[0].stage().getScene(), out.resolve("palette-search.png"));
        onFx(() -> w[0].stage().close());

        onFx(() -> w[0] = MainWindow.openSample(app, "digits-mlp", stage(width, height)));
        settle();
        onFx(() -> w[0].editor().select("hidden"));
        settle();
        shoot(w[0].stage().getScene(), out.resolve("digits-sample.png"));
        onFx(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) w[0].stage().getScene()
                    .lookup("#inspector-tabs");
            if (tabs != null) {
                tabs.getSelectionModel().select(1);
            }
        });
        settle();
        shoot(w[0].stage().getScene(), out.resolve("inspector-network.png"));
        onFx(() -> {
            if (w[0].stage().getScene().lookup("#inspector-network .accordion")
                    instanceof javafx.scene.control.Accordion a && a.getPanes().size() > 1) {
                a.setExpandedPane(a.getPanes().get(1));
            }
        });
        settle();
        shoot(w[0].stage().getScene(), out.resolve("inspector-dataset.png"));

        onFx(() -> {
            var session = w[0].session();
            session.execute(DocumentCommands.addNode("conv2d1", LayerType.CONV2D, new Position(260, 120)));
            session.execute(DocumentCommands.connect(Edge.of("pixels", "conv2d1")));
            session.execute(DocumentCommands.setParam("hidden", "units", 0));
            w[0].editor().select("conv2d1");
        });
        settle();
        shoot(w[0].stage().getScene(), out.resolve("graph-with-error.png"));

        onFx(() -> app.setDark(true));
        settle();
        shoot(w[0].stage().getScene(), out.resolve("dark-theme.png"));
        javafx.stage.Stage[] start = new javafx.stage.Stage[1];
        onFx(() -> start[0] = w[0].showStartScreen());
        settle();
        shoot(start[0].getScene(), out.resolve("start-screen-dark.png"));
        onFx(() -> start[0].close());
        onFx(() -> app.setDark(false));
        onFx(() -> start[0] = w[0].showStartScreen());
        settle();
        shoot(start[0].getScene(), out.resolve("start-screen.png"));
        onFx(() -> start[0].close());
        onFx(() -> w[0].stage().close());

        // Training: the dashboard mid-run and the evaluation afterwards.
        onFx(() -> w[0] = MainWindow.openSample(app, "digits-mlp", stage(width, height)));
        settle();
        onFx(() -> w[0].run());
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            var state = w[0].training().stateProperty().get();
            if (state == org.layercanvas.app.training.TrainingViewModel.State.RUNNING
                    && w[0].training().progressProperty().get() > 0.35) {
                break;
            }
        }
        shoot(w[0].stage().getScene(), out.resolve("training-mid-run.png"));
        deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && w[0].training().evaluationProperty().get() == null) {
            Thread.sleep(250);
        }
        settle();
        shoot(w[0].stage().getScene(), out.resolve("evaluation.png"));
        onFx(() -> {
            javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) w[0].stage().getScene()
                    .lookup("#bottom-tabs");
            tabs.getTabs().stream().filter(t -> "tab-weights".equals(t.getId())).findFirst()
                    .ifPresent(t -> tabs.getSelectionModel().select(t));
        });
        settle();
        shoot(w[0].stage().getScene(), out.resolve("weights.png"));
        System.out.println("training state " + w[0].training().stateProperty().get() + ": "
                + w[0].training().messageProperty().get());
        onFx(() -> w[0].stage().close());
        playground(app, out, width, height);
        Platform.exit();
        System.exit(0);
    }

    /** The playground while the spiral trains and when it is done, with a point asked about. */
    private static void playground(AppContext app, Path out, int width, int height) throws Exception {
        MainWindow[] w = {runningInPlayground(app, "spiral-2d", width, height)};
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            var b = w[0].playground().boundaryProperty().get();
            if (b != null && b.epoch() >= 20) {
                break;
            }
        }
        shoot(w[0].stage().getScene(), out.resolve("playground-training.png"));
        deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline
                && !w[0].playground().statusProperty().get().startsWith("Trained")) {
            Thread.sleep(250);
        }
        settle();
        onFx(() -> w[0].playground().ask(0.5, -0.5));
        settle();
        shoot(w[0].stage().getScene(), out.resolve("playground.png"));
        onFx(() -> w[0].stage().close());
        drawPad(app, out, width, height);
        sentence(app, out, width, height);
        PicturesTour.shoot(app, out, width, height);
    }

    /** Trains the digits network, then draws a "7" on the pad with mouse events. */
    static void drawPad(AppContext app, Path out, int width, int height) throws Exception {
        MainWindow w = trainedInPlayground(app, "digits-mlp", width, height);
        onFx(() -> {
            javafx.scene.canvas.Canvas pad = (javafx.scene.canvas.Canvas) w.stage().getScene().lookup("#draw-pad");
            double s = pad.getWidth();
            double[][] stroke = {{0.25, 0.2}, {0.45, 0.2}, {0.7, 0.2}, {0.62, 0.4}, {0.55, 0.6}, {0.48, 0.8}};
            for (int i = 0; i < stroke.length - 1; i++) {
                for (double t = 0; t < 1; t += 0.1) {
                    // scene coordinates: the event's local ones are computed from them on delivery
                    javafx.geometry.Point2D q = pad.localToScene(
                            (stroke[i][0] + t * (stroke[i + 1][0] - stroke[i][0])) * s,
                            (stroke[i][1] + t * (stroke[i + 1][1] - stroke[i][1])) * s);
                    pad.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_DRAGGED,
                            q.getX(), q.getY(), 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false,
                            false, true, false, false, false, false, false, null));
                }
            }
        });
        settle();
        shoot(w.stage().getScene(), out.resolve("playground-draw.png"));
        onFx(() -> w.stage().close());
    }

    /** Trains the small sentiment network, then types a sentence. */
    private static void sentence(AppContext app, Path out, int width, int height) throws Exception {
        MainWindow w = trainedInPlayground(app, "sentiment-lstm-keras", width, height);
        onFx(() -> ((javafx.scene.control.TextField) w.stage().getScene().lookup("#text-probe"))
                .setText("a wonderful film, I loved it"));
        settle();
        shoot(w.stage().getScene(), out.resolve("playground-text.png"));
        onFx(() -> w.stage().close());
    }

    /** A sample's window with the playground in front and more room for it, its Run pressed. */
    private static MainWindow runningInPlayground(AppContext app, String sample, int width, int height)
            throws Exception {
        MainWindow[] w = new MainWindow[1];
        onFx(() -> w[0] = MainWindow.openSample(app, sample, stage(width, height)));
        settle();
        onFx(() -> {
            w[0].showTab("tab-playground");
            javafx.scene.control.SplitPane centre = (javafx.scene.control.SplitPane) w[0].stage().getScene()
                    .lookup("#bottom-tabs").getParent().getParent();
            centre.setDividerPositions(0.3);
            w[0].run();
        });
        return w[0];
    }

    static MainWindow trainedInPlayground(AppContext app, String sample, int width, int height)
            throws Exception {
        MainWindow[] w = {runningInPlayground(app, sample, width, height)};
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && w[0].training().evaluationProperty().get() == null) {
            Thread.sleep(250);
        }
        settle();
        return w[0];
    }

    static Stage stage(int width, int height) {
        Stage s = new Stage();
        s.setWidth(width);
        s.setHeight(height);
        return s;
    }

    static void settle() throws InterruptedException {
        Thread.sleep(1200);
        onFx(() -> { });
    }

    static void shoot(Scene scene, Path file) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        Exception[] failure = new Exception[1];
        Platform.runLater(() -> {
            try {
                // At the screen's own pixel density (a 4K screen at 200 % gives twice the pixels each way).
                double sx = scene.getWindow() == null ? 1 : scene.getWindow().getOutputScaleX();
                double sy = scene.getWindow() == null ? 1 : scene.getWindow().getOutputScaleY();
                javafx.scene.SnapshotParameters params = new javafx.scene.SnapshotParameters();
                params.setTransform(javafx.scene.transform.Transform.scale(sx, sy));
                javafx.scene.image.WritableImage image = scene.getRoot().snapshot(params, null);
                ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
            } catch (IOException e) {
                failure[0] = e;
            } finally {
                done.countDown();
            }
        });
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not take " + file + " within 20 s");
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        System.out.println("wrote " + file);
    }

    static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        if (!done.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the FX thread did not answer within 20 s");
        }
    }
}
