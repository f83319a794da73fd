package org.layercanvas.runtime.engine;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/** User-visible texts of the engine choice, from {@code org/layercanvas/runtime/engine/messages.properties}. */
public final class EngineMessages {
    static final String BUNDLE = "org.layercanvas.runtime.engine.messages";

    private EngineMessages() {
    }

    public static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
