package org.layercanvas.charts;

import org.layercanvas.i18n.Texts;

/** The module's user-visible strings, from {@code org/layercanvas/charts/messages.properties}. */
final class Messages {
    private static final Texts TEXTS = Texts.of("org.layercanvas.charts.messages", Messages.class);

    private Messages() {
    }

    /** The text of {@code key} with {@code args} filled in; {@code !key!} when the bundle has no such key. */
    static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
