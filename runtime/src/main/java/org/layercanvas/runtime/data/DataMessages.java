package org.layercanvas.runtime.data;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-visible texts of the data package, from {@code org/layercanvas/runtime/data/messages.properties}, formatted
 * with MessageFormat. Arguments are turned into strings first so numbers are not grouped ({@code 60000}, not
 * {@code 60,000}).
 */
public final class DataMessages {
    static final String BUNDLE = "org.layercanvas.runtime.data.messages";

    private DataMessages() {
    }

    public static String format(String key, Object... args) {
        return format(Locale.getDefault(), key, args);
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key + " " + java.util.Arrays.toString(args);
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }

    /** A {@link DatasetException} carrying the formatted message of {@code key}. */
    static DatasetException error(String key, Object... args) {
        return new DatasetException(format(key, args));
    }

    static DatasetException error(Throwable cause, String key, Object... args) {
        return new DatasetException(format(key, args), cause);
    }
}
