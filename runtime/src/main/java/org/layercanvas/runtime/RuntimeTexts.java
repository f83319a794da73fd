package org.layercanvas.runtime;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Formats a user-visible text of one of the runtime's bundles with MessageFormat. Arguments are turned into strings
 * first, so numbers are not grouped ({@code 60000}, not {@code 60,000}); a missing key shows itself and its
 * arguments rather than failing (a text must never be the reason an error report fails).
 */
public final class RuntimeTexts {
    private RuntimeTexts() {
    }

    public static String format(String bundle, Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(bundle, locale).getString(key);
        } catch (MissingResourceException e) {
            return key + " " + Arrays.toString(args);
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }
}
