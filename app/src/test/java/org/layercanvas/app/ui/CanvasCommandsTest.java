package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Node;
import org.layercanvas.model.Position;
import org.testfx.framework.junit5.Start;

/** Copy and paste between windows, duplicate, and the animated auto-layout as one undo step. */
class CanvasCommandsTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    @Test
    void layersCopiedInOneWindowPasteIntoAnotherWithTheirWires() {
        interact(() -> editor().getSelectedNodes().addAll(Set.of("hidden", "dropout")));
        press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);

        MainWindow[] other = new MainWindow[1];
        interact(() -> other[0] = MainWindow.open(app, new DocumentSession(app.catalog(),
                DocumentSession.emptyDocument(), null), new Stage()));
        interact(() -> other[0].canvas().paste());

        NetworkDocument pasted = fx(() -> other[0].session().document());
        assertThat(pasted.nodes()).extracting(Node::id).containsExactly("input", "dense1", "dropout1");
        assertThat(pasted.edges()).containsExactly(Edge.of("dense1", "dropout1"));
        assertThat(pasted.node("dense1").orElseThrow().params()).containsEntry("units", 128);
        assertThat(fx(() -> other[0].editor().getSelectedNodes())).containsExactlyInAnyOrder("dense1", "dropout1");
        interact(() -> other[0].stage().close());
    }

    @Test
    void duplicateIsOneUndoStep() {
        clickOn(nodeView("hidden"));
        NetworkDocument before = document();
        press(KeyCode.CONTROL).type(KeyCode.D).release(KeyCode.CONTROL);
        waitUntil(() -> document().node("dense1").isPresent());
        assertThat(document().nodes()).hasSize(5);
        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(document()).isEqualTo(before);
    }

    @Test
    void autoLayoutAnimatesIntoPlaceAndUndoesInOneStep() {
        // Scatter the nodes, then tidy up.
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.move(java.util.Map.of(
                "pixels", new Position(400, 300), "hidden", new Position(-300, 0),
                "dropout", new Position(200, -200), "digit", new Position(0, 0)))));
        NetworkDocument scattered = document();
        interact(() -> window.canvas().autoLayout());
        waitUntil(() -> document() != scattered);

        NetworkDocument tidy = document();
        double[] ys = {y(tidy, "pixels"), y(tidy, "hidden"), y(tidy, "dropout"), y(tidy, "digit")};
        assertThat(ys[0]).isLessThan(ys[1]);
        assertThat(ys[1]).isLessThan(ys[2]);
        assertThat(ys[2]).isLessThan(ys[3]);

        interact(() -> session().commands().undo());
        assertThat(document()).isEqualTo(scattered);
    }

    private static double y(NetworkDocument doc, String id) {
        return doc.node(id).orElseThrow().position().y();
    }
}
