package org.layercanvas.runtime.device;

import java.util.Locale;
import org.layercanvas.runtime.RuntimeTexts;

/** User-visible texts of the device choice, from {@code org/layercanvas/runtime/device/messages.properties}. */
public final class DeviceMessages {
    static final String BUNDLE = "org.layercanvas.runtime.device.messages";

    private DeviceMessages() {
    }

    public static String format(String key, Object... args) {
        return RuntimeTexts.format(BUNDLE, Locale.getDefault(), key, args);
    }
}
