package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Diffing snapshots by id, without a stage. */
class SnapshotDiffTest {
    private static final NodeModel A = TestGraphs.source("a", 0, 0);
    private static final NodeModel B = TestGraphs.node("b", 0, 200, NodeState.NORMAL);
    private static final NodeModel C = TestGraphs.node("c", 300, 200, NodeState.NORMAL);
    private static final WireModel AB = wire("w1", "a", "b", "128");

    private static WireModel wire(String id, String from, String to, String label) {
        return new WireModel(id, new PortKey(from, "out"), new PortKey(to, "in"), label, NodeState.NORMAL);
    }

    @Test
    void sameSnapshotChangesNothing() {
        GraphSnapshot g = new GraphSnapshot(List.of(A, B), List.of(AB));
        SnapshotDiff d = SnapshotDiff.between(g, new GraphSnapshot(List.of(A, B), List.of(AB)));
        assertThat(d.removedNodes()).isEmpty();
        assertThat(d.addedNodes()).isEmpty();
        assertThat(d.changedNodes()).isEmpty();
        assertThat(d.addedWires()).isEmpty();
        assertThat(d.changedWires()).isEmpty();
        assertThat(d.topologyChanged()).isFalse();
    }

    @Test
    void nodesAreMatchedById() {
        NodeModel movedB = TestGraphs.node("b", 40, 200, NodeState.ERROR);
        SnapshotDiff d = SnapshotDiff.between(new GraphSnapshot(List.of(A, B), List.of()),
                new GraphSnapshot(List.of(movedB, C), List.of()));
        assertThat(d.removedNodes()).containsExactly("a");
        assertThat(d.addedNodes()).containsExactly(C);
        assertThat(d.changedNodes()).containsExactly(movedB);
    }

    @Test
    void aNewLabelChangesAWireButNotTheTopology() {
        WireModel relabelled = wire("w1", "a", "b", "256");
        SnapshotDiff d = SnapshotDiff.between(new GraphSnapshot(List.of(A, B), List.of(AB)),
                new GraphSnapshot(List.of(A, B), List.of(relabelled)));
        assertThat(d.changedWires()).containsExactly(relabelled);
        assertThat(d.rewiredWires()).isEmpty();
        assertThat(d.topologyChanged()).isFalse();
    }

    @Test
    void wiresComingGoingOrMovingChangeTheTopology() {
        GraphSnapshot before = new GraphSnapshot(List.of(A, B, C), List.of(AB));
        WireModel toC = wire("w1", "a", "c", "128");
        SnapshotDiff moved = SnapshotDiff.between(before, new GraphSnapshot(List.of(A, B, C), List.of(toC)));
        assertThat(moved.rewiredWires()).containsExactly("w1");
        assertThat(moved.topologyChanged()).isTrue();

        WireModel second = wire("w2", "a", "c", "");
        SnapshotDiff added = SnapshotDiff.between(before, new GraphSnapshot(List.of(A, B, C), List.of(AB, second)));
        assertThat(added.addedWires()).containsExactly(second);
        assertThat(added.topologyChanged()).isTrue();

        SnapshotDiff removed = SnapshotDiff.between(before, new GraphSnapshot(List.of(A, B, C), List.of()));
        assertThat(removed.removedWires()).containsExactly("w1");
        assertThat(removed.topologyChanged()).isTrue();
    }
}
