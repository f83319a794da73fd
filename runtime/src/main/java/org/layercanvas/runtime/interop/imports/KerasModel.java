package org.layercanvas.runtime.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Keras architecture as its JSON describes it, before any mapping to the catalog: layers in file order, each
 * with the names of the layers whose outputs it reads; the model's input and output layers.
 */
record KerasModel(String name, String kerasVersion, List<Layer> layers, List<String> inputs, List<String> outputs) {
    KerasModel {
        layers = List.copyOf(layers);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** One Keras layer: its name, Keras class, {@code config} object and inbound layer names in order. */
    record Layer(String name, String className, JsonNode config, List<String> inbound) {
        Layer {
            inbound = List.copyOf(inbound);
        }
    }

    Layer layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
    }

    /** The layers that read {@code name}'s output. */
    List<Layer> consumers(String name) {
        return layers.stream().filter(l -> l.inbound().contains(name)).toList();
    }
}
