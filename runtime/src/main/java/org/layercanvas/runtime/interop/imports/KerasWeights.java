package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The weights of a Keras {@code .h5} model, layer by layer, in Keras's own layouts: {@code kernel}, {@code bias},
 * {@code recurrent_kernel}, {@code embeddings}, {@code gamma}, {@code beta}, {@code moving_mean},
 * {@code moving_variance}, keyed by the part of the weight name after the layer ({@code dense_1/kernel:0} ->
 * {@code kernel}). Read with jHDF, in the order of the layer's {@code weight_names} attribute.
 */
final class KerasWeights {
    private KerasWeights() {
    }

    /** Layer name -> weight kind -> array (C order, Keras shape). */
    static Map<String, Map<String, INDArray>> read(Path file, String where) throws ImportException {
        Map<String, Map<String, INDArray>> layers = new LinkedHashMap<>();
        try (HdfFile hdf = new HdfFile(file)) {
            Node root = hdf.getChild("model_weights");
            io.jhdf.api.Group weights = root instanceof io.jhdf.api.Group g ? g : hdf;
            for (Map.Entry<String, Node> layer : weights.getChildren().entrySet()) {
                Attribute names = layer.getValue().getAttribute("weight_names");
                Map<String, INDArray> arrays = new LinkedHashMap<>();
                if (names != null && names.getData() instanceof String[] list) {
                    for (String name : list) {
                        Dataset d = hdf.getDatasetByPath(weights.getPath() + layer.getKey() + "/" + name);
                        arrays.put(kind(name, layer.getKey()), array(d));
                    }
                }
                layers.put(layer.getKey(), arrays);
            }
            return layers;
        } catch (RuntimeException | OutOfMemoryError e) {
            throw ImportException.unreadable(where, ImportMessages.format("h5.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /**
     * The layers of the file's architecture ({@code model_config}) whose Keras weights would predict differently in
     * the compiled network, each with the reason: LSTM gates that are Keras 3's {@code hard_sigmoid} (relu6(x + 3) /
     * 6; Keras 2's, which the catalog's {@code hard_sigmoid} gates are, is max(0, min(1, 0.2x + 0.5))). A
     * Bidirectional counts under its own name. Empty when the file holds no architecture (a weights-only file cannot
     * tell). The Keras version is the file's {@code keras_version} attribute (Keras 2 and 3 both write it).
     */
    static Map<String, String> notLoadable(Path file, String where) throws ImportException {
        String config;
        String version;
        try (HdfFile hdf = new HdfFile(file)) {
            config = textAttribute(hdf, "model_config");
            version = textAttribute(hdf, "keras_version");
        } catch (RuntimeException e) {
            throw ImportException.unreadable(where, ImportMessages.format("h5.unreadable",
                    String.valueOf(e.getMessage())));
        }
        if (config == null) {
            return Map.of();
        }
        JsonNode root = KerasJson.parse(config, where).root();
        return notLoadable(root, keras3(version != null ? version : root.path("keras_version").asText("")));
    }

    private static String textAttribute(HdfFile hdf, String name) {
        Attribute a = hdf.getAttribute(name);
        Object data = a == null || a.getSizeInBytes() > KerasJson.MAX_CHARS ? null : a.getData();
        return data instanceof String text ? text : data instanceof String[] list && list.length == 1 ? list[0]
                : null;
    }

    /** Whether a {@code keras_version} is Keras 3 or later (an absent version is older Keras). */
    static boolean keras3(String version) {
        int dot = version.indexOf('.');
        String major = dot < 0 ? version : version.substring(0, dot);
        return major.matches("[0-9]{1,4}") && Integer.parseInt(major) >= 3;
    }

    /** @param keras3 whether the file was written by Keras 3 (a {@code .keras} archive always is) */
    static Map<String, String> notLoadable(JsonNode architecture, boolean keras3) {
        Map<String, String> reasons = new LinkedHashMap<>();
        collect(architecture, null, reasons, keras3, 0);
        return reasons;
    }

    private static void collect(JsonNode node, String owner, Map<String, String> reasons, boolean keras3,
                                int depth) {
        if (depth > 64 || node == null) {
            return;
        }
        String inner = owner;
        JsonNode config = node.path("config");
        if (node.isObject() && node.has("class_name") && config.isObject()) {
            String name = config.path("name").asText(node.path("name").asText(""));
            String me = owner != null ? owner : name;
            if (keras3 && "hard_sigmoid".equals(KerasConfig.activationName(config.get("recurrent_activation")))) {
                reasons.putIfAbsent(me, ImportMessages.format("weights.keras3HardSigmoid"));
            }
            boolean bidirectional = "Bidirectional".equals(node.path("class_name").asText());
            // the layer a Bidirectional wraps is loaded as part of it; a model's layers are layers of their own
            inner = bidirectional ? me : null;
        }
        for (JsonNode child : node) {
            collect(child, inner, reasons, keras3, depth + 1);
        }
    }

    /**
     * {@code lstm_1/kernel:0} -> {@code kernel}; Keras 3's {@code sequential/dense/kernel} -> {@code kernel}. Inside
     * a Bidirectional, the weights of its two layers ({@code bidirectional_1/forward_lstm_1/kernel:0},
     * {@code .../backward_lstm_1/lstm_cell/kernel}) are {@code forward/kernel} and {@code backward/kernel}; only
     * the parts after the layer's own name count, so a layer named {@code forward_...} is not mistaken for one.
     */
    static String kind(String weightName, String layer) {
        String n = weightName.endsWith(":0") ? weightName.substring(0, weightName.length() - 2) : weightName;
        String[] parts = n.split("/");
        String last = parts[parts.length - 1];
        int own = java.util.Arrays.asList(parts).lastIndexOf(layer);
        for (int i = own + 1; i < parts.length - 1; i++) {
            if (parts[i].startsWith("forward_")) {
                return "forward/" + last;
            }
            if (parts[i].startsWith("backward_")) {
                return "backward/" + last;
            }
        }
        return last;
    }

    static INDArray array(Dataset d) {
        Object flat = d.getDataFlat();
        long[] shape = java.util.Arrays.stream(d.getDimensions()).asLongStream().toArray();
        if (flat instanceof float[] f) {
            return Nd4j.create(f, shape, 'c');
        }
        if (flat instanceof double[] x) {
            return Nd4j.create(x, shape, 'c').castTo(DataType.FLOAT);
        }
        throw new IllegalStateException("weights of type " + d.getJavaType());
    }
}
