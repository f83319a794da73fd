package org.layercanvas.app;

import java.util.ResourceBundle;
import org.layercanvas.i18n.Texts;

/** The desktop app's user-visible text, from {@code org/layercanvas/app/messages.properties}. */
public final class Messages {
    public static final String BUNDLE = "org.layercanvas.app.messages";
    private static final Texts TEXTS = Texts.of(BUNDLE, Messages.class);

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return TEXTS.bundle();
    }

    /** The text of {@code key} with {@code args} formatted for the default locale; {@code !key!} when missing. */
    public static String get(String key, Object... args) {
        return TEXTS.get(key, args);
    }
}
