package org.layercanvas.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.layercanvas.model.layers.LayerType;

/**
 * One layer on the canvas. Parameters hold only values the user set or the file named; a parameter that is
 * absent takes the catalog's default (see {@link org.layercanvas.model.layers.LayerCatalog#resolve}).
 * Values are Integer, Double, Boolean or String (for choices).
 */
public record Node(String id, LayerType type, Map<String, Object> params, Position position) {
    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params == null ? Map.of() : params));
        position = position == null ? Position.ORIGIN : position;
    }

    public Node withParam(String name, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new Node(id, type, copy, position);
    }

    public Node withPosition(Position newPosition) {
        return new Node(id, type, params, newPosition);
    }
}
