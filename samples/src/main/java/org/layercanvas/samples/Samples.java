package org.layercanvas.samples;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sample projects bundled as resources; {@code sample:NAME} on the command line refers to these. */
public final class Samples {
    private static final String FOLDER = "/org/layercanvas/samples/";

    private Samples() {
    }

    /** Sample names in their listed order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        try (InputStream in = Samples.class.getResourceAsStream(FOLDER + "index.properties")) {
            if (in == null) {
                return names;
            }
            try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                // Read line by line rather than with Properties so that the listed order is kept.
                for (String line : new java.io.BufferedReader(r).lines().toList()) {
                    String t = line.strip();
                    if (!t.isEmpty() && !t.startsWith("#") && t.contains("=")) {
                        names.add(t.substring(0, t.indexOf('=')).strip());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The JSON text of a sample, or empty if there is no sample of that name. */
    public static Optional<String> text(String name) {
        if (!names().contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = Samples.class.getResourceAsStream(FOLDER + name + ".lcnet")) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
