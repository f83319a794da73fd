package org.layercanvas.runtime.data.download;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.layercanvas.runtime.data.DatasetException;

/**
 * User-visible texts of the download package, from {@code org/layercanvas/runtime/data/download/messages.properties},
 * formatted with MessageFormat. Arguments are turned into strings first so numbers are not grouped.
 */
public final class DownloadMessages {
    static final String BUNDLE = "org.layercanvas.runtime.data.download.messages";

    private DownloadMessages() {
    }

    public static String format(String key, Object... args) {
        return format(Locale.getDefault(), key, args);
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
        } catch (MissingResourceException e) {
            return key + " " + Arrays.toString(args);
        }
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern, Locale.ROOT).format(texts);
    }

    public static DatasetException error(String key, Object... args) {
        return new DatasetException(format(key, args));
    }
}
