package org.layercanvas.grapheditor;

import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The editor's few user-visible strings, from {@code org/layercanvas/grapheditor/messages.properties}. */
final class Messages {
    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("org.layercanvas.grapheditor.messages");

    private Messages() {
    }

    static String get(String key) {
        try {
            return BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
