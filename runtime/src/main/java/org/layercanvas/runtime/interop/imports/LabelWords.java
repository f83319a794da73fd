package org.layercanvas.runtime.interop.imports;

import java.util.Map;
import java.util.Optional;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;

/**
 * The words after a label's layer name, one at a time: numbers fill the layer's main parameters in order
 * ({@code Dense 128}: units; {@code Conv2D 32 3}: filters then kernel), {@code 3x3} is a square size and
 * {@code 28x28x1} an image, activation and padding words fill their choice, a parameter name takes the next word as
 * its value, {@code name=value} sets any parameter.
 */
final class LabelWords {
    private final LayerType type;
    private final Map<String, Object> p;
    private int numbers;
    private boolean consumedNext;

    LabelWords(LayerType type, Map<String, Object> p) {
        this.type = type;
        this.p = p;
    }

    boolean consumedNext() {
        return consumedNext;
    }

    /** Takes one word ({@code next} is the word after it, or null); returns a problem text, or null. */
    String accept(String word, String next) {
        consumedNext = false;
        int eq = word.indexOf('=');
        if (eq > 0) {
            return set(word.substring(0, eq), word.substring(eq + 1));
        }
        if (word.matches("\\d+(x\\d+){1,2}")) {
            return dims(word.split("x"));
        }
        if (word.matches("[-+]?\\d+")) {
            return positional(Integer.parseInt(word), word);
        }
        if (word.matches("[-+]?\\d*\\.\\d+([eE][-+]?\\d+)?|[-+]?\\d+[eE][-+]?\\d+")) {
            return decimal(Double.parseDouble(word), word);
        }
        return keyword(word, next);
    }

    /** Checks what a layer cannot do without; returns a problem text, or null. */
    String finish() {
        if (type == LayerType.INPUT && !p.containsKey("kind")) {
            return ImportMessages.format("mermaid.inputShape");
        }
        return null;
    }

    private String keyword(String word, String next) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String act = LayerLabels.activation(lower);
        if (act != null && type == LayerType.OUTPUT) {
            p.put("loss", switch (act) {
                case "softmax" -> "softmax_ce";
                case "sigmoid" -> "sigmoid_bce";
                case "identity" -> "mse";
                default -> "?";
            });
            return "?".equals(p.get("loss")) ? ImportMessages.format("mermaid.outputActivation", word) : null;
        }
        if (act != null) {
            Optional<ParamDef> choice = LayerLabels.param(type, type == LayerType.ACTIVATION ? "function" : "activation");
            if (choice.isPresent()) {
                p.put(choice.get().name(), act);
                return null;
            }
        }
        if ((lower.equals("same") || lower.equals("valid")) && LayerLabels.param(type, "padding").isPresent()) {
            p.put("padding", lower);
            return null;
        }
        if (type == LayerType.INPUT && (lower.equals("tokens") || lower.equals("timeseries") || lower.equals("vector")
                || lower.equals("image"))) {
            p.put("kind", lower);
            return null;
        }
        if (type == LayerType.INPUT && lower.equals("vocab")) {
            return next == null ? ImportMessages.format("mermaid.valueMissing", word) : valueOf("vocabSize", next);
        }
        if (lower.equals("sequences") || lower.equals("returnsequences") || lower.equals("return_sequences")
                || lower.equals("bidirectional")) {
            String name = lower.equals("bidirectional") ? "bidirectional" : "returnSequences";
            return set(name, "true");
        }
        if (LayerLabels.param(type, lower).isPresent() && next != null) {
            return valueOf(lower, next);
        }
        if (LayerLabels.param(type, "loss").isPresent() && LayerLabels.param(type, "loss").get().choices()
                .contains(lower)) {
            p.put("loss", lower);
            return null;
        }
        return ImportMessages.format("mermaid.unknownWord", word, type.jsonName());
    }

    private String valueOf(String name, String text) {
        consumedNext = true;
        return set(name, text);
    }

    private String set(String name, String text) {
        Optional<ParamDef> def = LayerLabels.param(type, name);
        if (def.isEmpty()) {
            return ImportMessages.format("mermaid.unknownParam", name, type.jsonName());
        }
        Object v = LayerLabels.value(def.get(), text);
        if (v == null) {
            return ImportMessages.format("mermaid.badValue", text, def.get().name(), def.get().rangeText());
        }
        p.put(def.get().name(), v);
        return null;
    }

    private String dims(String[] parts) {
        int a = Integer.parseInt(parts[0]);
        if (type == LayerType.INPUT && parts.length == 3) {
            p.put("kind", "image");
            p.put("height", a);
            p.put("width", Integer.parseInt(parts[1]));
            p.put("channels", Integer.parseInt(parts[2]));
            return null;
        }
        if (parts.length == 2 && a == Integer.parseInt(parts[1])) {
            String name = type == LayerType.CONV2D ? "kernel" : "size";
            if (LayerLabels.param(type, name).isPresent()) {
                p.put(name, a);
                return null;
            }
        }
        return ImportMessages.format("mermaid.unknownWord", String.join("x", parts), type.jsonName());
    }

    private String positional(int value, String word) {
        numbers++;
        String name = switch (type) {
            case INPUT -> inputNumber();
            case DENSE, LSTM, SIMPLE_RNN, OUTPUT -> numbers == 1 ? "units" : null;
            case CONV2D -> numbers == 1 ? "filters" : numbers == 2 ? "kernel" : null;
            case MAX_POOL2D, AVG_POOL2D -> numbers == 1 ? "size" : numbers == 2 ? "stride" : null;
            case EMBEDDING -> numbers == 1 ? "dim" : null;
            case SELF_ATTENTION -> numbers == 1 ? "heads" : numbers == 2 ? "headSize" : null;
            default -> null;
        };
        if (type == LayerType.DROPOUT || type == LayerType.BATCH_NORM || type == LayerType.LAYER_NORM) {
            return decimal(value, word);
        }
        return name == null ? ImportMessages.format("mermaid.unknownWord", word, type.jsonName())
                : set(name, word);
    }

    private String inputNumber() {
        Object kind = p.get("kind");
        if (kind == null || "vector".equals(kind)) {
            p.put("kind", "vector");
            return numbers == 1 ? "size" : null;
        }
        if ("tokens".equals(kind)) {
            return numbers == 1 ? "length" : numbers == 2 ? "vocabSize" : null;
        }
        if ("timeseries".equals(kind)) {
            return numbers == 1 ? "length" : numbers == 2 ? "features" : null;
        }
        return null;
    }

    private String decimal(double value, String word) {
        String name = switch (type) {
            case DROPOUT -> "rate";
            case ACTIVATION -> "alpha";
            case BATCH_NORM -> "momentum";
            case LAYER_NORM -> "epsilon";
            default -> null;
        };
        if (name == null) {
            return ImportMessages.format("mermaid.unknownWord", word, type.jsonName());
        }
        p.put(name, value);
        return null;
    }
}
