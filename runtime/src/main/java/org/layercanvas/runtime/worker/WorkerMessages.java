package org.layercanvas.runtime.worker;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/** User-visible texts about the training process, from {@code org/layercanvas/runtime/worker/messages.properties}. */
final class WorkerMessages {
    static final String BUNDLE = "org.layercanvas.runtime.worker.messages";

    private WorkerMessages() {
    }

    static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
