package org.layercanvas.runtime.data.download;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;
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
        return RuntimeTexts.format(BUNDLE, locale, key, args);
    }

    public static DatasetException error(String key, Object... args) {
        return new DatasetException(format(key, args));
    }
}
