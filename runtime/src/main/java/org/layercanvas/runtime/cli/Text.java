package org.layercanvas.runtime.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** User-visible command-line text, from the {@code messages} bundle of this package. */
final class Text {
    private Text() {
    }

    static String get(String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.layercanvas.runtime.cli.messages", Locale.getDefault());
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(args);
    }
}
