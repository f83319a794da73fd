package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Reads the values of one Keras layer's {@code config} and says, as message texts, what the catalog cannot
 * express. Problems are collected, not thrown, so that one import reports every layer that does not fit.
 */
final class KerasConfig {
    /** Keras activation names the catalog has, and its name for each. */
    private static final Map<String, String> ACTIVATIONS = Map.of("relu", "relu", "sigmoid", "sigmoid",
            "tanh", "tanh", "softmax", "softmax", "linear", "identity", "elu", "elu", "gelu", "gelu");

    private final JsonNode config;
    private final List<String> reasons;

    /** @param reasons where the texts of what does not fit go */
    KerasConfig(JsonNode config, List<String> reasons) {
        this.config = config;
        this.reasons = reasons;
    }

    JsonNode raw() {
        return config;
    }

    boolean has(String field) {
        JsonNode n = config.get(field);
        return n != null && !n.isNull();
    }

    int integer(String field, int fallback) {
        JsonNode n = config.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (!n.canConvertToInt()) {
            reasons.add(ImportMessages.format("option.notWhole", field, n.toString()));
            return fallback;
        }
        return n.asInt();
    }

    double number(String field, double fallback) {
        JsonNode n = config.get(field);
        return n == null || !n.isNumber() ? fallback : n.asDouble();
    }

    boolean flag(String field, boolean fallback) {
        JsonNode n = config.get(field);
        return n == null || !n.isBoolean() ? fallback : n.asBoolean();
    }

    String text(String field, String fallback) {
        JsonNode n = config.get(field);
        return n == null || n.isNull() ? fallback : n.asText();
    }

    /** A flag that must have the value the catalog implies. */
    void require(String field, boolean expected, boolean fallback) {
        if (flag(field, fallback) != expected) {
            reasons.add(ImportMessages.format("option.unsupported", field, Boolean.toString(!expected)));
        }
    }

    /** A size given as {@code 3} or {@code [3, 3]}: the catalog's layers are square. */
    int square(String field, int fallback) {
        JsonNode n = config.get(field);
        if (n == null || n.isNull()) {
            return fallback;
        }
        if (n.canConvertToInt()) {
            return n.asInt();
        }
        if (n.isArray() && n.size() >= 1 && n.get(0).canConvertToInt()) {
            int first = n.get(0).asInt();
            for (JsonNode e : n) {
                if (!e.canConvertToInt() || e.asInt() != first) {
                    reasons.add(ImportMessages.format("option.notSquare", field, n.toString()));
                    return first;
                }
            }
            return first;
        }
        reasons.add(ImportMessages.format("option.notWhole", field, n.toString()));
        return fallback;
    }

    /** The catalog name of the activation in {@code field} (Keras default {@code linear}), or null with a reason. */
    String activation(String field) {
        String keras = activationName(config.get(field));
        String ours = ACTIVATIONS.get(keras);
        if (ours == null) {
            reasons.add(ImportMessages.format("option.activation", keras, field));
        }
        return ours;
    }

    /** The name of a Keras activation: a string, or a Keras 3 object naming it. */
    static String activationName(JsonNode n) {
        if (n == null || n.isNull()) {
            return "linear";
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        JsonNode inner = n.get("config");
        if (inner != null && inner.isTextual()) {
            return inner.textValue();
        }
        return n.path("class_name").asText("?");
    }

    /** {@code channels_last} (or unset) is what the catalog's images are. */
    void channelsLast() {
        String format = text("data_format", "channels_last");
        if (!"channels_last".equals(format)) {
            reasons.add(ImportMessages.format("option.channelsFirst", format));
        }
    }

    /** An axis option that must be the last axis ({@code -1}, or the index a channels-last tensor gives it). */
    void lastAxis(String field) {
        JsonNode n = config.get(field);
        JsonNode axis = n != null && n.isArray() && n.size() == 1 ? n.get(0) : n;
        if (axis == null || axis.isNull()) {
            return;
        }
        if (!axis.canConvertToInt() || (axis.asInt() != -1 && axis.asInt() < 1)) {
            reasons.add(ImportMessages.format("option.axis", field, n.toString()));
        }
    }

    void reason(String key, Object... args) {
        reasons.add(ImportMessages.format(key, args));
    }
}
