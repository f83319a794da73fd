package org.layercanvas.model.shape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.model.layers.LayerType.ADD;
import static org.layercanvas.model.layers.LayerType.DENSE;
import static org.layercanvas.model.layers.LayerType.OUTPUT;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInferenceTest.Net;

/** Reading a document's nodes and wires: which wires count, the order, cycles and reachability. */
class GraphStructureTest {
    private final Problems problems = new Problems();

    private GraphStructure read(Net net) {
        return GraphStructure.read(net.doc(), LayerCatalog.standard(), problems);
    }

    private List<String> codes() {
        return problems.list().stream().map(Diagnostic::code).toList();
    }

    @Test
    void orderPutsEveryNodeAfterTheNodesItReads() {
        // Declared out of order: the skip connection's Add comes first in the file.
        GraphStructure g = read(Net.create().node("sum", ADD).vectorInput("in", 4).node("a", DENSE, "units", 4)
                .node("b", DENSE, "units", 4).node("out", OUTPUT, "units", 2)
                .wire("in", "a").wire("a", "b").wire("b", "sum").wire("a", "sum").wire("sum", "out"));

        List<String> order = g.order();
        assertThat(order).containsExactlyInAnyOrder("in", "a", "b", "sum", "out");
        assertThat(order.indexOf("a")).isGreaterThan(order.indexOf("in"));
        assertThat(order.indexOf("sum")).isGreaterThan(order.indexOf("b")).isGreaterThan(order.indexOf("a"));
        assertThat(order.indexOf("out")).isGreaterThan(order.indexOf("sum"));
        assertThat(problems.list()).isEmpty();
    }

    @Test
    void aCycleLeavesItsNodesOutOfTheOrderAndNamesTheLoop() {
        GraphStructure g = read(Net.create().vectorInput("in", 4).node("a", ADD).node("b", DENSE, "units", 4)
                .node("out", OUTPUT, "units", 2).wire("in", "a").wire("b", "a").wire("a", "b").wire("b", "out"));

        assertThat(g.order()).containsExactly("in");
        List<Diagnostic> cycles = problems.list().stream().filter(d -> d.code().equals("graph.cycle")).toList();
        assertThat(cycles).extracting(Diagnostic::nodeId).containsExactlyInAnyOrder("a", "b");
        assertThat(cycles.get(0).args().get(2)).isEqualTo("a \u2192 b \u2192 a");
    }

    @Test
    void wiresToMissingNodesOrPortsAndRepeatedWiresDoNotCount() {
        GraphStructure g = read(Net.create().vectorInput("in", 4).node("h", DENSE, "units", 4)
                .node("out", OUTPUT, "units", 2).chain("in", "h", "out").wire("in", "h").wire("ghost", "h")
                .wire("in", "out", "h", "nope"));

        assertThat(g.incoming("h")).hasSize(1);
        assertThat(codes()).containsExactly("edge.duplicate", "edge.unknownNode", "edge.noSuchInput");
    }

    @Test
    void reachesFollowsWiresForwardOnly() {
        GraphStructure g = read(Net.create().vectorInput("in", 4).node("h", DENSE, "units", 4)
                .node("out", OUTPUT, "units", 2).node("loose", DENSE, "units", 3).chain("in", "h", "out"));

        assertThat(g.reaches("in", "out")).isTrue();
        assertThat(g.reaches("out", "in")).isFalse();
        assertThat(g.reaches("in", "loose")).isFalse();
    }

    @Test
    void invalidParametersAreReportedAndRemembered() {
        GraphStructure g = read(Net.create().vectorInput("in", 4).node("h", DENSE, "units", 0)
                .node("out", OUTPUT, "units", 2).chain("in", "h", "out"));

        assertThat(g.hasBadParams("h")).isTrue();
        assertThat(g.hasBadParams("out")).isFalse();
        assertThat(g.params("out")).containsEntry("units", 2).containsKey("loss");
        assertThat(problems.list()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo("param.outOfRange");
            assertThat(d.location()).isEqualTo("h.units");
        });
    }
}
