package org.layercanvas.model.shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerSpec;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.layers.ParamDef;
import org.layercanvas.model.layers.PortSpec;

/**
 * The nodes and wires of a document as the analysis sees them: unique node ids with their resolved parameters,
 * the wires that connect existing ports, and a topological order. Reading the document reports what is wrong with
 * its structure: duplicate ids, bad parameters, wires to nothing, ports with the wrong number of wires, dead ends,
 * cycles (named by their loop).
 */
final class GraphStructure {
    private final LayerCatalog catalog;
    private final Problems problems;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Map<String, List<Edge>> incoming = new HashMap<>();
    private final Map<String, List<Edge>> outgoing = new HashMap<>();
    private final Map<String, Map<String, Object>> params = new HashMap<>();
    private final Set<String> badParams = new HashSet<>();
    private List<String> order = List.of();

    private GraphStructure(LayerCatalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /** Reads {@code doc}'s nodes and wires, reporting structural problems to {@code problems}. */
    static GraphStructure read(NetworkDocument doc, LayerCatalog catalog, Problems problems) {
        GraphStructure g = new GraphStructure(catalog, problems);
        g.collectNodes(doc);
        g.collectEdges(doc);
        g.order = g.topologicalOrder();
        return g;
    }

    /** The nodes in document order (the first of a duplicate id only). */
    Collection<Node> nodes() {
        return nodes.values();
    }

    Node node(String id) {
        return nodes.get(id);
    }

    /** The first node of {@code type} in document order. */
    Optional<Node> first(LayerType type) {
        return nodes.values().stream().filter(n -> n.type() == type).findFirst();
    }

    List<Node> all(LayerType type) {
        return nodes.values().stream().filter(n -> n.type() == type).toList();
    }

    List<Edge> incoming(String id) {
        return incoming.get(id);
    }

    /** Node {@code id}'s parameters with the catalog's defaults filled in. */
    Map<String, Object> params(String id) {
        return params.get(id);
    }

    /** Whether a parameter of node {@code id} is invalid (its shape is then not inferred). */
    boolean hasBadParams(String id) {
        return badParams.contains(id);
    }

    /** The nodes that take part in the flow, each after all nodes it reads from. */
    List<String> order() {
        return order;
    }

    /** Whether a path of wires leads from node {@code from} to node {@code to}. */
    boolean reaches(String from, String to) {
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(to)) {
                return true;
            }
            if (seen.add(id)) {
                outgoing.get(id).forEach(e -> todo.push(e.to().nodeId()));
            }
        }
        return false;
    }

    // ---- nodes -----------------------------------------------------------------------------------------------

    private void collectNodes(NetworkDocument doc) {
        for (Node n : doc.nodes()) {
            if (nodes.putIfAbsent(n.id(), n) != null) {
                problems.error(n, null, "node.duplicateId", n.id());
                continue;
            }
            incoming.put(n.id(), new ArrayList<>());
            outgoing.put(n.id(), new ArrayList<>());
            checkParams(n);
        }
    }

    private void checkParams(Node n) {
        LayerSpec spec = catalog.spec(n.type());
        for (String name : n.params().keySet()) {
            if (spec.param(name).isEmpty()) {
                problems.warning(n, null, n.id() + "." + name, "param.unknown", Problems.typeName(n), n.id(), name);
            }
        }
        Map<String, Object> resolved = catalog.resolve(n);
        for (ParamDef def : spec.params()) {
            Object value = resolved.get(def.name());
            Optional<String> problem = def.check(value);
            if (problem.isPresent()) {
                badParams.add(n.id());
                problems.errorAt(n, n.id() + "." + def.name(), problem.get(), Problems.typeName(n), n.id(),
                        def.name(), String.valueOf(value), def.rangeText());
            }
        }
        params.put(n.id(), resolved);
    }

    // ---- wires -----------------------------------------------------------------------------------------------

    private void collectEdges(NetworkDocument doc) {
        Set<Edge> seen = new HashSet<>();
        for (Edge e : doc.edges()) {
            if (accept(e, seen)) {
                incoming.get(e.to().nodeId()).add(e);
                outgoing.get(e.from().nodeId()).add(e);
            }
        }
        for (Node n : nodes.values()) {
            checkPorts(n);
        }
    }

    /** Whether wire {@code e} joins the graph; reports why not. */
    private boolean accept(Edge e, Set<Edge> seen) {
        Node from = nodes.get(e.from().nodeId());
        Node to = nodes.get(e.to().nodeId());
        String where = e.from() + "->" + e.to();
        if (from == null || to == null) {
            String missing = from == null ? e.from().nodeId() : e.to().nodeId();
            problems.add(new Diagnostic(Severity.ERROR, null, null, where, "edge.unknownNode",
                    List.of(where, missing), null));
            return false;
        }
        if (!catalog.spec(from.type()).hasOutput() || !PortSpec.OUT.equals(e.from().port())) {
            problems.error(from, e.from().port(), "edge.noSuchOutput", Problems.typeName(from), from.id(),
                    e.from().port());
            return false;
        }
        if (catalog.spec(to.type()).input(e.to().port()).isEmpty()) {
            problems.error(to, e.to().port(), "edge.noSuchInput", Problems.typeName(to), to.id(), e.to().port());
            return false;
        }
        if (!seen.add(e)) {
            problems.warning(to, e.to().port(), where, "edge.duplicate", from.id(), to.id());
            return false;
        }
        if (from.id().equals(to.id())) {
            problems.error(to, e.to().port(), "edge.selfLoop", Problems.typeName(to), to.id());
            return false;
        }
        return true;
    }

    private void checkPorts(Node n) {
        LayerSpec spec = catalog.spec(n.type());
        for (PortSpec port : spec.inputs()) {
            long wires = incoming.get(n.id()).stream().filter(e -> e.to().port().equals(port.name())).count();
            if (wires == 0) {
                problems.error(n, port.name(), "port.unconnected", Problems.typeName(n), n.id());
            } else if (!port.multiple() && wires > 1) {
                problems.error(n, port.name(), "port.tooManyWires", Problems.typeName(n), n.id(),
                        Long.toString(wires));
            } else if (port.multiple() && wires < 2) {
                problems.error(n, port.name(), "port.needsTwo", Problems.typeName(n), n.id());
            }
        }
        if (spec.hasOutput() && outgoing.get(n.id()).isEmpty() && n.type() != LayerType.INPUT
                && !incoming.get(n.id()).isEmpty()) {
            problems.warning(n, PortSpec.OUT, n.id(), "node.deadEnd", Problems.typeName(n), n.id());
        }
    }

    // ---- order and cycles ------------------------------------------------------------------------------------

    /** Kahn's algorithm; nodes left over sit on or behind a cycle and get a message naming the loop. */
    private List<String> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : nodes.keySet()) {
            indegree.put(id, incoming.get(id).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        for (String id : nodes.keySet()) {
            if (indegree.get(id) == 0) {
                ready.add(id);
            }
        }
        List<String> sorted = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            sorted.add(id);
            for (Edge e : outgoing.get(id)) {
                String next = e.to().nodeId();
                if (indegree.merge(next, -1, Integer::sum) == 0) {
                    ready.add(next);
                }
            }
        }
        if (sorted.size() < nodes.size()) {
            reportCycles(new HashSet<>(sorted));
        }
        return sorted;
    }

    private void reportCycles(Set<String> ordered) {
        Set<String> reported = new HashSet<>();
        for (String start : nodes.keySet()) {
            if (ordered.contains(start) || reported.contains(start)) {
                continue;
            }
            List<String> loop = findLoop(start, ordered);
            if (loop.isEmpty()) {
                continue;
            }
            String path = String.join(" \u2192 ", loop) + " \u2192 " + loop.get(0);
            for (String id : loop) {
                if (reported.add(id)) {
                    Node n = nodes.get(id);
                    problems.error(n, null, "graph.cycle", Problems.typeName(n), id, path);
                }
            }
        }
    }

    /** A loop through {@code start}, found by walking unordered successors; empty if start only follows one. */
    private List<String> findLoop(String start, Set<String> ordered) {
        Deque<String> path = new ArrayDeque<>();
        Set<String> onPath = new HashSet<>();
        Set<String> dead = new HashSet<>();
        return walk(start, start, ordered, path, onPath, dead) ? new ArrayList<>(path) : List.of();
    }

    private boolean walk(String current, String target, Set<String> ordered, Deque<String> path,
                         Set<String> onPath, Set<String> dead) {
        path.addLast(current);
        onPath.add(current);
        for (Edge e : outgoing.get(current)) {
            String next = e.to().nodeId();
            if (next.equals(target)) {
                return true;
            }
            if (!ordered.contains(next) && !onPath.contains(next) && !dead.contains(next)
                    && walk(next, target, ordered, path, onPath, dead)) {
                return true;
            }
        }
        path.removeLast();
        onPath.remove(current);
        dead.add(current);
        return false;
    }
}
