package org.layercanvas.runtime.data;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

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
        return RuntimeTexts.format(BUNDLE, locale, key, args);
    }

    /** A {@link DatasetException} carrying the formatted message of {@code key}. */
    static DatasetException error(String key, Object... args) {
        return new DatasetException(format(key, args));
    }

    static DatasetException error(Throwable cause, String key, Object... args) {
        return new DatasetException(format(key, args), cause);
    }
}
