package org.layercanvas.runtime;

import java.util.Locale;
import org.layercanvas.i18n.Texts;

/**
 * A user-visible text of one of the runtime's bundles, through {@link Texts#plain}: arguments written as they are
 * ({@code 60000}, {@code 0.001}), a missing key shown as {@code !key!} rather than failing (a text must never be
 * the reason an error report fails; {@code RuntimeMessagesSyncTest} keeps every key present).
 */
public final class RuntimeTexts {
    private RuntimeTexts() {
    }

    public static String format(String bundle, Locale locale, String key, Object... args) {
        return Texts.of(bundle, RuntimeTexts.class).plain(locale, key, args);
    }
}
