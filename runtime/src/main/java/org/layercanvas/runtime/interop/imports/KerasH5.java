package org.layercanvas.runtime.interop.imports;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a Keras full-model HDF5 file ({@code model.save("m.h5")}) with the pure-Java jHDF reader: the
 * {@code model_config} attribute (the architecture JSON), the loss of {@code training_config}, and the layout of
 * the weights under {@code model_weights/<layer>/...} (how many numbers each layer holds; the numbers themselves
 * are not read, the file is kept). Whatever jHDF throws on a damaged or truncated file becomes one located error.
 */
final class KerasH5 {
    /** What a Keras HDF5 file holds, as far as the import needs it. */
    record Contents(String modelConfig, String lossHint, Map<String, Long> weightCounts) {
    }

    private KerasH5() {
    }

    static Contents read(Path file, String where) throws ImportException {
        try (HdfFile hdf = new HdfFile(file)) {
            Attribute config = hdf.getAttribute("model_config");
            if (config == null) {
                // Keras 2's save_weights names its layers in an attribute; Keras 3's (x.weights.h5) keeps groups
                // "layers" and "vars" at the root, as in the model.weights.h5 of a .keras archive
                boolean weightsOnly = hdf.getAttribute("layer_names") != null
                        || hdf.getChildren().get("layers") instanceof Group
                        && hdf.getChildren().containsKey("vars");
                throw ImportException.unsupported(where,
                        ImportMessages.format(weightsOnly ? "h5.weightsOnly" : "h5.noModelConfig"));
            }
            String json = text(config, where);
            Attribute training = hdf.getAttribute("training_config");
            String loss = training == null ? null : lossOf(text(training, where));
            Node weights = hdf.getChild("model_weights");
            Map<String, Long> counts = new LinkedHashMap<>();
            if (weights instanceof Group g) {
                for (Map.Entry<String, Node> layer : g.getChildren().entrySet()) {
                    counts.put(layer.getKey(), count(layer.getValue(), 0));
                }
            }
            return new Contents(json, loss, counts);
        } catch (ImportException e) {
            throw e;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            // jHDF reports damaged files with unchecked exceptions (HdfException, BufferUnderflowException, ...).
            throw ImportException.unreadable(where, ImportMessages.format("h5.unreadable", describe(e)));
        }
    }

    /** A string attribute, refused before reading when it declares more than an architecture can need. */
    private static String text(Attribute attribute, String where) throws ImportException {
        long bytes = attribute.getSizeInBytes();
        if (bytes < 0 || bytes > KerasJson.MAX_CHARS) {
            throw ImportException.unreadable(where, ImportMessages.format("h5.attributeTooLarge",
                    attribute.getName(), bytes, KerasJson.MAX_CHARS));
        }
        Object data = attribute.getData();
        if (data instanceof String s) {
            return s;
        }
        if (data instanceof String[] a && a.length == 1) {
            return a[0];
        }
        if (data instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        throw ImportException.unreadable(where, ImportMessages.format("h5.attributeNotText", attribute.getName()));
    }

    /** Numbers held under a node: the element counts of its datasets (from their shapes; no data is read). */
    private static long count(Node node, int depth) {
        if (node instanceof Dataset d) {
            return d.getSize();
        }
        long total = 0;
        if (node instanceof Group g && depth < 16) {
            for (Node child : g.getChildren().values()) {
                total += count(child, depth + 1);
            }
        }
        return total;
    }

    private static String lossOf(String trainingConfig) {
        try {
            com.fasterxml.jackson.databind.JsonNode loss = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(trainingConfig).path("loss");
            return KerasOutputs.lossHint(loss);
        } catch (java.io.IOException | RuntimeException e) {
            return null; // the loss only refines a regression Output's loss; without it the import still works
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
