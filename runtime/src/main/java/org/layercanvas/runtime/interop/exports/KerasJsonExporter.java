package org.layercanvas.runtime.interop.exports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.runtime.interop.exports.ExportGraph.Layer;

/**
 * The architecture as Keras 2's {@code model.to_json()} writes it for a functional model: class {@code Model}, an
 * {@code InputLayer} per input, every layer with its Keras class, configuration and {@code inbound_nodes}
 * ({@code [[[from, 0, 0, {}], ...]]}, in wire order), and the input and output layers. Layer names are the
 * document's node ids.
 */
public final class KerasJsonExporter {
    /** The Keras version written: late Keras 2, whose layer configurations (groups, LayerNormalization,
     * MultiHeadAttention, the leaky_relu activation) these are; the JSON layout is that of every Keras 2. */
    static final String KERAS_VERSION = "2.13.1";

    public String export(NetworkDocument doc) throws ExportException {
        ExportGraph graph = ExportGraph.of(doc);
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("class_name", "Model");
        ObjectNode config = root.putObject("config");
        config.put("name", modelName(doc));
        ArrayNode layers = config.putArray("layers");
        KerasLayers keras = new KerasLayers(graph);
        for (Layer l : graph.layers()) {
            if (l.hardSigmoidGates()) {
                throw new ExportException(l.id(), ExportMessages.format("keras.hardSigmoidJson"));
            }
            KerasLayers.Spec spec = keras.spec(l);
            ObjectNode o = layers.addObject();
            o.put("class_name", spec.className());
            o.set("config", spec.config());
            o.put("name", l.id());
            ArrayNode inbound = o.putArray("inbound_nodes");
            if (l.type() != LayerType.INPUT) {
                ArrayNode call = inbound.addArray();
                if (l.type() == LayerType.SELF_ATTENTION) {
                    // called as layer(x, x): query and value are the same tensor
                    ArrayNode q = call.addArray().add(l.inputs().get(0)).add(0).add(0);
                    q.addObject().putArray("value").add(l.inputs().get(0)).add(0).add(0);
                } else {
                    for (String from : l.inputs()) {
                        call.addArray().add(from).add(0).add(0).addObject();
                    }
                }
            }
        }
        config.putArray("input_layers").addArray().add(graph.input().id()).add(0).add(0);
        config.putArray("output_layers").addArray().add(graph.output().id()).add(0).add(0);
        root.put("keras_version", KERAS_VERSION);
        root.put("backend", "tensorflow");
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String modelName(NetworkDocument doc) {
        String slug = doc.metadata().title() == null ? "" : doc.metadata().title()
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("(^_|_$)", "");
        return slug.isEmpty() ? "model" : slug;
    }
}
