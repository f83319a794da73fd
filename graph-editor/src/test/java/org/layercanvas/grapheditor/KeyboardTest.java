package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.BeforeEach;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

class KeyboardTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @BeforeEach
    void graph() {
        show(TestGraphs.abc());
        clickOn(screenOfCanvas(700, 600));
        assertThat(editor.isFocused()).isTrue();
    }

    @Test
    void tabWalksNodesInReadingOrder() {
        type(KeyCode.TAB);
        assertThat(editor.getSelectedNodes()).containsExactly("a");
        type(KeyCode.TAB);
        assertThat(editor.getSelectedNodes()).containsExactly("b");
        type(KeyCode.TAB);
        assertThat(editor.getSelectedNodes()).containsExactly("c");
        type(KeyCode.TAB);
        assertThat(editor.getSelectedNodes()).containsExactly("a");
        press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        assertThat(editor.getSelectedNodes()).containsExactly("c");
        assertThat(editor.isFocused()).as("Tab stays in the editor").isTrue();
    }

    @Test
    void enterInspectsDeleteDeletesEscapeClears() {
        type(KeyCode.TAB, KeyCode.TAB);
        type(KeyCode.ENTER);
        assertThat(intents.inspects).containsExactly("b");
        type(KeyCode.DELETE);
        assertThat(intents.deletes).containsExactly(new RecordingIntents.Delete(Set.of("b"), Set.of()));
        type(KeyCode.ESCAPE);
        assertThat(editor.getSelectedNodes()).isEmpty();
        type(KeyCode.BACK_SPACE);
        assertThat(intents.deletes).hasSize(1);
    }

    @Test
    void arrowsMoveTheSelectionOneGridStep() {
        type(KeyCode.TAB, KeyCode.TAB);
        type(KeyCode.RIGHT);
        type(KeyCode.DOWN);
        type(KeyCode.UP);
        type(KeyCode.LEFT);
        assertThat(intents.moves).containsExactly(
                Map.of("b", new Point2D(120, 260)),
                Map.of("b", new Point2D(100, 280)),
                Map.of("b", new Point2D(100, 240)),
                Map.of("b", new Point2D(80, 260)));
    }

    @Test
    void doubleClickOnNodeInspects() {
        doubleClickOn(nodeView("c"));
        assertThat(intents.inspects).containsExactly("c");
    }
}
