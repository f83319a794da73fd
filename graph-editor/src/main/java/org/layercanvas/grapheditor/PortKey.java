package org.layercanvas.grapheditor;

import java.util.Objects;

/** One port of one node, as the editor names it. */
public record PortKey(String nodeId, String port) {
    public PortKey {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(port, "port");
    }
}
