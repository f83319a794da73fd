package org.layercanvas.grapheditor;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** A fresh stage with a 900 x 700 editor per test, and lookups by style class and node id. */
@ExtendWith(ApplicationExtension.class)
abstract class EditorTestBase extends FxRobot {
    GraphEditor editor;
    RecordingIntents intents;

    /** Call from the subclass's {@code @Start} method (TestFX only finds methods declared on the test class). */
    void setUpStage(Stage stage) {
        editor = new GraphEditor();
        intents = new RecordingIntents();
        editor.setIntents(intents);
        editor.setCreateChoices(TestGraphs.choices());
        stage.setScene(new Scene(new StackPane(editor), 900, 700));
        stage.show();
    }

    /** Shows a graph and waits until it is applied and laid out. */
    void show(GraphSnapshot g) {
        interact(() -> editor.setGraph(g));
        waitUntil(() -> editor.getGraph() == g && lookup(".graph-node").queryAll().size() == g.nodes().size()
                && lookup(".graph-node").queryAll().stream().allMatch(n -> n.getLayoutBounds().getWidth() > 0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }

    Node nodeView(String id) {
        return lookup(".graph-node").match(n -> id.equals(n.getProperties().get(GraphEditor.NODE_ID_KEY))).query();
    }

    /** Wire curves of the graph, without the hidden one used while drawing a new wire. */
    java.util.Set<javafx.scene.shape.CubicCurve> wires() {
        return lookup(".graph-wire").match(n -> !n.getStyleClass().contains(GraphEditorStyles.DANGLING)).queryAllAs(
                javafx.scene.shape.CubicCurve.class);
    }

    Node port(String nodeId, boolean input) {
        return from(nodeView(nodeId)).lookup(input ? ".graph-port.input" : ".graph-port.output").query();
    }

    /** Screen point of a canvas point. */
    Point2D screenOfCanvas(double x, double y) {
        return fx(() -> {
            Point2D local = editor.canvasToLocal(x, y);
            return editor.localToScreen(local);
        });
    }

    /** Screen point of an editor-local point. */
    Point2D screenOfLocal(double x, double y) {
        return fx(() -> editor.localToScreen(x, y));
    }

    Bounds boundsInEditor(Node n) {
        return fx(() -> editor.sceneToLocal(n.localToScene(n.getLayoutBounds())));
    }
}
