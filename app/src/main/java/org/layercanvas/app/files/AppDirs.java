package org.layercanvas.app.files;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where LayerCanvas keeps its own files (recent files, settings, crash recovery): the OS-standard data folder,
 * or the folder named by the system property {@code layercanvas.home} (tests use it).
 */
public final class AppDirs {
    private AppDirs() {
    }

    public static Path dataDir() {
        String override = System.getProperty("layercanvas.home");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "LayerCanvas");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "LayerCanvas");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("layercanvas");
    }
}
