package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Dimension2D;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    private static final PortModel IN = new PortModel("in", "", true);
    private static final PortModel IN2 = new PortModel("in2", "", false);
    private static final PortModel OUT = new PortModel("out", "", false);

    private static NodeModel n(String id, List<PortModel> in) {
        // All piled up at one point: the layout has to spread them.
        return new NodeModel(id, id, "", "", null, "", in, List.of(OUT), 50, 70, NodeState.NORMAL, "");
    }

    private static WireModel w(String from, String to, String port) {
        return new WireModel(from + "-" + to, new PortKey(from, "out"), new PortKey(to, port), "", NodeState.NORMAL);
    }

    @Test
    void everyEdgeGoesDownAndNodesDoNotOverlap() {
        // A diamond with a skip connection and a second input.
        GraphSnapshot g = new GraphSnapshot(
                List.of(n("input", List.of()), n("conv", List.of(IN)), n("pool", List.of(IN)), n("dense", List.of(IN)),
                        n("skip", List.of(IN)), n("add", List.of(IN, IN2)), n("output", List.of(IN))),
                List.of(w("input", "conv", "in"), w("conv", "pool", "in"), w("pool", "dense", "in"),
                        w("input", "skip", "in"), w("dense", "add", "in"), w("skip", "add", "in2"),
                        w("add", "output", "in")));
        Map<String, Dimension2D> sizes = new HashMap<>();
        g.nodes().forEach(m -> sizes.put(m.id(), new Dimension2D(150 + m.id().length() * 3, 56)));

        Map<String, Point2D> pos = LayeredLayout.compute(g, sizes);

        assertThat(pos).containsOnlyKeys("input", "conv", "pool", "dense", "skip", "add", "output");
        for (WireModel wire : g.wires()) {
            String a = wire.from().nodeId();
            String b = wire.to().nodeId();
            assertThat(pos.get(b).getY()).as("%s below %s", b, a)
                    .isGreaterThanOrEqualTo(pos.get(a).getY() + sizes.get(a).getHeight());
        }
        List<String> ids = List.copyOf(pos.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                Rectangle2D ri = rect(pos, sizes, ids.get(i));
                Rectangle2D rj = rect(pos, sizes, ids.get(j));
                assertThat(ri.intersects(rj)).as("%s overlaps %s", ids.get(i), ids.get(j)).isFalse();
            }
        }
        double minX = pos.values().stream().mapToDouble(Point2D::getX).min().orElseThrow();
        double minY = pos.values().stream().mapToDouble(Point2D::getY).min().orElseThrow();
        assertThat(new Point2D(minX, minY)).as("layout starts where the graph was").isEqualTo(new Point2D(50, 70));
    }

    @Test
    void runsOffTheFxThreadAndHandlesCyclesAndEmptyGraphs() throws Exception {
        assertThat(LayeredLayout.compute(GraphSnapshot.EMPTY, Map.of())).isEmpty();
        GraphSnapshot cyclic = new GraphSnapshot(List.of(n("a", List.of(IN)), n("b", List.of(IN))),
                List.of(w("a", "b", "in"), w("b", "a", "in")));
        Thread t = new Thread(() -> assertThat(LayeredLayout.compute(cyclic, Map.of())).hasSize(2));
        Thread[] failed = {null};
        t.setUncaughtExceptionHandler((th, e) -> failed[0] = th);
        t.start();
        t.join();
        assertThat(failed[0]).isNull();
    }

    private static Rectangle2D rect(Map<String, Point2D> pos, Map<String, Dimension2D> sizes, String id) {
        return new Rectangle2D(pos.get(id).getX(), pos.get(id).getY(), sizes.get(id).getWidth(),
                sizes.get(id).getHeight());
    }
}
