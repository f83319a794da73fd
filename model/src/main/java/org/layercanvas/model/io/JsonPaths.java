package org.layercanvas.model.io;

import java.util.regex.Pattern;

/** Builds JSON paths like {@code $.nodes[3].params.units} or {@code $.options['odd key']}. */
final class JsonPaths {
    static final String ROOT = "$";
    /** Keys longer than this are shortened in paths, so that hostile keys cannot blow up path strings. */
    private static final int MAX_KEY_IN_PATH = 64;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private JsonPaths() {
    }

    static String field(String parent, String name) {
        if (PLAIN.matcher(name).matches() && name.length() <= MAX_KEY_IN_PATH) {
            return parent + "." + name;
        }
        String shown = name.length() > MAX_KEY_IN_PATH ? name.substring(0, MAX_KEY_IN_PATH) + "\u2026" : name;
        StringBuilder sb = new StringBuilder(parent).append("['");
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append("']").toString();
    }

    static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
