package org.layercanvas.runtime.interop.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.layercanvas.model.layers.LayerType;

/**
 * Turns each model output into the catalog's Output layer (a dense layer with its loss): a Dense with softmax,
 * sigmoid or no activation, or a Dense without activation followed by an Activation softmax/sigmoid (the two
 * become one Output named after the Dense). Any other output cannot be expressed and is an error.
 */
final class KerasOutputs {
    private final KerasModel model;
    private final Map<String, KerasLayers.Mapped> mapped;
    private final String lossHint;
    private final Function<String, String> whereOf;
    private final List<ImportProblem> errors;
    private final List<ImportProblem> warnings;

    KerasOutputs(KerasModel model, Map<String, KerasLayers.Mapped> mapped, String lossHint,
                 Function<String, String> whereOf, List<ImportProblem> errors, List<ImportProblem> warnings) {
        this.model = model;
        this.mapped = mapped;
        this.lossHint = lossHint;
        this.whereOf = whereOf;
        this.errors = errors;
        this.warnings = warnings;
    }

    /**
     * The loss a Keras file was compiled with, as one word: {@code "binary_crossentropy"} as written, or from a loss
     * object ({@code {"class_name": "BinaryCrossentropy", "config": {"from_logits": true}}}, what
     * {@code loss=keras.losses.BinaryCrossentropy(from_logits=True)} saves) the same word with {@code "+logits"} when
     * it reads logits. Null when absent or one loss per output.
     */
    static String lossHint(com.fasterxml.jackson.databind.JsonNode loss) {
        if (loss.isTextual()) {
            return loss.textValue();
        }
        if (!loss.isObject() || !loss.path("class_name").isTextual()) {
            return null;
        }
        if (loss.path("class_name").textValue().equals("function") && loss.path("config").isTextual()) {
            return loss.path("config").textValue(); // Keras 3's form of loss="binary_crossentropy"
        }
        String word = loss.path("class_name").textValue().replaceAll("([a-z])([A-Z])", "$1_$2")
                .toLowerCase(java.util.Locale.ROOT).replace("crossentropy", "_crossentropy")
                .replace("__", "_");
        return loss.path("config").path("from_logits").asBoolean(false) ? word + "+logits" : word;
    }

    /** Replaces the outputs' mappings by Output layers; returns output layer name -> the node that represents it. */
    Map<String, String> fold() {
        Map<String, String> kept = new LinkedHashMap<>();
        for (String name : model.outputs()) {
            KerasModel.Layer layer = model.layer(name);
            KerasLayers.Mapped m = mapped.get(name);
            if (layer == null || m == null) {
                errors.add(new ImportProblem(whereOf.apply(name), ImportMessages.format("keras.outputNotDense",
                        layer == null ? "?" : layer.className())));
                continue;
            }
            if (!model.consumers(name).isEmpty()) {
                errors.add(new ImportProblem(whereOf.apply(name), ImportMessages.format("keras.outputConsumed")));
                continue;
            }
            String dense = denseBehind(layer, m);
            if (dense == null) {
                continue;
            }
            KerasLayers.Mapped d = mapped.get(dense);
            String activation = m.type() == LayerType.ACTIVATION ? (String) m.params().get("function")
                    : (String) d.params().get("activation");
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("units", d.params().get("units"));
            p.put("loss", loss(activation));
            String fromLogits = "identity".equals(activation) ? logitsActivation() : null;
            if (fromLogits != null) {
                // Keras trains these logits through a softmax or sigmoid inside the loss: so does the Output
                p.put("loss", fromLogits.equals("softmax") ? "softmax_ce" : "sigmoid_bce");
                warnings.add(new ImportProblem(whereOf.apply(dense), ImportMessages.format("keras.fromLogits",
                        fromLogits)));
            }
            mapped.put(dense, new KerasLayers.Mapped(LayerType.OUTPUT, p, null, null));
            kept.put(name, dense);
        }
        return kept;
    }

    /** The Dense that becomes the Output for output layer {@code layer}, or null after reporting why none can. */
    private String denseBehind(KerasModel.Layer layer, KerasLayers.Mapped m) {
        String at = whereOf.apply(layer.name());
        if (m.type() == LayerType.DENSE) {
            String act = (String) m.params().get("activation");
            if (!List.of("softmax", "sigmoid", "identity").contains(act)) {
                errors.add(new ImportProblem(at, ImportMessages.format("keras.outputActivation",
                        KerasImporter.activationOf(layer.config()))));
                return null;
            }
            return withBias(layer.name(), m) ? layer.name() : null;
        }
        if (m.type() == LayerType.ACTIVATION && List.of("softmax", "sigmoid").contains(m.params().get("function"))
                && layer.inbound().size() == 1) {
            String in = layer.inbound().get(0);
            KerasLayers.Mapped d = mapped.get(in);
            if (d != null && d.type() == LayerType.DENSE && "identity".equals(d.params().get("activation"))
                    && model.consumers(in).size() == 1 && !model.outputs().contains(in)) {
                return withBias(in, d) ? in : null;
            }
        }
        errors.add(new ImportProblem(at, ImportMessages.format("keras.outputNotDense", layer.className())));
        return null;
    }

    private boolean withBias(String name, KerasLayers.Mapped dense) {
        if (Boolean.FALSE.equals(dense.params().get("useBias"))) {
            errors.add(new ImportProblem(whereOf.apply(name), ImportMessages.format("keras.outputNoBias")));
            return false;
        }
        return true;
    }

    /** softmax or sigmoid when the file's loss reads logits (from_logits = true), else null. */
    private String logitsActivation() {
        if (lossHint == null || !lossHint.endsWith("+logits")) {
            return null;
        }
        return lossHint.startsWith("binary_") ? "sigmoid"
                : lossHint.startsWith("categorical_") || lossHint.startsWith("sparse_categorical_") ? "softmax" : null;
    }

    private String loss(String activation) {
        return switch (activation) {
            case "softmax" -> "softmax_ce";
            case "sigmoid" -> "sigmoid_bce";
            default -> lossHint != null && (lossHint.equals("mae") || lossHint.equals("mean_absolute_error"))
                    ? "mae" : "mse";
        };
    }
}
