package org.layercanvas.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.layercanvas.runtime.cli.LayerCanvasCli;
import org.layercanvas.runtime.platform.NativeCache;

/**
 * The one entry point: without arguments (or with one {@code .lcnet} file) it opens the desktop window, with
 * other arguments it is the {@code layercanvas} command line, and with {@code worker} the training worker.
 * Deliberately not a JavaFX {@code Application} subclass, so that it starts from a plain class path (and jpackage)
 * without JavaFX on the module path.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        NativeCache.useStandardFolder();
        if (args.length == 0 || opensDocument(args)) {
            try {
                javafx.application.Application.launch(LayerCanvasApp.class, args);
            } catch (RuntimeException | LinkageError e) {
                // Typically no display, or no GTK 3 on Linux: say so instead of a stack trace.
                System.err.println(Messages.get("launch.failed", String.valueOf(e.getMessage())));
                System.exit(1);
            }
            // Every window is closed: end even if a library left a non-daemon thread behind.
            System.exit(0);
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = LayerCanvasCli.run(out, err, args);
        System.exit(code);
    }

    /**
     * Whether the arguments are one network file to open in the window, as the desktop passes it when a student
     * double-clicks a {@code .lcnet} file (the installers register the type).
     */
    static boolean opensDocument(String[] args) {
        return args.length == 1 && !args[0].startsWith("-")
                && args[0].toLowerCase(java.util.Locale.ROOT).endsWith(".lcnet");
    }
}
