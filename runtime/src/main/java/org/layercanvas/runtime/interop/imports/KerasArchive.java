package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The weights of a Keras 3 {@code .keras} archive: a zip holding {@code config.json} (the architecture) and
 * {@code model.weights.h5}. That HDF5 file names neither the layers nor the weights: each layer's numbers are the
 * datasets {@code 0, 1, ...} under {@code layers/<saved name>/vars} (a recurrent layer's under {@code .../cell/vars}),
 * where the saved name is the layer's class in snake case, numbered from the second layer of the same class on
 * ({@code dense}, {@code dense_1}, ...), in the order of the architecture's layers. The kind of each dataset follows
 * from its position and the layer's class (a Dense's {@code 0} is its kernel, {@code 1} its bias); a Bidirectional
 * LSTM's two LSTMs are under {@code forward_layer/cell/vars} and {@code backward_layer/cell/vars}.
 */
final class KerasArchive {
    static final String CONFIGURATION = "config.json";
    static final String WEIGHTS = "model.weights.h5";
    /** Larger weight files are refused before they are read. */
    static final long MAX_WEIGHTS_BYTES = 1L << 30;

    private static final Map<String, List<String>> KINDS = Map.of(
            "Dense", List.of("kernel", "bias"),
            "Conv2D", List.of("kernel", "bias"),
            "Convolution2D", List.of("kernel", "bias"),
            "BatchNormalization", List.of("gamma", "beta", "moving_mean", "moving_variance"),
            "LayerNormalization", List.of("gamma", "beta"),
            "Embedding", List.of("embeddings"),
            "LSTM", List.of("kernel", "recurrent_kernel", "bias"),
            "SimpleRNN", List.of("kernel", "recurrent_kernel", "bias"));

    /** Where one layer's numbers are in the weights file, and what each one is. */
    record Slot(String layer, String path, List<String> kinds) {
    }

    private KerasArchive() {
    }

    /** Whether an open zip is a Keras 3 archive (rather than a DL4J model zip). */
    static boolean isArchive(ZipFile zip) {
        return zip.getEntry(CONFIGURATION) != null && zip.getEntry(Dl4jZipImporter.CONFIGURATION) == null;
    }

    /** The layers with numbers, in the architecture's order. */
    static List<Slot> slots(JsonNode architecture, String where) throws ImportException {
        JsonNode layers = architecture.path("config").path("layers");
        Map<String, Integer> used = new HashMap<>();
        List<Slot> slots = new ArrayList<>();
        for (JsonNode layer : layers) {
            String cls = layer.path("class_name").asText("");
            String name = layer.path("config").path("name").asText(layer.path("name").asText(""));
            String saved = snakeCase(cls);
            int seen = used.merge(saved, 1, Integer::sum) - 1;
            if (seen > 0) {
                saved = saved + "_" + seen;
            }
            if (cls.equals("Bidirectional")) {
                if (!layer.path("config").path("layer").path("class_name").asText("").equals("LSTM")) {
                    throw ImportException.unsupported(ImportMessages.format("where.layer", where, name),
                            ImportMessages.format("weights.archiveBidirectional"));
                }
                for (String side : List.of("forward", "backward")) {
                    slots.add(new Slot(name, "layers/" + saved + "/" + side + "_layer/cell/vars",
                            KINDS.get("LSTM").stream().map(k -> side + "/" + k).toList()));
                }
                continue;
            }
            List<String> kinds = KINDS.get(cls);
            if (kinds != null) {
                boolean cell = cls.equals("LSTM") || cls.equals("SimpleRNN");
                slots.add(new Slot(name, "layers/" + saved + (cell ? "/cell/vars" : "/vars"), kinds));
            }
        }
        return slots;
    }

    /** Keras's rule: {@code BatchNormalization} -> {@code batch_normalization}, {@code Conv2D} -> {@code conv2d}. */
    static String snakeCase(String className) {
        String n = className.replaceAll("\\W+", "");
        n = n.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return n.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The archive's architecture JSON. */
    static String configuration(ZipFile zip, String where) throws IOException, ImportException {
        return Dl4jZipImporter.text(zip, zip.getEntry(CONFIGURATION), where);
    }

    /** The weights file's bytes, or null when the archive holds none; refused when larger than the limit. */
    static byte[] weightsFile(ZipFile zip, String where) throws IOException, ImportException {
        ZipEntry entry = zip.getEntry(WEIGHTS);
        if (entry == null) {
            return null;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes((int) Math.min(MAX_WEIGHTS_BYTES + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > MAX_WEIGHTS_BYTES) {
                throw ImportException.unreadable(where, ImportMessages.format("weights.archiveTooLarge",
                        MAX_WEIGHTS_BYTES));
            }
            return bytes;
        }
    }

    /** How many numbers the file holds for each layer (from the datasets' shapes). */
    static Map<String, Long> counts(byte[] h5, List<Slot> slots, String where) throws ImportException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (HdfFile hdf = HdfFile.fromBytes(h5)) {
            for (Slot s : slots) {
                long total = 0;
                for (Dataset d : vars(hdf, s.path())) {
                    total += d.getSize();
                }
                counts.merge(s.layer(), total, Long::sum);
            }
            return counts;
        } catch (RuntimeException e) {
            throw ImportException.unreadable(where, ImportMessages.format("h5.unreadable", describe(e)));
        }
    }

    /** Layer name -> weight kind -> array (Keras's shape and layout), like {@link KerasWeights#read}. */
    static Map<String, Map<String, INDArray>> arrays(byte[] h5, List<Slot> slots, String where)
            throws ImportException {
        Map<String, Map<String, INDArray>> layers = new LinkedHashMap<>();
        try (HdfFile hdf = HdfFile.fromBytes(h5)) {
            for (Slot s : slots) {
                List<Dataset> vars = vars(hdf, s.path());
                Map<String, INDArray> arrays = layers.computeIfAbsent(s.layer(), k -> new LinkedHashMap<>());
                for (int i = 0; i < vars.size() && i < s.kinds().size(); i++) {
                    arrays.put(s.kinds().get(i), KerasWeights.array(vars.get(i)));
                }
            }
            return layers;
        } catch (RuntimeException e) {
            throw ImportException.unreadable(where, ImportMessages.format("h5.unreadable", describe(e)));
        }
    }

    /** The datasets {@code 0, 1, ...} of a {@code vars} group, in number order; none when the group is absent. */
    private static List<Dataset> vars(HdfFile hdf, String path) {
        Node node;
        try {
            node = hdf.getByPath(path);
        } catch (io.jhdf.exceptions.HdfInvalidPathException e) {
            return List.of(); // a layer Keras saved nothing for
        }
        List<Dataset> out = new ArrayList<>();
        if (node instanceof Group g) {
            for (int i = 0; g.getChildren().get(Integer.toString(i)) instanceof Dataset d; i++) {
                out.add(d);
            }
        }
        return out;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
