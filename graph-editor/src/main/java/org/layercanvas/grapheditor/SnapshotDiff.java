package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What changed between two snapshots, matched by id. Pure data: the editor turns it into added, removed and
 * updated views, so unchanged nodes and wires keep theirs.
 *
 * @param removedNodes ids of nodes only in the first snapshot
 * @param addedNodes   nodes only in the second, in its order
 * @param changedNodes nodes in both whose model differs (new model)
 * @param removedWires ids of wires only in the first snapshot
 * @param addedWires   wires only in the second, in its order
 * @param changedWires wires in both whose model differs (new model)
 * @param rewiredWires ids of changed wires whose ends moved to other ports
 */
record SnapshotDiff(Set<String> removedNodes, List<NodeModel> addedNodes, List<NodeModel> changedNodes,
        Set<String> removedWires, List<WireModel> addedWires, List<WireModel> changedWires, Set<String> rewiredWires) {

    static SnapshotDiff between(GraphSnapshot before, GraphSnapshot after) {
        Map<String, NodeModel> oldNodes = new LinkedHashMap<>();
        before.nodes().forEach(n -> oldNodes.put(n.id(), n));
        List<NodeModel> added = new ArrayList<>();
        List<NodeModel> changed = new ArrayList<>();
        for (NodeModel n : after.nodes()) {
            NodeModel old = oldNodes.remove(n.id());
            if (old == null) {
                added.add(n);
            } else if (!old.equals(n)) {
                changed.add(n);
            }
        }
        Map<String, WireModel> oldWires = new LinkedHashMap<>();
        before.wires().forEach(w -> oldWires.put(w.id(), w));
        List<WireModel> addedWires = new ArrayList<>();
        List<WireModel> changedWires = new ArrayList<>();
        Set<String> rewired = new LinkedHashSet<>();
        for (WireModel w : after.wires()) {
            WireModel old = oldWires.remove(w.id());
            if (old == null) {
                addedWires.add(w);
            } else if (!old.equals(w)) {
                changedWires.add(w);
                if (!old.from().equals(w.from()) || !old.to().equals(w.to())) {
                    rewired.add(w.id());
                }
            }
        }
        return new SnapshotDiff(Set.copyOf(oldNodes.keySet()), List.copyOf(added), List.copyOf(changed),
                Set.copyOf(oldWires.keySet()), List.copyOf(addedWires), List.copyOf(changedWires), Set.copyOf(rewired));
    }

    /** Whether wires came, went or moved to other ports: which wires touch a node must be worked out again. */
    boolean topologyChanged() {
        return !removedWires.isEmpty() || !addedWires.isEmpty() || !rewiredWires.isEmpty();
    }
}
