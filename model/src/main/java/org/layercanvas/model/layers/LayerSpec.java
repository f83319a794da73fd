package org.layercanvas.model.layers;

import java.util.List;
import java.util.Optional;

/** What the catalog knows about one layer type: its parameters and ports. */
public record LayerSpec(LayerType type, List<ParamDef> params, List<PortSpec> inputs, boolean hasOutput) {
    public LayerSpec {
        params = List.copyOf(params);
        inputs = List.copyOf(inputs);
    }

    public Optional<ParamDef> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<PortSpec> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
