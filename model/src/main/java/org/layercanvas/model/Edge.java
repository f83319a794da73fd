package org.layercanvas.model;

import java.util.Objects;

/** A wire from an output port to an input port. Tensors flow from {@code from} to {@code to}. */
public record Edge(PortRef from, PortRef to) {
    public Edge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static Edge of(String fromNode, String toNode) {
        return new Edge(new PortRef(fromNode, "out"), new PortRef(toNode, "in"));
    }
}
