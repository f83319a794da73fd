package org.layercanvas.app.main;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/**
 * The app's icon at the sizes window managers pick from (title bar, task bar, Alt+Tab). The PNGs are drawn by
 * the jpackage module's {@code IconArt}, which the installers' icons come from too.
 */
final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};
    private static List<Image> images;

    private AppIcons() {
    }

    /** Loaded once, on the FX thread. */
    static List<Image> all() {
        if (images == null) {
            List<Image> list = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = AppIcons.class.getResourceAsStream("/org/layercanvas/app/icons/icon-" + size
                        + ".png")) {
                    if (in != null) {
                        list.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // A missing icon leaves the window manager's default; nothing to tell the student.
                }
            }
            images = List.copyOf(list);
        }
        return images;
    }
}
