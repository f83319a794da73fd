package org.layercanvas.model.shape;

import org.layercanvas.model.Edge;
import org.layercanvas.model.layers.LayerType;

/**
 * A repair the validator can offer: insert a layer on a wire, or set one or several parameters of a node. The editor applies it as
 * one undoable command; {@link Fixes#apply} computes the resulting document.
 */
public record Fix(Kind kind, Edge edge, LayerType layer, String nodeId, String param, Object value) {
    public enum Kind { INSERT_LAYER, SET_PARAM, SET_PARAMS }

    public static Fix insert(LayerType layer, Edge onEdge) {
        return new Fix(Kind.INSERT_LAYER, onEdge, layer, null, null, null);
    }

    public static Fix setParam(String nodeId, String param, Object value) {
        return new Fix(Kind.SET_PARAM, null, null, nodeId, param, value);
    }

    /** Sets several parameters of one node at once (e.g. an Input's kind and size); the value is the map. */
    public static Fix setParams(String nodeId, java.util.Map<String, Object> values) {
        return new Fix(Kind.SET_PARAMS, null, null, nodeId, null,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values)));
    }

    /** The parameters this fix sets, in order (empty for an insertion). */
    @SuppressWarnings("unchecked")
    public java.util.Map<String, Object> params() {
        return switch (kind) {
            case SET_PARAM -> java.util.Map.of(param, value);
            case SET_PARAMS -> (java.util.Map<String, Object>) value;
            case INSERT_LAYER -> java.util.Map.of();
        };
    }
}
