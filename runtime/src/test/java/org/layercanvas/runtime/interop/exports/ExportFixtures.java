package org.layercanvas.runtime.interop.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;

/** Samples and golden files shared by the export tests. */
final class ExportFixtures {
    static final List<String> SAMPLES = List.of("xor-2d", "digits-mlp", "mnist-mlp-keras", "cifar10-cnn-keras",
            "sentiment-lstm-keras", "resnet-mini");
    /** Run with {@code -Dexports.updateGolden=true} to rewrite the golden files after a deliberate change. */
    private static final boolean UPDATE = Boolean.getBoolean("exports.updateGolden");
    private static final Path GOLDEN = Path.of("src/test/resources/org/layercanvas/runtime/interop/exports/golden");

    private ExportFixtures() {
    }

    static NetworkDocument sample(String name) throws Exception {
        return DocumentJson.read(Samples.text(name).orElseThrow(), name);
    }

    /** The golden text of {@code file}, or {@code actual} itself when updating the golden files. */
    static String golden(String file, String actual) throws IOException {
        Path path = GOLDEN.resolve(file);
        if (UPDATE || !Files.exists(path)) {
            Files.createDirectories(path.getParent());
            Files.writeString(path, actual, StandardCharsets.UTF_8);
        }
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    /** The lines between the first line starting with {@code from} and the next starting with {@code to}. */
    static String between(String text, String from, String to) {
        List<String> out = new ArrayList<>();
        boolean inside = false;
        for (String line : text.split("\n")) {
            if (inside && line.startsWith(to)) {
                break;
            }
            if (inside && !line.isBlank()) {
                out.add(line.strip());
            }
            inside |= line.startsWith(from);
        }
        return String.join("\n", out) + "\n";
    }
}
