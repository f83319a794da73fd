package org.layercanvas.runtime.cli;

import org.layercanvas.i18n.Texts;

/** User-visible command-line text, from the {@code messages} bundle of this package. */
final class Text {
    private static final Texts TEXTS = Texts.of("org.layercanvas.runtime.cli.messages", Text.class);

    private Text() {
    }

    static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
