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

    /**
     * What a sample reaches with its own settings (see {@code expected.properties}).
     *
     * @param accuracy the lowest test accuracy a run should give
     * @param seconds  about how long a run takes on a 2-core laptop CPU
     * @param measured whether the figures were measured here (false: as the sample's description states, for
     *                 samples whose data is downloaded)
     */
    public record Expected(double accuracy, int seconds, boolean measured) {
    }

    /** The expected figures of a sample, if it has them. */
    public static Optional<Expected> expected(String name) {
        return Optional.ofNullable(ExpectedFile.ALL.get(name));
    }

    /** {@code expected.properties}, read once. */
    private static final class ExpectedFile {
        static final java.util.Map<String, Expected> ALL = read();

        private static java.util.Map<String, Expected> read() {
            java.util.Map<String, Expected> all = new java.util.HashMap<>();
            List<String> lines;
            try (InputStream in = Samples.class.getResourceAsStream(FOLDER + "expected.properties")) {
                if (in == null) {
                    return all;
                }
                lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            java.util.Properties p = new java.util.Properties();
            try {
                p.load(new java.io.StringReader(String.join("\n", lines)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int stated = lines.indexOf("# stated");
            for (String key : p.stringPropertyNames()) {
                if (key.endsWith(".accuracy")) {
                    String name = key.substring(0, key.length() - ".accuracy".length());
                    String seconds = p.getProperty(name + ".seconds");
                    if (seconds != null) {
                        int at = lines.indexOf(key + "=" + p.getProperty(key));
                        all.put(name, new Expected(Double.parseDouble(p.getProperty(key)), Integer.parseInt(seconds),
                                stated < 0 || at < stated));
                    }
                }
            }
            return all;
        }
    }
}
