package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** The control keeps the state; the skin only shows it, and a disposed skin leaves nothing behind. */
class GraphEditorSkinTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @Test
    void aNewSkinShowsTheSameGraphSelectionAndZoom() {
        show(TestGraphs.abc());
        clickOn(nodeView("b"));
        interact(() -> editor.setZoom(1.5));
        GraphEditorSkin old = fx(() -> (GraphEditorSkin) editor.getSkin());

        interact(() -> editor.setSkin(new GraphEditorSkin(editor)));
        waitUntil(() -> lookup(".graph-node").queryAll().size() == 3);

        assertThat(fx(() -> editor.getSkin())).isNotSameAs(old);
        assertThat(editor.getSelectedNodes()).containsExactly("b");
        assertThat(nodeView("b").getPseudoClassStates()).contains(GraphEditorStyles.SELECTED);
        assertThat(fx(editor::getZoom)).isCloseTo(1.5, within(1e-9));
        // The old skin's views are gone from the scene: one view per node, not two.
        assertThat(lookup(".graph-node").queryAll()).hasSize(3);
        // The old skin no longer follows the control: a selection change reaches only the new views.
        clickOn(nodeView("a"));
        assertThat(editor.getSelectedNodes()).containsExactly("a");
        assertThat(fx(() -> old.views().nodeViews().get("a").getPseudoClassStates()))
                .doesNotContain(GraphEditorStyles.SELECTED);
    }

    @Test
    void aDisposedSkinNoLongerHandlesKeysOrMouse() {
        show(TestGraphs.abc());
        interact(() -> editor.setSkin(new GraphEditorSkin(editor)));
        waitUntil(() -> lookup(".graph-node").queryAll().size() == 3);
        clickOn(nodeView("c"));
        intents.deletes.clear();

        type(KeyCode.DELETE);

        // Exactly one delete request: the first skin's keyboard handler was removed with it.
        assertThat(intents.deletes).hasSize(1);
    }
}
