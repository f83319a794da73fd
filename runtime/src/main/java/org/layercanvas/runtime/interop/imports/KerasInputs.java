package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;

/**
 * The Input node of a Keras {@code InputLayer}: its kind follows from the shape without the batch axis and from
 * the layers that read it. {@code [n]} read by an Embedding is tokens (vocabulary from the Embedding), otherwise a
 * vector; {@code [h, w, c]} is a channels-last image; {@code [t, f]} is a time series, except when only Flatten
 * layers read it (the course books' {@code Flatten(input_shape=(28, 28))}): then a one-channel image, which is
 * what the MNIST dataset feeds. An open sequence length takes the catalog's default, with a warning.
 */
final class KerasInputs {
    private final KerasModel model;
    private final Map<String, KerasLayers.Mapped> mapped;
    private final Function<String, String> whereOf;
    private final List<ImportProblem> errors;
    private final List<ImportProblem> warnings;

    KerasInputs(KerasModel model, Map<String, KerasLayers.Mapped> mapped, Function<String, String> whereOf,
                List<ImportProblem> errors, List<ImportProblem> warnings) {
        this.model = model;
        this.mapped = mapped;
        this.whereOf = whereOf;
        this.errors = errors;
        this.warnings = warnings;
        checkEmbeddingsReadInputs();
    }

    Map<String, Object> params(KerasModel.Layer input) {
        String at = whereOf.apply(input.name());
        List<Integer> dims = dims(input.config());
        Map<String, Object> p = new LinkedHashMap<>();
        List<KerasLayers.Mapped> readers = model.consumers(input.name()).stream()
                .map(l -> mapped.get(l.name())).filter(java.util.Objects::nonNull).toList();
        boolean embedded = readers.stream().anyMatch(m -> m.type() == LayerType.EMBEDDING);
        if (dims == null) {
            errors.add(new ImportProblem(at, ImportMessages.format("keras.inputShapeMissing")));
        } else if (embedded) {
            tokens(at, dims, readers, p);
        } else if (dims.size() == 1 && dims.get(0) != null) {
            p.put("kind", "vector");
            p.put("size", dims.get(0));
        } else if (dims.size() == 2 && dims.get(1) != null) {
            boolean flattened = !readers.isEmpty() && readers.stream().allMatch(m -> m.type() == LayerType.FLATTEN);
            if (flattened && dims.get(0) != null) {
                image(p, dims.get(0), dims.get(1), 1);
            } else {
                p.put("kind", "timeseries");
                p.put("length", length(at, dims.get(0)));
                p.put("features", dims.get(1));
            }
        } else if (dims.size() == 3 && !dims.contains(null)) {
            image(p, dims.get(0), dims.get(1), dims.get(2));
        } else {
            errors.add(new ImportProblem(at, ImportMessages.format("keras.inputShape", dims.toString())));
        }
        return p;
    }

    private void tokens(String at, List<Integer> dims, List<KerasLayers.Mapped> readers, Map<String, Object> p) {
        if (readers.stream().anyMatch(m -> m.type() != LayerType.EMBEDDING) || dims.size() > 1) {
            errors.add(new ImportProblem(at, ImportMessages.format("keras.tokensOnlyEmbedding", dims.toString())));
            return;
        }
        Integer length = dims.isEmpty() ? null : dims.get(0);
        int vocabulary = 2;
        for (KerasLayers.Mapped m : readers) {
            length = length == null ? m.length() : length;
            if (vocabulary != 2 && m.vocabulary() != vocabulary) {
                errors.add(new ImportProblem(at, ImportMessages.format("keras.vocabularies", vocabulary,
                        m.vocabulary())));
            }
            vocabulary = m.vocabulary();
        }
        p.put("kind", "tokens");
        p.put("length", length(at, length));
        p.put("vocabSize", vocabulary);
    }

    private int length(String at, Integer length) {
        if (length != null && length > 0) {
            return length;
        }
        int fallback = (Integer) LayerCatalog.standard().spec(LayerType.INPUT).param("length").orElseThrow()
                .defaultValue();
        warnings.add(new ImportProblem(at, ImportMessages.format("warning.openLength", fallback)));
        return fallback;
    }

    private static void image(Map<String, Object> p, int h, int w, int c) {
        p.put("kind", "image");
        p.put("height", h);
        p.put("width", w);
        p.put("channels", c);
    }

    /** The catalog's Embedding reads token ids, which only an Input gives. */
    private void checkEmbeddingsReadInputs() {
        for (KerasModel.Layer l : model.layers()) {
            KerasLayers.Mapped m = mapped.get(l.name());
            if (m != null && m.type() == LayerType.EMBEDDING && l.inbound().size() == 1) {
                KerasModel.Layer from = model.layer(l.inbound().get(0));
                if (from != null && !from.className().equals("InputLayer")) {
                    errors.add(new ImportProblem(whereOf.apply(l.name()),
                            ImportMessages.format("keras.embeddingNotFirst", from.name())));
                }
            }
        }
    }

    /** The shape without the batch axis; null entries are open sizes; null when the layer declares none. */
    static List<Integer> dims(JsonNode config) {
        JsonNode shape = config.has("batch_input_shape") ? config.get("batch_input_shape") : config.get("batch_shape");
        if (shape == null || !shape.isArray() || shape.isEmpty()) {
            return null;
        }
        List<Integer> dims = new ArrayList<>();
        for (int k = 1; k < shape.size(); k++) {
            JsonNode d = shape.get(k);
            dims.add(d.canConvertToInt() && d.asInt() > 0 ? d.asInt() : null);
        }
        return dims;
    }
}
