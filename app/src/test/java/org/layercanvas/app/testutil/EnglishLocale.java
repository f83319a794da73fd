package org.layercanvas.app.testutil;

import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class in English ({@code @ExtendWith(EnglishLocale.class)}), whatever the machine's locale, and puts
 * the default locale back afterwards: tests that compare texts read the English bundles.
 */
public final class EnglishLocale implements BeforeAllCallback, AfterAllCallback {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(EnglishLocale.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("before", Locale.getDefault());
        Locale.setDefault(Locale.ENGLISH);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Locale.setDefault(context.getStore(NS).get("before", Locale.class));
    }
}
