package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

/** Grabbing a connected input drags its wire along: drop it on another input, on the same one, or on nothing. */
class DetachWireTest extends EditorTestBase {
    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }

    @BeforeEach
    void graph() {
        interact(() -> editor.setConnectionPolicy((from, to) -> ConnectionPolicy.Verdict.OK));
        show(TestGraphs.abc());
    }

    @Test
    void droppedOnAnotherInputTheWireMovesThereInOneIntent() {
        drag(port("b", true), MouseButton.PRIMARY).moveBy(0, 40);
        assertThat(lookup(".dangling").query().isVisible()).isTrue();
        moveTo(port("c", true)).release(MouseButton.PRIMARY);

        assertThat(intents.reconnects).containsExactly(new RecordingIntents.Reconnect("w1",
                new PortKey("a", "out"), new PortKey("c", "in")));
        assertThat(intents.connects).isEmpty();
        assertThat(intents.deletes).isEmpty();
        assertThat(lookup(".dangling").query().isVisible()).isFalse();
    }

    @Test
    void droppedOnEmptyCanvasTheWireIsDeleted() {
        drag(port("b", true), MouseButton.PRIMARY).moveBy(0, 40).moveTo(screenOfCanvas(700, 560))
                .release(MouseButton.PRIMARY);

        assertThat(intents.deletes).containsExactly(new RecordingIntents.Delete(Set.of(), Set.of("w1")));
        assertThat(editor.isCreateMenuShowing()).isFalse();
    }

    @Test
    void droppedBackOnItsInputNothingChanges() {
        drag(port("b", true), MouseButton.PRIMARY).moveBy(0, 40).moveTo(port("b", true))
                .release(MouseButton.PRIMARY);

        assertThat(intents.reconnects).isEmpty();
        assertThat(intents.deletes).isEmpty();
        assertThat(intents.connects).isEmpty();
    }
}
