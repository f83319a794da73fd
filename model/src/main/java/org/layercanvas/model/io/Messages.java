package org.layercanvas.model.io;

import org.layercanvas.i18n.Texts;

/** Texts of the document reader and writer, from {@code org/layercanvas/model/io/messages.properties}. */
final class Messages {
    private static final Texts TEXTS = Texts.of("org.layercanvas.model.io.messages", Messages.class);

    private Messages() {
    }

    /**
     * The text of {@code key} with {@code args} filled in as written ({@code 65536}, not {@code 65,536}): these
     * messages quote values from the file.
     */
    static String format(String key, Object... args) {
        return TEXTS.plain(key, args);
    }
}
