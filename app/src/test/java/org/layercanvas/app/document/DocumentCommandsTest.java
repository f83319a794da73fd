package org.layercanvas.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerType;

class DocumentCommandsTest {
    private final NetworkDocument digits = TestDocs.sample("digits-mlp");

    @Test
    void deletingANodeRemovesItsWiresInOneStep() {
        NetworkDocument after = DocumentCommands.delete(List.of("dropout"), List.of()).apply(digits);
        assertThat(after.node("dropout")).isEmpty();
        assertThat(after.edges()).hasSize(1).allMatch(e -> !e.to().nodeId().equals("dropout")
                && !e.from().nodeId().equals("dropout"));
    }

    @Test
    void freshIdsNeverCollide() {
        NetworkDocument doc = DocumentCommands.addNode("dense1", LayerType.DENSE, Position.ORIGIN).apply(digits);
        assertThat(DocumentCommands.freshId(doc, LayerType.DENSE, Set.of())).isEqualTo("dense2");
        assertThat(DocumentCommands.freshId(doc, LayerType.DENSE, Set.of("dense2"))).isEqualTo("dense3");
    }

    @Test
    void addConnectedNodeAddsAndWires() {
        NetworkDocument doc = DocumentCommands.addConnectedNode("dense1", LayerType.DENSE, new Position(0, 500),
                "hidden", "out").apply(digits);
        assertThat(doc.edgesInto("dense1")).containsExactly(Edge.of("hidden", "dense1"));
    }

    @Test
    void pasteCopiesNodesAndInnerWiresWithFreshIdsAndOffset() {
        NetworkDocument fragment = DocumentCommands.fragment(digits, List.of("hidden", "dropout"));
        assertThat(fragment.nodes()).hasSize(2);
        assertThat(fragment.edges()).containsExactly(Edge.of("hidden", "dropout"));

        Map<String, String> ids = new LinkedHashMap<>();
        NetworkDocument after = DocumentCommands.paste(fragment, 40, 40, ids).apply(digits);
        assertThat(ids).containsEntry("hidden", "dense1").containsEntry("dropout", "dropout1");
        assertThat(after.nodes()).hasSize(6);
        assertThat(after.edges()).contains(Edge.of("dense1", "dropout1"));
        assertThat(after.node("dense1").orElseThrow().position())
                .isEqualTo(new Position(digits.node("hidden").orElseThrow().position().x() + 40,
                        digits.node("hidden").orElseThrow().position().y() + 40));
        assertThat(after.node("dense1").orElseThrow().params())
                .isEqualTo(digits.node("hidden").orElseThrow().params());
    }

    @Test
    void setParamOnAMissingNodeChangesNothing() {
        assertThat(DocumentCommands.setParam("nope", "units", 3).apply(digits)).isEqualTo(digits);
    }

    @Test
    void reconnectMovesAWireEndInPlaceAndIsOneEdit() {
        org.layercanvas.model.Edge old = digits.edges().get(1); // hidden -> dropout
        org.layercanvas.model.Edge moved = org.layercanvas.model.Edge.of("hidden", "digit");
        NetworkDocument after = DocumentCommands.reconnect(old, moved).apply(digits);

        assertThat(after.edges()).hasSize(digits.edges().size()).doesNotContain(old);
        assertThat(after.edges().get(1)).isEqualTo(moved);
        assertThat(DocumentCommands.reconnect(old, moved).apply(after)).as("a stale wire changes nothing")
                .isEqualTo(after);
    }
}
