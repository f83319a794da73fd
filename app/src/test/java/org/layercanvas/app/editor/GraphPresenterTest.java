package org.layercanvas.app.editor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.grapheditor.ConnectionPolicy;
import org.layercanvas.grapheditor.GraphSnapshot;
import org.layercanvas.grapheditor.NodeModel;
import org.layercanvas.grapheditor.NodeState;
import org.layercanvas.grapheditor.PortKey;
import org.layercanvas.grapheditor.WireModel;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;

class GraphPresenterTest {
    private final LayerCatalog catalog = LayerCatalog.standard();
    private final ShapeInference inference = new ShapeInference(catalog);
    private final GraphPresenter presenter = new GraphPresenter(catalog, inference);
    private final NetworkDocument digits = TestDocs.sample("digits-mlp");

    private GraphSnapshot snapshot(NetworkDocument doc) {
        return presenter.snapshot(doc, inference.analyze(doc));
    }

    @Test
    void wiresShowTheirTensorShapesAndNodesTheirParameterCounts() {
        GraphSnapshot s = snapshot(digits);
        assertThat(s.wires()).extracting(WireModel::label).containsExactly("64", "128", "128");
        NodeModel hidden = s.nodes().stream().filter(n -> n.id().equals("hidden")).findFirst().orElseThrow();
        assertThat(hidden.badge()).isEqualTo("8,320 params");
        assertThat(hidden.subtitle()).isEqualTo("Dense 128 \u00b7 relu");
        assertThat(hidden.state()).isEqualTo(NodeState.NORMAL);
        assertThat(hidden.inputs()).hasSize(1);
        NodeModel output = s.nodes().stream().filter(n -> n.id().equals("digit")).findFirst().orElseThrow();
        assertThat(output.outputs()).isEmpty();
    }

    @Test
    void aStatusLineShowsAtTheNodesFootWithItsExplanationInTheTooltip() {
        presenter.setStatuses(java.util.Map.of("hidden", new GraphPresenter.Status(
                new org.layercanvas.grapheditor.NodeStatus("dead units", org.layercanvas.grapheditor.NodeStatus.Level.BAD),
                "most units output 0")));
        NodeModel hidden = snapshot(digits).nodes().stream().filter(n -> n.id().equals("hidden")).findFirst()
                .orElseThrow();
        assertThat(hidden.status().text()).isEqualTo("dead units");
        assertThat(hidden.status().level()).isEqualTo(org.layercanvas.grapheditor.NodeStatus.Level.BAD);
        assertThat(hidden.tooltip()).isEqualTo("most units output 0");
        assertThat(hidden.state()).as("a status is not a problem").isEqualTo(NodeState.NORMAL);
        assertThat(snapshot(digits).nodes()).filteredOn(n -> !n.id().equals("hidden")).allMatch(n -> n.status() == null);
        presenter.setStatuses(java.util.Map.of());
        assertThat(snapshot(digits).nodes()).allMatch(n -> n.status() == null);
    }

    @Test
    void aNodeWithAProblemIsMarkedAndExplainsItInItsTooltip() {
        NetworkDocument broken = DocumentCommands.setParam("hidden", "units", 0).apply(digits);
        NodeModel hidden = snapshot(broken).nodes().stream().filter(n -> n.id().equals("hidden")).findFirst()
                .orElseThrow();
        assertThat(hidden.state()).isEqualTo(NodeState.ERROR);
        assertThat(hidden.tooltip()).contains("units = 0 is out of range [1, 65536]");
    }

    @Test
    void policyRefusesAShapeMismatchWithTheValidatorsReason() {
        NetworkDocument doc = DocumentCommands.addNode("conv2d1", LayerType.CONV2D, new Position(300, 0))
                .apply(digits);
        ConnectionPolicy.Verdict v = presenter.policy(() -> doc)
                .check(new PortKey("pixels", "out"), new PortKey("conv2d1", "in"));
        assertThat(v.allowed()).isFalse();
        assertThat(v.reason()).isEqualTo("Conv2D 'conv2d1' needs an image (height x width x channels) but receives 64.");
    }

    @Test
    void policyRefusesASecondWireIntoASingleInputAndLoops() {
        ConnectionPolicy policy = presenter.policy(() -> digits);
        ConnectionPolicy.Verdict taken = policy.check(new PortKey("pixels", "out"), new PortKey("dropout", "in"));
        assertThat(taken.allowed()).isFalse();
        assertThat(taken.reason()).contains("already has an input");

        NetworkDocument withAdd = DocumentCommands.addNode("add1", LayerType.ADD, Position.ORIGIN).apply(digits);
        NetworkDocument wired = DocumentCommands.connect(org.layercanvas.model.Edge.of("dropout", "add1"))
                .apply(withAdd);
        ConnectionPolicy.Verdict loop = presenter.policy(() -> wired)
                .check(new PortKey("add1", "out"), new PortKey("add1", "in"));
        assertThat(loop.allowed()).isFalse();
    }

    @Test
    void policyAllowsAFittingWire() {
        NetworkDocument doc = DocumentCommands.addNode("dense1", LayerType.DENSE, Position.ORIGIN).apply(digits);
        assertThat(presenter.policy(() -> doc).check(new PortKey("hidden", "out"), new PortKey("dense1", "in"))
                .allowed()).isTrue();
    }

    @Test
    void everyLayerHasAnIconAndACategoryStyle() {
        for (LayerType t : LayerType.values()) {
            assertThat(LayerLook.icon(t)).startsWith("mdi2");
            assertThat(LayerLook.category(t)).matches("[a-z-]+");
        }
    }
}
