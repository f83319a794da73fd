package org.layercanvas.model.io;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The reader's and writer's user-visible texts, from {@code messages.properties}, formatted with MessageFormat. */
final class Messages {
    private static final String BUNDLE = "org.layercanvas.model.io.messages";

    private Messages() {
    }

    /**
     * The text of {@code key} with {@code args} filled in. Arguments are turned into strings first so that numbers
     * are not grouped or localised ({@code 65536}, not {@code 65,536}).
     */
    static String format(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.getDefault()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }
}
