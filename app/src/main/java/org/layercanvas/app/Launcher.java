package org.layercanvas.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.layercanvas.runtime.cli.LayerCanvasCli;

/**
 * The one entry point: without arguments it opens the desktop window, with arguments it is the
 * {@code layercanvas} command line. Deliberately not a JavaFX {@code Application} subclass, so that it starts
 * from a plain class path (and jpackage) without JavaFX on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            try {
                javafx.application.Application.launch(LayerCanvasApp.class);
            } catch (RuntimeException | LinkageError e) {
                // Typically no display, or no GTK 3 on Linux: say so instead of a stack trace.
                System.err.println(Messages.get("launch.failed", String.valueOf(e.getMessage())));
                System.exit(1);
            }
            return;
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = LayerCanvasCli.run(out, err, args);
        System.exit(code);
    }
}
