package org.layercanvas.runtime.compile;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/** User-visible texts of the compiler, from {@code org/layercanvas/runtime/compile/messages.properties}. */
final class CompileMessages {
    static final String BUNDLE = "org.layercanvas.runtime.compile.messages";

    private CompileMessages() {
    }

    static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
