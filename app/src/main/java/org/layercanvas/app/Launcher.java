package org.layercanvas.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.layercanvas.runtime.cli.LayerCanvasCli;

/**
 * The one entry point: with arguments it is the {@code layercanvas} command line. Without arguments it will open
 * the desktop window once the editor lands; until then it prints the command line's help. Deliberately not a
 * JavaFX {@code Application} subclass, so that it starts from a plain class path (and jpackage).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int code = LayerCanvasCli.run(out, err, args);
        System.exit(code);
    }
}
