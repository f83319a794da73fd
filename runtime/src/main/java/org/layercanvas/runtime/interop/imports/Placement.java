package org.layercanvas.runtime.interop.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.layercanvas.model.Edge;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;

/**
 * Places imported nodes top to bottom: a node's row is the length of the longest path from an input to it, and
 * the nodes of a row sit side by side, centred, in the order they were read. The same spacing as the samples
 * (120 canvas units between rows), so an imported network looks like a drawn one; the app's ELK auto-layout can
 * tidy it further. Plain Java: the runtime does not depend on the editor's layout.
 */
final class Placement {
    static final double ROW = 120;
    static final double COLUMN = 220;

    private Placement() {
    }

    /** The nodes with positions; nodes in a cycle (which the validator reports) go below the rest. */
    static List<Node> place(List<Node> nodes, List<Edge> edges) {
        Map<String, Integer> depth = depths(nodes, edges);
        int deepest = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        Map<Integer, List<String>> rows = new LinkedHashMap<>();
        for (Node n : nodes) {
            rows.computeIfAbsent(depth.getOrDefault(n.id(), deepest + 1), k -> new ArrayList<>()).add(n.id());
        }
        List<Node> placed = new ArrayList<>();
        for (Node n : nodes) {
            int d = depth.getOrDefault(n.id(), deepest + 1);
            List<String> row = rows.get(d);
            double x = (row.indexOf(n.id()) - (row.size() - 1) / 2.0) * COLUMN;
            placed.add(n.withPosition(new Position(x, d * ROW)));
        }
        return placed;
    }

    /** Longest-path depth of every node not in a cycle, by Kahn's order (no recursion: deep chains are fine). */
    private static Map<String, Integer> depths(List<Node> nodes, List<Edge> edges) {
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        nodes.forEach(n -> waiting.put(n.id(), 0));
        for (Edge e : edges) {
            if (waiting.containsKey(e.to().nodeId()) && waiting.containsKey(e.from().nodeId())) {
                waiting.merge(e.to().nodeId(), 1, Integer::sum);
                children.computeIfAbsent(e.from().nodeId(), k -> new ArrayList<>()).add(e.to().nodeId());
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        java.util.ArrayDeque<String> ready = new java.util.ArrayDeque<>();
        for (Node n : nodes) {
            if (waiting.get(n.id()) == 0) {
                ready.add(n.id());
                depth.put(n.id(), 0);
            }
        }
        while (!ready.isEmpty()) {
            String id = ready.poll();
            for (String child : children.getOrDefault(id, List.of())) {
                depth.merge(child, depth.get(id) + 1, Math::max);
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    ready.add(child);
                }
            }
        }
        depth.keySet().retainAll(nodes.stream().filter(n -> waiting.get(n.id()) == 0).map(Node::id).toList());
        return depth;
    }
}
