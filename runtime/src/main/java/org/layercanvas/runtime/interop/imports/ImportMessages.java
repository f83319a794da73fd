package org.layercanvas.runtime.interop.imports;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/** User-visible texts of the importers, from {@code org/layercanvas/runtime/interop/imports/messages.properties}. */
public final class ImportMessages {
    static final String BUNDLE = "org.layercanvas.runtime.interop.imports.messages";

    private ImportMessages() {
    }

    /** The text of {@code key} in the default locale, its arguments written as they are. */
    public static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
