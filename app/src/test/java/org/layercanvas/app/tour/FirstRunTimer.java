package org.layercanvas.app.tour;

import java.lang.management.ManagementFactory;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.MainWindow;

/**
 * How long a new student waits: from the JVM's start (a fresh data folder, as at the first launch) to the window
 * with the start screen, to the chosen sample's window, to a trained network with its curves and evaluation.
 * The sample is chosen with Enter on its card and Run pressed at once, so a person's reading and clicking time is
 * not counted. Prints seconds; not a test. After {@code ./mvnw -q -DskipTests package} and {@code ./mvnw -q -pl app
 * -am test-compile}: {@code xvfb-run -a java -XX:TieredStopAtLevel=1 -cp
 * "app/target/classes:app/target/test-classes:$(cat app/target/classpath.txt)"
 * org.layercanvas.app.tour.FirstRunTimer [sample]} (default xor-2d).
 */
public final class FirstRunTimer {
    private FirstRunTimer() {
    }

    public static void main(String[] args) {
        ScreenshotTour.run(FirstRunTimer::time, args);
    }

    private static double since(long jvmStart) {
        return (System.currentTimeMillis() - jvmStart) / 1e3;
    }

    private static void time(String[] args) throws Exception {
        String sample = args.length > 0 ? args[0] : "xor-2d";
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        AppContext app = ScreenshotTour.startApp();
        MainWindow[] w = new MainWindow[1];
        Stage[] start = new Stage[1];
        ScreenshotTour.onFx(() -> {
            w[0] = MainWindow.openSample(app, "digits-mlp", ScreenshotTour.stage(1280, 800));
            start[0] = w[0].showStartScreen();
        });
        ScreenshotTour.onFx(() -> { });
        double shown = since(jvmStart);
        ScreenshotTour.onFx(() -> {
            Node card = start[0].getScene().lookup("#sample-" + sample);
            card.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
        MainWindow[] chosen = new MainWindow[1];
        while (chosen[0] == null) {
            Thread.sleep(20);
            ScreenshotTour.onFx(() -> chosen[0] = app.windows().stream().filter(x -> x != w[0]).findFirst()
                    .orElse(null));
        }
        double opened = since(jvmStart);
        ScreenshotTour.onFx(() -> chosen[0].run());
        while (chosen[0].training().evaluationProperty().get() == null) {
            Thread.sleep(20);
        }
        double trained = since(jvmStart);
        System.out.printf("%s: window with start screen %.1f s, sample open %.1f s, trained with curves and"
                + " evaluation %.1f s after the JVM started (%s)%n", sample, shown, opened, trained,
                chosen[0].training().messageProperty().get());
        javafx.application.Platform.exit();
        System.exit(0);
    }
}
