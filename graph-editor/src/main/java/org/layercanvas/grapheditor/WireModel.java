package org.layercanvas.grapheditor;

import java.util.Objects;

/**
 * A wire from an output port to an input port.
 *
 * @param id    stable id
 * @param from  the output port it starts at
 * @param to    the input port it ends at
 * @param label text shown on the wire (e.g. a tensor shape), may be empty
 * @param state normal, warning or error (pseudo-classes as for nodes)
 */
public record WireModel(String id, PortKey from, PortKey to, String label, NodeState state) {
    public WireModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        label = label == null ? "" : label;
        state = state == null ? NodeState.NORMAL : state;
    }
}
