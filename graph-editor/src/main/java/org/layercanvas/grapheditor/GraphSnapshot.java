package org.layercanvas.grapheditor;

import java.util.List;

/** Everything the editor shows, at one moment. The editor diffs consecutive snapshots by id. */
public record GraphSnapshot(List<NodeModel> nodes, List<WireModel> wires) {
    public static final GraphSnapshot EMPTY = new GraphSnapshot(List.of(), List.of());

    public GraphSnapshot {
        nodes = List.copyOf(nodes);
        wires = List.copyOf(wires);
    }
}
