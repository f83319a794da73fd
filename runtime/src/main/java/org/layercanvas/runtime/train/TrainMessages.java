package org.layercanvas.runtime.train;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/**
 * User-visible texts of training runs (why a run failed, default class names), from
 * {@code org/layercanvas/runtime/train/messages.properties}, in the default locale: the worker's is the window's.
 */
public final class TrainMessages {
    static final String BUNDLE = "org.layercanvas.runtime.train.messages";

    private TrainMessages() {
    }

    public static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
