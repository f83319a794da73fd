package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

class GraphEditorGraphTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @Test
    void setGraphAddsSkinsWithTitlesPositionsAndWires() {
        show(TestGraphs.abc());

        assertThat(lookup(".graph-node").queryAll()).hasSize(3);
        assertThat(wires()).hasSize(1);
        Node b = nodeView("b");
        assertThat(b.getLayoutX()).isEqualTo(100);
        assertThat(b.getLayoutY()).isEqualTo(260);
        assertThat(b.getStyleClass()).contains("category-dense");
        assertThat(from(b).lookup(".node-title").queryAs(Label.class).getText()).isEqualTo("Node b");
        assertThat(from(b).lookup(".node-subtitle").queryAs(Label.class).getText()).isEqualTo("Dense 128");
        assertThat(from(b).lookup(".node-badge").queryAs(Label.class).getText()).isEqualTo("1.2k");
        assertThat(lookup(".wire-label").queryAs(Label.class).getText()).isEqualTo("128");
        assertThat(from(b).lookup(".graph-port").queryAll()).hasSize(2);
    }

    @Test
    void wireEndsMeetThePortCentres() {
        show(TestGraphs.abc());
        javafx.scene.shape.CubicCurve wire = wires().iterator().next();
        Node out = port("a", false);
        Node in = port("b", true);
        var outCenter = fx(() -> centerInEditor(out));
        var inCenter = fx(() -> centerInEditor(in));
        var start = fx(() -> editor.sceneToLocal(wire.localToScene(wire.getStartX(), wire.getStartY())));
        var end = fx(() -> editor.sceneToLocal(wire.localToScene(wire.getEndX(), wire.getEndY())));
        assertThat(start.distance(outCenter)).isLessThan(0.5);
        assertThat(end.distance(inCenter)).isLessThan(0.5);
    }

    private javafx.geometry.Point2D centerInEditor(Node n) {
        var b = editor.sceneToLocal(n.localToScene(n.getLayoutBounds()));
        return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
    }

    @Test
    void setGraphUpdatesChangedSkinsInPlaceAndRemovesMissingOnes() {
        show(TestGraphs.abc());
        Node a = nodeView("a");
        Node b = nodeView("b");

        NodeModel b2 = new NodeModel("b", "Renamed", "Dense 64", "", null, "dense", List.of(TestGraphs.IN),
                List.of(TestGraphs.OUT), 140, 300, NodeState.ERROR, "Shape mismatch");
        show(new GraphSnapshot(List.of(TestGraphs.source("a", 100, 60), b2), List.of()));

        assertThat(lookup(".graph-node").queryAll()).hasSize(2);
        assertThat(wires()).isEmpty();
        assertThat(nodeView("a")).as("unchanged skin is kept").isSameAs(a);
        assertThat(nodeView("b")).as("changed skin is updated, not rebuilt").isSameAs(b);
        assertThat(from(b).lookup(".node-title").queryAs(Label.class).getText()).isEqualTo("Renamed");
        assertThat(from(b).lookup(".node-badge").queryAs(Label.class).isVisible()).isFalse();
        assertThat(b.getLayoutX()).isEqualTo(140);
        assertThat(b.getLayoutY()).isEqualTo(300);
        assertThat(b.getPseudoClassStates()).contains(GraphEditorStyles.ERROR);
        assertThat(a.getPseudoClassStates()).doesNotContain(GraphEditorStyles.ERROR);
    }

    @Test
    void statesMapToPseudoClasses() {
        show(new GraphSnapshot(List.of(TestGraphs.node("w", 0, 0, NodeState.WARNING),
                TestGraphs.node("r", 200, 0, NodeState.RUNNING), TestGraphs.node("e", 400, 0, NodeState.ERROR)),
                List.of()));
        assertThat(nodeView("w").getPseudoClassStates()).contains(GraphEditorStyles.WARNING);
        assertThat(nodeView("r").getPseudoClassStates()).contains(GraphEditorStyles.RUNNING);
        assertThat(nodeView("e").getPseudoClassStates()).contains(GraphEditorStyles.ERROR)
                .doesNotContain(GraphEditorStyles.WARNING);
    }

    @Test
    void rapidSetGraphCallsAreCoalescedToTheLast() {
        GraphSnapshot last = TestGraphs.abc();
        interact(() -> {
            editor.setGraph(TestGraphs.big(50, 60));
            editor.setGraph(GraphSnapshot.EMPTY);
            editor.setGraph(last);
            assertThat(lookup(".graph-node").queryAll()).as("nothing applied before the pulse").isEmpty();
        });
        show(last);
        assertThat(lookup(".graph-node").queryAll()).hasSize(3);
    }

    @Test
    void nodeSizesReportsLaidOutSkins() {
        show(TestGraphs.abc());
        var sizes = fx(editor::nodeSizes);
        assertThat(sizes).containsOnlyKeys("a", "b", "c");
        assertThat(sizes.get("b").getWidth()).isEqualTo(nodeView("b").getLayoutBounds().getWidth());
        assertThat(sizes.get("b").getHeight()).isGreaterThan(30);
    }

    @Test
    void animateToMovesViewsThenCallsBack() {
        show(TestGraphs.abc());
        boolean[] done = {false};
        interact(() -> editor.animateTo(java.util.Map.of("c", new javafx.geometry.Point2D(600, 400)),
                javafx.util.Duration.millis(150), () -> done[0] = true));
        waitUntil(() -> done[0]);
        assertThat(nodeView("c").getLayoutX()).isEqualTo(600);
        assertThat(nodeView("c").getLayoutY()).isEqualTo(400);
    }
}
