package org.layercanvas.runtime.interop.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.layers.ParamType;

/**
 * Reads a diagram label that names a layer, the way course documents write them: {@code Dense 128 relu},
 * {@code Conv2D 32 3x3 same relu}, {@code MaxPool 2}, {@code Dropout 0.5}, {@code Input 28x28x1},
 * {@code Input tokens 200 vocab 10000}, {@code LSTM 64 return_sequences}, {@code Output 10 softmax}. Any catalog
 * parameter can also be given as {@code name=value}. The first word names the layer (catalog names and the
 * usual Keras spellings); a bare activation name is an Activation layer.
 */
final class LayerLabels {
    /** A parsed label, or the reason it names no layer. */
    record Parsed(LayerType type, Map<String, Object> params, String error) {
    }

    private static final Map<String, LayerType> NAMES = names();

    private LayerLabels() {
    }

    static Parsed parse(String label) {
        List<String> words = List.of(label.replace("<br/>", " ").replace("<br>", " ").replaceAll("[,:;()\"]", " ")
                .trim().split("\\s+"));
        if (words.isEmpty() || words.get(0).isEmpty()) {
            return error("mermaid.emptyLabel");
        }
        String first = words.get(0).toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        LayerType type = NAMES.get(first);
        int from = 1;
        if (type == null && activation(first) != null) {
            type = LayerType.ACTIVATION;
            from = 0;
        }
        if (type == null) {
            return error("mermaid.unknownLayer", words.get(0));
        }
        Map<String, Object> p = new LinkedHashMap<>();
        LabelWords reader = new LabelWords(type, p);
        for (int k = from; k < words.size(); k++) {
            String problem = reader.accept(words.get(k), k + 1 < words.size() ? words.get(k + 1) : null);
            if (problem != null) {
                return new Parsed(null, null, problem);
            }
            k += reader.consumedNext() ? 1 : 0;
        }
        String missing = reader.finish();
        return missing == null ? new Parsed(type, p, null) : new Parsed(null, null, missing);
    }

    /** The catalog name of an activation word ({@code linear} is {@code identity}), or null. */
    static String activation(String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
        if (w.equals("linear") || w.equals("none")) {
            return "identity";
        }
        return LayerCatalog.ACTIVATIONS.contains(w) ? w : null;
    }

    /** The parameter {@code word} names on {@code type} ({@code return_sequences} is {@code returnSequences}). */
    static Optional<ParamDef> param(LayerType type, String word) {
        String w = word.toLowerCase(Locale.ROOT).replace("_", "");
        return LayerCatalog.standard().spec(type).params().stream()
                .filter(d -> d.name().toLowerCase(Locale.ROOT).equals(w)).findFirst();
    }

    /** A value for parameter {@code def} from text, or null when the text is not of its type. */
    static Object value(ParamDef def, String text) {
        try {
            return switch (def.type()) {
                case INT -> Integer.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case BOOLEAN -> text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case CHOICE -> def.choices().contains(text) ? text : null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isType(ParamDef def, ParamType type) {
        return def.type() == type;
    }

    private static Parsed error(String key, Object... args) {
        return new Parsed(null, null, ImportMessages.format(key, args));
    }

    private static Map<String, LayerType> names() {
        Map<String, LayerType> m = new LinkedHashMap<>();
        for (LayerType t : LayerType.values()) {
            m.put(t.jsonName().toLowerCase(Locale.ROOT), t);
        }
        m.put("inputlayer", LayerType.INPUT);
        m.put("fc", LayerType.DENSE);
        m.put("linear", LayerType.DENSE);
        m.put("conv", LayerType.CONV2D);
        m.put("convolution2d", LayerType.CONV2D);
        m.put("maxpool", LayerType.MAX_POOL2D);
        m.put("maxpooling2d", LayerType.MAX_POOL2D);
        m.put("avgpool", LayerType.AVG_POOL2D);
        m.put("averagepooling2d", LayerType.AVG_POOL2D);
        m.put("globalaveragepooling2d", LayerType.GLOBAL_AVG_POOL);
        m.put("globalaveragepooling1d", LayerType.GLOBAL_AVG_POOL);
        m.put("gap", LayerType.GLOBAL_AVG_POOL);
        m.put("batchnormalization", LayerType.BATCH_NORM);
        m.put("bn", LayerType.BATCH_NORM);
        m.put("layernormalization", LayerType.LAYER_NORM);
        m.put("rnn", LayerType.SIMPLE_RNN);
        m.put("attention", LayerType.SELF_ATTENTION);
        m.put("concat", LayerType.CONCATENATE);
        return Map.copyOf(m);
    }
}
