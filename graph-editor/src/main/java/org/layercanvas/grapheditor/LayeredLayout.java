package org.layercanvas.grapheditor;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkConnectableShape;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Top-to-bottom layered ("Sugiyama") layout of a graph with Eclipse ELK: sources at the top, each wire pointing
 * down, few crossings, the given node order kept within a layer where possible. Ports are placed where the editor
 * draws them (spread evenly along the top and bottom edges), so wires come out straight.
 *
 * <p>Pure and thread-safe: call it off the FX thread (e.g. in a background task) with sizes taken from
 * {@link GraphEditor#nodeSizes()} on the FX thread, then animate with {@link GraphEditor#animateTo}.
 */
public final class LayeredLayout {
    /** Horizontal gap between nodes of one layer. */
    public static final double NODE_SPACING = 40;
    /** Vertical gap between layers. */
    public static final double LAYER_SPACING = 60;
    private static final Dimension2D DEFAULT_SIZE = new Dimension2D(160, 60);

    private LayeredLayout() {
    }

    /**
     * Computes new top-left positions for every node. The result's bounding box starts where the input graph's did,
     * so the graph stays roughly where the user put it.
     *
     * @param graph the graph
     * @param sizes node sizes by id; missing ones are assumed 160 x 60
     * @return top-left positions by node id, for every node of the graph
     */
    public static Map<String, Point2D> compute(GraphSnapshot graph, Map<String, Dimension2D> sizes) {
        if (graph.nodes().isEmpty()) {
            return Map.of();
        }
        ensureRegistered();
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(0));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE, 20.0);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);

        Map<String, ElkNode> nodes = new LinkedHashMap<>();
        Map<PortKey, ElkPort> inPorts = new HashMap<>();
        Map<PortKey, ElkPort> outPorts = new HashMap<>();
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        for (NodeModel m : graph.nodes()) {
            if (nodes.containsKey(m.id())) {
                continue;
            }
            Dimension2D size = sizes.getOrDefault(m.id(), DEFAULT_SIZE);
            ElkNode n = ElkGraphUtil.createNode(root);
            n.setIdentifier(m.id());
            n.setDimensions(size.getWidth(), size.getHeight());
            n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
            addPorts(n, m.id(), m.inputs(), true, size, inPorts);
            addPorts(n, m.id(), m.outputs(), false, size, outPorts);
            nodes.put(m.id(), n);
            minX = Math.min(minX, m.x());
            minY = Math.min(minY, m.y());
        }
        for (WireModel w : graph.wires()) {
            ElkNode a = nodes.get(w.from().nodeId());
            ElkNode b = nodes.get(w.to().nodeId());
            if (a == null || b == null) {
                continue;
            }
            ElkConnectableShape source = outPorts.getOrDefault(w.from(), null);
            ElkConnectableShape target = inPorts.getOrDefault(w.to(), null);
            ElkGraphUtil.createSimpleEdge(source != null ? source : a, target != null ? target : b);
        }

        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

        double layoutMinX = Double.POSITIVE_INFINITY;
        double layoutMinY = Double.POSITIVE_INFINITY;
        for (ElkNode n : nodes.values()) {
            layoutMinX = Math.min(layoutMinX, n.getX());
            layoutMinY = Math.min(layoutMinY, n.getY());
        }
        Map<String, Point2D> result = new LinkedHashMap<>();
        for (Map.Entry<String, ElkNode> e : nodes.entrySet()) {
            ElkNode n = e.getValue();
            result.put(e.getKey(), new Point2D(Math.round(minX + n.getX() - layoutMinX),
                    Math.round(minY + n.getY() - layoutMinY)));
        }
        return result;
    }

    private static void addPorts(ElkNode n, String nodeId, List<PortModel> ports, boolean input, Dimension2D size,
                                 Map<PortKey, ElkPort> into) {
        for (int i = 0; i < ports.size(); i++) {
            ElkPort p = ElkGraphUtil.createPort(n);
            p.setDimensions(1, 1);
            double x = NodeView.portX(i, ports.size(), size.getWidth()) - 0.5;
            p.setLocation(x, input ? -1 : size.getHeight());
            p.setProperty(CoreOptions.PORT_SIDE, input ? PortSide.NORTH : PortSide.SOUTH);
            into.put(new PortKey(nodeId, ports.get(i).name()), p);
        }
    }

    private static synchronized void ensureRegistered() {
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
    }
}
