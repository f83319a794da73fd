package org.layercanvas.runtime.interop.imports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import org.layercanvas.runtime.platform.FileReplace;

/**
 * Trained weights found in an imported file. They are kept as the file that holds them (see docs/file-format.md,
 * "Imported weights"): {@link #source} is copied next to the document, unchanged, so that nothing is lost in a
 * conversion. {@code countsPerNode} is how many numbers the file holds for each document node, checked against
 * the document's own parameter count when the file was read.
 *
 * @param format       where the weights come from
 * @param source       the imported file that holds them
 * @param countsPerNode node id to the number of weights the file holds for that node
 */
public record ImportedWeights(Format format, Path source, Map<String, Long> countsPerNode) {
    /** The layout of the kept weights file. */
    public enum Format {
        /** A Keras HDF5 model file: groups {@code model_weights/<layer>/...}, Keras' layouts. */
        KERAS_H5("h5"),
        /** A DL4J model zip ({@code ModelSerializer}): DL4J's layouts, one vertex per node. */
        DL4J_ZIP("zip"),
        /** A Keras 3 archive: {@code config.json} and {@code model.weights.h5} in Keras 3's layout. */
        KERAS_ARCHIVE("keras");

        private final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public String extension() {
            return extension;
        }
    }

    public ImportedWeights {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(source, "source");
        countsPerNode = Map.copyOf(countsPerNode);
    }

    public long total() {
        return countsPerNode.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The file name the weights get next to document {@code document}: {@code net.lcnet} -> {@code net.weights.h5}. */
    public static Path keptFileFor(Path document, Format format) {
        String name = document.getFileName().toString();
        String stem = name.endsWith(".lcnet") ? name.substring(0, name.length() - ".lcnet".length()) : name;
        return document.resolveSibling(stem + ".weights." + format.extension());
    }

    /**
     * Copies the weights file next to document {@code document} ({@link #keptFileFor}), through a temporary file
     * in the same folder and a move, so that an existing weights file is replaced whole or not at all.
     *
     * @return the kept file
     */
    public Path keepNextTo(Path document) throws IOException {
        Path target = keptFileFor(document.toAbsolutePath(), format);
        FileReplace.<IOException>replace(target, temp -> Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING));
        return target;
    }
}
