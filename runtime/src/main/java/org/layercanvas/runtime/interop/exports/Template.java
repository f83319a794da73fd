package org.layercanvas.runtime.interop.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A piece of generated source kept as a resource next to this class, with {@code {{NAME}}} holes. Keeping the fixed
 * parts of the generated programs as files makes them readable as programs, and the Java code small.
 */
final class Template {
    private static final Pattern HOLE = Pattern.compile("\\{\\{([A-Z_]+)}}");

    private Template() {
    }

    static String fill(String resource, Map<String, String> values) {
        String text = load(resource);
        Matcher m = HOLE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            if (v == null) {
                throw new IllegalArgumentException(resource + ": no value for " + m.group(1));
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    static String load(String resource) {
        try (InputStream in = Template.class.getResourceAsStream("templates/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing template " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
