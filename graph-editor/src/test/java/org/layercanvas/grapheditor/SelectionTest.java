package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

class SelectionTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @BeforeEach
    void graph() {
        show(TestGraphs.abc());
    }

    @Test
    void clickSelectsShiftClickTogglesEmptyClickClears() {
        clickOn(nodeView("b"));
        assertThat(editor.getSelectedNodes()).containsExactly("b");
        assertThat(editor.getFocusedNode()).isEqualTo("b");
        assertThat(nodeView("b").getPseudoClassStates()).contains(GraphEditorStyles.SELECTED);

        press(KeyCode.SHIFT).clickOn(nodeView("c")).release(KeyCode.SHIFT);
        assertThat(editor.getSelectedNodes()).containsExactlyInAnyOrder("b", "c");

        press(KeyCode.SHIFT).clickOn(nodeView("b")).release(KeyCode.SHIFT);
        assertThat(editor.getSelectedNodes()).containsExactly("c");
        assertThat(nodeView("b").getPseudoClassStates()).doesNotContain(GraphEditorStyles.SELECTED);

        clickOn(nodeView("a"));
        assertThat(editor.getSelectedNodes()).containsExactly("a");

        clickOn(screenOfCanvas(700, 600));
        assertThat(editor.getSelectedNodes()).isEmpty();
        assertThat(editor.getFocusedNode()).isNull();
    }

    @Test
    void rubberBandSelectsIntersectingNodes() {
        // From above-left of a to the middle of b: a and b intersect the band, c (to the right) does not.
        Bounds b = boundsInEditor(nodeView("b"));
        drag(screenOfCanvas(60, 30), MouseButton.PRIMARY)
                .moveTo(screenOfLocal(b.getCenterX(), b.getCenterY()))
                .release(MouseButton.PRIMARY);
        assertThat(editor.getSelectedNodes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void ctrlASelectsAll() {
        clickOn(screenOfCanvas(700, 600));
        press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(editor.getSelectedNodes()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(editor.getSelectedWires()).containsExactly("w1");
    }

    @Test
    void clickOnWireSelectsIt() {
        Node label = lookup(".wire-label").query();
        clickOn(label);
        assertThat(editor.getSelectedWires()).containsExactly("w1");
        assertThat(editor.getSelectedNodes()).isEmpty();
        assertThat(wires().iterator().next().getPseudoClassStates()).contains(GraphEditorStyles.SELECTED);
    }

    @Test
    void selectAllAndClearSelectionApi() {
        interact(editor::selectAll);
        assertThat(editor.getSelectedNodes()).hasSize(3);
        interact(editor::clearSelection);
        assertThat(editor.getSelectedNodes()).isEmpty();
        interact(() -> editor.select("c"));
        assertThat(editor.getSelectedNodes()).containsExactly("c");
        assertThat(editor.focusedNodeProperty().get()).isEqualTo("c");
    }
}
