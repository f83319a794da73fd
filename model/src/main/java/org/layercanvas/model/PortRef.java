package org.layercanvas.model;

import java.util.Objects;

/** One port of one node: {@code nodeId.port}. */
public record PortRef(String nodeId, String port) {
    public PortRef {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return nodeId + "." + port;
    }
}
