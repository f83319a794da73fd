package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the structure of a Keras 2 (and tf.keras / Keras 3) architecture: {@code Sequential} with its layers as
 * a bare list or under {@code "layers"}, and functional {@code Model}/{@code Functional} graphs with
 * {@code inbound_nodes} in the Keras 2 list form or the Keras 3 {@code keras_history} form. Keras 1 files are
 * refused here, with the reason.
 */
final class KerasModelReader {
    private static final Set<String> KERAS1_CLASSES = Set.of("Convolution1D", "Convolution2D", "Merge",
            "AtrousConvolution2D", "MaxoutDense", "Highway");
    private static final Set<String> KERAS1_FIELDS = Set.of("output_dim", "nb_filter", "border_mode", "init",
            "W_regularizer", "inner_activation");

    private final String where;

    KerasModelReader(String where) {
        this.where = where;
    }

    KerasModel read(JsonNode root) throws ImportException {
        if (root.isArray()) {
            return sequential("", "", root, null);
        }
        if (!root.isObject()) {
            throw unreadable("keras.notModel", kind(root));
        }
        String version = root.path("keras_version").asText("");
        String className = root.path("class_name").asText("");
        JsonNode config = root.path("config");
        if (version.startsWith("1.")) {
            throw ImportException.unsupported(where, ImportMessages.format("keras.version1", version));
        }
        KerasModel model = switch (className) {
            case "Sequential" -> sequential(config.path("name").asText(""), version,
                    config.isArray() ? config : config.path("layers"), builtShape(root));
            case "Model", "Functional" -> functional(config, version);
            default -> throw className.isEmpty() ? unreadable("keras.noClassName")
                    : unreadable("keras.notModelClass", className);
        };
        if (version.isEmpty() && looksLikeKeras1(model)) {
            throw ImportException.unsupported(where, ImportMessages.format("keras.version1", "1.x"));
        }
        return model;
    }

    /**
     * The input shape a Sequential model was built with when no layer declares one: tf.keras 2 writes
     * {@code "build_input_shape": [null, 224, 224, 3]} beside the layers of a model built by {@code fit} or
     * {@code build}, Keras 3 {@code "build_config": {"input_shape": [...]}} beside the config. Null when absent or not
     * one flat shape (a model built on several inputs).
     */
    private static JsonNode builtShape(JsonNode root) {
        for (JsonNode shape : List.of(root.path("config").path("build_input_shape"),
                root.path("build_config").path("input_shape"))) {
            boolean flat = shape.isArray() && shape.size() >= 2;
            for (JsonNode d : shape) {
                flat &= d.isNull() || d.isIntegralNumber();
            }
            if (flat) {
                return shape;
            }
        }
        return null;
    }

