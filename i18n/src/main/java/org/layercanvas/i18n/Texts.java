package org.layercanvas.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of one resource bundle, read one way everywhere: patterns in {@link MessageFormat} syntax, filled with
 * arguments, never sentences glued together in code. A key the bundle does not have comes back as {@code !key!}
 * (visible in the UI and in tests, never an exception in front of a student); the bundle tests keep every key
 * present in every language.
 *
 * <p>Each module keeps one {@code Texts} per bundle (usually in a small {@code Messages} class next to it).
 */
public final class Texts {
    private final String baseName;
    private final ClassLoader loader;

    private Texts(String baseName, ClassLoader loader) {
        this.baseName = baseName;
        this.loader = loader;
    }

    /**
     * @param baseName the bundle, e.g. {@code org.layercanvas.charts.messages}
     * @param owner    a class of the module that holds the bundle (its class loader finds the files)
     */
    public static Texts of(String baseName, Class<?> owner) {
        return new Texts(baseName, owner.getClassLoader());
    }

    /** The bundle for the default locale. */
    public ResourceBundle bundle() {
        return bundle(Locale.getDefault());
    }

    public ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(baseName, locale, loader);
    }

    /** Whether the bundle has {@code key}. */
    public boolean has(String key) {
        return bundle().containsKey(key);
    }

    /**
     * The text of {@code key} as the bundle writes it, not a pattern (descriptions that quote freely), or
     * {@code !key!} when the bundle has no such key.
     */
    public String raw(Locale locale, String key) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }

    /**
     * The text of {@code key} in the default locale with {@code args} filled in as MessageFormat formats them
     * for that locale (numbers grouped: {@code 65,536}).
     */
    public String get(String key, Object... args) {
        return format(Locale.getDefault(), key, false, args);
    }

    /** The same in {@code locale}. */
    public String get(Locale locale, String key, Object... args) {
        return format(locale, key, false, args);
    }

    /**
     * The text of {@code key} with the arguments turned into strings first, so that numbers appear as written
     * ({@code 65536}, {@code 0.001}): for messages that quote values a student typed or a file holds.
     */
    public String plain(String key, Object... args) {
        return format(Locale.getDefault(), key, true, args);
    }

    /** The same in {@code locale}. */
    public String plain(Locale locale, String key, Object... args) {
        return format(locale, key, true, args);
    }

    private String format(Locale locale, String key, boolean plain, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            // no arguments: the text as written, also when it holds a quote that MessageFormat would swallow
            return new MessageFormat(pattern, locale).format(new Object[0]);
        }
        Object[] values = args;
        if (plain) {
            values = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                values[i] = args[i] instanceof Number n ? Numbers.plain(n) : String.valueOf(args[i]);
            }
        }
        return new MessageFormat(pattern, locale).format(values);
    }
}
