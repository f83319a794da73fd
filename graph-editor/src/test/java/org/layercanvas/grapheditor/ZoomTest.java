package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

class ZoomTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @Test
    void keysZoomInAndOutAndZoomIsClamped() {
        show(TestGraphs.abc());
        clickOn(screenOfCanvas(700, 600));
        type(KeyCode.EQUALS);
        assertThat(editor.getZoom()).isCloseTo(GraphEditor.ZOOM_STEP, within(1e-9));
        type(KeyCode.MINUS, KeyCode.MINUS);
        assertThat(editor.getZoom()).isCloseTo(1 / GraphEditor.ZOOM_STEP, within(1e-9));
        type(KeyCode.DIGIT1);
        assertThat(editor.getZoom()).isEqualTo(1.0);

        interact(() -> editor.setZoom(100));
        assertThat(editor.getZoom()).isEqualTo(GraphEditor.MAX_ZOOM);
        interact(() -> editor.setZoom(0.001));
        assertThat(editor.getZoom()).isEqualTo(GraphEditor.MIN_ZOOM);
    }

    @Test
    void zoomingKeepsTheViewportCentre() {
        show(TestGraphs.abc());
        Point2D before = fx(editor::viewportCenter);
        interact(editor::zoomIn);
        Point2D after = fx(editor::viewportCenter);
        assertThat(after.distance(before)).isLessThan(1e-6);
        assertThat(before).isEqualTo(new Point2D(450, 350));
    }

    @Test
    void zoomAtKeepsThePointUnderTheCursor() {
        show(TestGraphs.abc());
        Point2D canvasBefore = fx(() -> editor.localToCanvas(200, 100));
        interact(() -> editor.zoomAt(2.5, 200, 100));
        assertThat(editor.getZoom()).isEqualTo(2.5);
        assertThat(fx(() -> editor.localToCanvas(200, 100)).distance(canvasBefore)).isLessThan(1e-6);
    }

    @Test
    void zoomToFitShowsEveryNode() {
        show(new GraphSnapshot(List.of(TestGraphs.node("p", -800, -300, NodeState.NORMAL),
                TestGraphs.node("q", 2400, 1500, NodeState.NORMAL), TestGraphs.node("r", 300, 200, NodeState.ERROR)),
                List.of()));
        clickOn(screenOfLocal(450, 350));
        type(KeyCode.F);
        assertThat(editor.getZoom()).isLessThan(0.5);
        Bounds view = editor.getLayoutBounds();
        for (Node n : lookup(".graph-node").queryAll()) {
            Bounds b = boundsInEditor(n);
            assertThat(view.contains(b)).as("node %s at %s inside %s", n.getProperties().get(GraphEditor.NODE_ID_KEY),
                    b, view).isTrue();
        }
    }

    @Test
    void centerOnPutsTheNodeInTheMiddle() {
        show(new GraphSnapshot(List.of(TestGraphs.node("far", 3000, 2000, NodeState.NORMAL)), List.of()));
        interact(() -> editor.centerOn("far"));
        Bounds b = boundsInEditor(nodeView("far"));
        assertThat(b.getCenterX()).isCloseTo(450, within(1.0));
        assertThat(b.getCenterY()).isCloseTo(350, within(1.0));
    }

    @Test
    void wireLabelsHideWhenZoomedOut() {
        show(TestGraphs.abc());
        Node label = lookup(".wire-label").query();
        assertThat(label.getParent().isVisible()).isTrue();
        interact(() -> editor.setZoom(0.4));
        assertThat(label.getParent().isVisible()).isFalse();
    }

    @Test
    void minimapClickPansTheEditor() {
        show(new GraphSnapshot(List.of(TestGraphs.node("p", 0, 0, NodeState.NORMAL),
                TestGraphs.node("q", 3000, 2000, NodeState.NORMAL)), List.of()));
        GraphMinimap map = new GraphMinimap(editor);
        interact(() -> ((javafx.scene.layout.StackPane) editor.getParent()).getChildren().add(map));
        interact(() -> {
            map.setMaxSize(200, 140);
            javafx.scene.layout.StackPane.setAlignment(map, javafx.geometry.Pos.BOTTOM_RIGHT);
        });
        waitUntil(() -> map.getWidth() == 200);
        Point2D before = fx(editor::viewportCenter);
        Bounds mb = fx(() -> map.localToScreen(map.getLayoutBounds()));
        clickOn(new Point2D(mb.getMaxX() - 15, mb.getMaxY() - 15));
        Point2D after = fx(editor::viewportCenter);
        assertThat(after.getX()).isGreaterThan(before.getX() + 1000);
        assertThat(after.getY()).isGreaterThan(before.getY() + 500);
    }
}
