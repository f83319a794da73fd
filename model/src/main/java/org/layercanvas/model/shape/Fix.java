package org.layercanvas.model.shape;

import org.layercanvas.model.Edge;
import org.layercanvas.model.layers.LayerType;

/**
 * A repair the validator can offer: insert a layer on a wire, or set a parameter. The editor applies it as
 * one undoable command; {@link Fixes#apply} computes the resulting document.
 */
public record Fix(Kind kind, Edge edge, LayerType layer, String nodeId, String param, Object value) {
    public enum Kind { INSERT_LAYER, SET_PARAM }

    public static Fix insert(LayerType layer, Edge onEdge) {
        return new Fix(Kind.INSERT_LAYER, onEdge, layer, null, null, null);
    }

    public static Fix setParam(String nodeId, String param, Object value) {
        return new Fix(Kind.SET_PARAM, null, null, nodeId, param, value);
    }
}
