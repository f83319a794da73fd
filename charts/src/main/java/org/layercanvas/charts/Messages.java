package org.layercanvas.charts;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The module's user-visible strings, from {@code org/layercanvas/charts/messages.properties}. */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.layercanvas.charts.messages");

    private Messages() {
    }

    static String get(String key) {
        return BUNDLE.getString(key);
    }

    static String format(String key, Object... args) {
        return new MessageFormat(BUNDLE.getString(key), BUNDLE.getLocale()).format(args);
    }
}