    private KerasModel sequential(String name, String version, JsonNode layers, JsonNode builtShape)
            throws ImportException {
        if (!layers.isArray() || layers.isEmpty()) {
            throw unreadable("keras.noLayers");
        }
        List<KerasModel.Layer> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : layers) {
            String cls = entry.path("class_name").asText("");
            JsonNode config = entry.path("config");
            String layerName = config.path("name").asText(entry.path("name").asText(""));
            if (layerName.isEmpty()) {
                layerName = cls.toLowerCase(java.util.Locale.ROOT) + "_" + (out.size() + 1);
            }
            names.add(layerName);
            if (out.isEmpty() && !"InputLayer".equals(cls)) {
                out.add(syntheticInput(config, builtShape, names));
            }
            List<String> inbound = out.isEmpty() ? List.of() : List.of(out.get(out.size() - 1).name());
            out.add(new KerasModel.Layer(layerName, cls, config, inbound));
        }
        KerasModel.Layer first = out.get(0);
        return new KerasModel(name, version, out, List.of(first.name()), List.of(out.get(out.size() - 1).name()));
    }

    /**
     * A Sequential model without an InputLayer declares its input on the first layer, or else on the model as the
     * shape it was built with.
     */
    private KerasModel.Layer syntheticInput(JsonNode firstConfig, JsonNode builtShape, Set<String> names)
            throws ImportException {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        JsonNode shape = firstConfig.has("batch_input_shape") ? firstConfig.get("batch_input_shape")
                : firstConfig.get("batch_shape");
        if (shape != null) {
            config.set("batch_input_shape", shape);
        } else if (firstConfig.has("input_shape")) {
            config.set("batch_input_shape", JsonNodeFactory.instance.arrayNode().addNull()
                    .addAll((com.fasterxml.jackson.databind.node.ArrayNode) firstConfig.get("input_shape")));
        } else if (firstConfig.has("input_dim")) {
            config.set("batch_input_shape", JsonNodeFactory.instance.arrayNode().addNull()
                    .add(firstConfig.get("input_dim")));
        } else if (builtShape != null) {
            config.set("batch_input_shape", builtShape);
        } else {
            throw ImportException.unsupported(where, ImportMessages.format("keras.noInputShape",
                    firstConfig.path("name").asText("?")));
        }
        String name = "input";
        for (int k = 1; names.contains(name); k++) {
            name = "input_" + k;
        }
        names.add(name);
        return new KerasModel.Layer(name, "InputLayer", config, List.of());
    }

    private KerasModel functional(JsonNode config, String version) throws ImportException {
        JsonNode layers = config.path("layers");
        if (!layers.isArray() || layers.isEmpty()) {
            throw unreadable("keras.noLayers");
        }
        List<KerasModel.Layer> out = new ArrayList<>();
        List<ImportProblem> shared = new ArrayList<>();
        for (JsonNode entry : layers) {
            String cls = entry.path("class_name").asText("");
            JsonNode layerConfig = entry.path("config");
            String name = entry.path("name").asText(layerConfig.path("name").asText(""));
            JsonNode nodes = entry.path("inbound_nodes");
            if (nodes.size() > 1) {
                shared.add(new ImportProblem(layerWhere(name), ImportMessages.format("keras.sharedLayer",
                        nodes.size())));
            }
            List<String> inbound = new ArrayList<>();
            if (nodes.size() > 0) {
                collectInbound(nodes.get(0), inbound);
            }
            out.add(new KerasModel.Layer(name, cls, layerConfig, inbound));
        }
        if (!shared.isEmpty()) {
            throw new ImportException(false, shared);
        }
        return new KerasModel(config.path("name").asText(""), version, out, endpoints(config.path("input_layers")),
                endpoints(config.path("output_layers")));
    }

    /** Keras 2: {@code [["dense_1", 0, 0, {}], ...]}; Keras 3: {@code {"args": [{... "keras_history": [...]}]}}. */
    private static void collectInbound(JsonNode node, List<String> into) {
        if (node.isArray() && node.size() >= 3 && node.get(0).isTextual() && node.get(1).isNumber()) {
            into.add(node.get(0).textValue());
            return;
        }
        if (node.isObject() && node.has("keras_history")) {
            into.add(node.get("keras_history").path(0).asText());
            return;
        }
        if (node.isObject() && node.has("kwargs") && !node.has("args")) {
            return;
        }
        if (node.isObject() && node.has("args")) {
            collectInbound(node.get("args"), into);
            // Keras 3 passes a recurrent layer's initial_state as a keyword; read like Keras 2's extra inbound
            // tensors, so that it is refused by name and not dropped
            JsonNode state = node.path("kwargs").path("initial_state");
            if (!state.isMissingNode() && !state.isNull()) {
                collectInbound(state, into);
            }
            return;
        }
        for (JsonNode child : node) {
            collectInbound(child, into);
        }
    }

    /** {@code [["in_a", 0, 0], ["in_b", 0, 0]]} or a single {@code ["in", 0, 0]}. */
    private static List<String> endpoints(JsonNode list) {
        List<String> names = new ArrayList<>();
        if (list.isArray() && list.size() > 0 && list.get(0).isTextual()) {
            names.add(list.get(0).textValue());
            return names;
        }
        for (JsonNode e : list) {
            names.add(e.path(0).asText());
        }
        return names;
    }

    private static boolean looksLikeKeras1(KerasModel model) {
        for (KerasModel.Layer l : model.layers()) {
            if (KERAS1_CLASSES.contains(l.className())) {
                return true;
            }
            // an Embedding keeps Keras 1's output_dim in Keras 2 and 3, with embeddings_initializer instead of init
            boolean modern = l.config().has("units") || l.config().has("filters") || l.config().has("rate")
                    || l.config().has("embeddings_initializer");
            if (!modern && KERAS1_FIELDS.stream().anyMatch(l.config()::has)) {
                return true;
            }
        }
        return false;
    }

    String layerWhere(String name) {
        return ImportMessages.format("where.layer", where, name);
    }

    private ImportException unreadable(String key, Object... args) {
        return ImportException.unreadable(where, ImportMessages.format(key, args));
    }

    static String kind(JsonNode n) {
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
