package org.layercanvas.grapheditor;

import org.layercanvas.i18n.Texts;

/** The editor's few user-visible strings, from {@code org/layercanvas/grapheditor/messages.properties}. */
final class Messages {
    private static final Texts TEXTS = Texts.of("org.layercanvas.grapheditor.messages", Messages.class);

    private Messages() {
    }

    /** The text of {@code key} with {@code args} filled in; {@code !key!} when the bundle has no such key. */
    static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
