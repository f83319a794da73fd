package org.layercanvas.runtime.interop.exports;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/** User-visible texts of the exports, from {@code org/layercanvas/runtime/interop/exports/messages.properties}. */
final class ExportMessages {
    static final String BUNDLE = "org.layercanvas.runtime.interop.exports.messages";

    private ExportMessages() {
    }

    static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
