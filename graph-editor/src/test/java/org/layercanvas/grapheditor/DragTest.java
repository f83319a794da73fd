package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

class DragTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @BeforeEach
    void graph() {
        show(TestGraphs.abc());
    }

    @Test
    void draggingANodeReportsOneSnappedMove() {
        drag(nodeView("c"), MouseButton.PRIMARY).moveBy(30, 20).moveBy(27, 13).release(MouseButton.PRIMARY);
        // 400 + 57 = 457 -> 460; 260 + 33 = 293 -> 300 on the 20 grid.
        assertThat(intents.moves).hasSize(1);
        assertThat(intents.moves.get(0)).isEqualTo(Map.of("c", new Point2D(460, 300)));
        assertThat(editor.getSelectedNodes()).containsExactly("c");
    }

    @Test
    void draggingWithoutSnapReportsExactPosition() {
        interact(() -> editor.setSnapToGrid(false));
        drag(nodeView("c"), MouseButton.PRIMARY).moveBy(40, 0).moveBy(17, 0).release(MouseButton.PRIMARY);
        assertThat(intents.moves).hasSize(1);
        Point2D p = intents.moves.get(0).get("c");
        assertThat(p.getX()).isBetween(456.0, 458.0);
        assertThat(p.getY()).isBetween(259.0, 261.0);
    }

    @Test
    void draggingASelectedNodeMovesTheWholeSelection() {
        clickOn(nodeView("b"));
        press(KeyCode.SHIFT).clickOn(nodeView("c")).release(KeyCode.SHIFT);
        drag(nodeView("b"), MouseButton.PRIMARY).moveBy(20, 20).moveBy(20, 20).release(MouseButton.PRIMARY);
        assertThat(intents.moves).hasSize(1);
        assertThat(intents.moves.get(0)).isEqualTo(Map.of("b", new Point2D(140, 300), "c", new Point2D(440, 300)));
    }

    @Test
    void wiresFollowADraggedNodeDuringTheDrag() {
        var wire = wires().iterator().next();
        double endBefore = wire.getEndX();
        drag(nodeView("b"), MouseButton.PRIMARY).moveBy(30, 0).moveBy(30, 0);
        assertThat(wire.getEndX()).isEqualTo(endBefore + 60);
        release(MouseButton.PRIMARY);
    }

    @Test
    void aClickWithoutMovingReportsNoMove() {
        clickOn(nodeView("c"));
        assertThat(intents.moves).isEmpty();
    }
}
