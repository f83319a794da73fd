package org.layercanvas.grapheditor;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Point2D;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.BeforeEach;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.Start;

class WiringTest extends EditorTestBase {

    @Start
    void start(Stage stage) {
        setUpStage(stage);
    }
    private static final String REASON = "Expects 32x32x3, gets 128";

    @BeforeEach
    void graph() {
        interact(() -> editor.setConnectionPolicy((from, to) -> to.nodeId().equals("c")
                ? ConnectionPolicy.Verdict.refuse(REASON) : ConnectionPolicy.Verdict.OK));
        show(TestGraphs.abc());
    }

    @Test
    void dropOnCompatibleInputConnects() {
        drag(port("a", false), MouseButton.PRIMARY).moveBy(0, 40);
        assertThat(port("b", true).getPseudoClassStates()).contains(GraphEditorStyles.COMPATIBLE);
        assertThat(port("c", true).getPseudoClassStates()).contains(GraphEditorStyles.INCOMPATIBLE);
        moveTo(port("b", true)).release(MouseButton.PRIMARY);

        assertThat(intents.connects).containsExactly(
                new RecordingIntents.Connect(new PortKey("a", "out"), new PortKey("b", "in")));
        assertThat(port("b", true).getPseudoClassStates()).doesNotContain(GraphEditorStyles.COMPATIBLE);
        assertThat(lookup(".dangling").query().isVisible()).isFalse();
    }

    @Test
    void dropOnIncompatibleInputIsRefusedWithTheReason() {
        drag(port("a", false), MouseButton.PRIMARY).moveBy(0, 40).moveTo(port("c", true));
        assertThat(lookup(".refusal-label").query().isVisible()).as("reason shown while hovering").isTrue();
        release(MouseButton.PRIMARY);

        assertThat(intents.connects).isEmpty();
        assertThat(editor.getLastRefusal()).isEqualTo(REASON);
        assertThat(lookup(".refusal-label").queryAs(javafx.scene.control.Label.class).getText()).isEqualTo(REASON);
        assertThat(lookup(".refusal-label").query().isVisible()).as("reason lingers after the drop").isTrue();
    }

    @Test
    void dropOnEmptyCanvasOpensTheCreateMenuAndEnterCreatesWiredNode() {
        drag(port("a", false), MouseButton.PRIMARY).moveBy(0, 40).moveTo(screenOfCanvas(700, 560))
                .release(MouseButton.PRIMARY);
        assertThat(editor.isCreateMenuShowing()).isTrue();
        ListView<?> list = lookup(".create-menu-list").queryAs(ListView.class);
        assertThat(list.getItems()).hasSize(3);

        write("drop");
        assertThat(list.getItems()).hasSize(1);
        type(KeyCode.ENTER);

        assertThat(editor.isCreateMenuShowing()).isFalse();
        assertThat(intents.creates).hasSize(1);
        RecordingIntents.Create c = intents.creates.get(0);
        assertThat(c.choice().id()).isEqualTo("dropout");
        assertThat(c.from()).isEqualTo(new PortKey("a", "out"));
        assertThat(c.at().distance(new Point2D(700, 560))).isLessThan(2);
    }

    @Test
    void createMenuKeyboardNavigationAndEscape() {
        doubleClickOn(screenOfCanvas(650, 120));
        assertThat(editor.isCreateMenuShowing()).isTrue();
        type(KeyCode.DOWN, KeyCode.DOWN);
        type(KeyCode.ENTER);
        assertThat(intents.creates).hasSize(1);
        assertThat(intents.creates.get(0).choice().id()).isEqualTo("conv2d");
        assertThat(intents.creates.get(0).from()).isNull();

        // Elsewhere: a second double-click on the same spot would count as clicks 3 and 4.
        doubleClickOn(screenOfCanvas(600, 500));
        assertThat(editor.isCreateMenuShowing()).isTrue();
        write("zzz");
        ListView<?> list = lookup(".create-menu-list").queryAs(ListView.class);
        assertThat(list.getItems().size()).isZero();
        type(KeyCode.ESCAPE);
        assertThat(editor.isCreateMenuShowing()).isFalse();
        assertThat(intents.creates).hasSize(1);
    }

    @Test
    void escapeCancelsAWireDrag() {
        drag(port("a", false), MouseButton.PRIMARY).moveBy(0, 40);
        type(KeyCode.ESCAPE);
        moveTo(port("b", true)).release(MouseButton.PRIMARY);
        assertThat(intents.connects).isEmpty();
        assertThat(port("b", true).getPseudoClassStates()).doesNotContain(GraphEditorStyles.COMPATIBLE);
    }
}
