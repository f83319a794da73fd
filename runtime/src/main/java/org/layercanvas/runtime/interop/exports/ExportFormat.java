package org.layercanvas.runtime.interop.exports;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What {@link Exporters} can write; {@link #cliName()} is the {@code --format} value of the command line. */
public enum ExportFormat {
    MERMAID("mermaid", ".mmd", false),
    KERAS_JSON("keras-json", ".json", false),
    KERAS_PY("keras-py", ".py", false),
    PYTORCH("pytorch", ".py", false),
    JAVA("java", ".java", false),
    ONNX("onnx", ".onnx", true),
    SVG("svg", ".svg", false),
    DL4J("dl4j", ".zip", true);

    private final String cliName;
    private final String extension;
    private final boolean needsWeights;

    ExportFormat(String cliName, String extension, boolean needsWeights) {
        this.cliName = cliName;
        this.extension = extension;
        this.needsWeights = needsWeights;
    }

    public String cliName() {
        return cliName;
    }

    /** The usual file-name ending, with its dot. */
    public String extension() {
        return extension;
    }

    /** Whether the format carries weights (from a trained model, or the initial ones when there is none). */
    public boolean needsWeights() {
        return needsWeights;
    }

    public static Optional<ExportFormat> fromCliName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.cliName.equals(n)).findFirst();
    }
}
