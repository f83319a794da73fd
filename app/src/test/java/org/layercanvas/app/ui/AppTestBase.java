package org.layercanvas.app.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.ExtendWith;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.FileDialogs;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The real main window on a fresh stage per test, with file choosers answered by the test. */
@ExtendWith(ApplicationExtension.class)
abstract class AppTestBase extends FxRobot {
    /** Answers file choosers with queued paths (empty: the user cancelled). */
    static final class ScriptedDialogs implements FileDialogs {
        final Deque<Path> answers = new ArrayDeque<>();

        @Override
        public Optional<Path> chooseOpen(Window owner, Path folder) {
            return Optional.ofNullable(answers.poll());
        }

        @Override
        public Optional<Path> chooseSave(Window owner, Path folder, String suggestedName) {
            return Optional.ofNullable(answers.poll());
        }
    }

    Path home;
    ScriptedDialogs dialogs;
    AppContext app;
    MainWindow window;

    void open(Stage stage, NetworkDocument doc) {
        try {
            home = Files.createTempDirectory("layercanvas-ui");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        dialogs = new ScriptedDialogs();
        app = new AppContext(LayerCatalog.standard(), home, dialogs);
        app.applyTheme();
        window = MainWindow.open(app, new DocumentSession(app.catalog(), doc, null), stage);
    }

    static NetworkDocument digits() {
        return TestDocs.sample("digits-mlp");
    }

    DocumentSession session() {
        return window.session();
    }

    GraphEditor editor() {
        return window.editor();
    }

    NetworkDocument document() {
        return fx(() -> session().document());
    }

    Node nodeView(String id) {
        waitUntil(() -> editor().lookupAll(".graph-node").stream()
                .anyMatch(n -> id.equals(n.getProperties().get(GraphEditor.NODE_ID_KEY))));
        return lookup(".graph-node").match(n -> id.equals(n.getProperties().get(GraphEditor.NODE_ID_KEY))).query();
    }

    Node port(String nodeId, boolean input) {
        return from(nodeView(nodeId)).lookup(input ? ".graph-port.input" : ".graph-port.output").query();
    }

    Point2D screenOfCanvas(double x, double y) {
        return fx(() -> editor().localToScreen(editor().canvasToLocal(x, y)));
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits up to {@code seconds} for a condition read on the FX thread (training with a real worker). */
    static void waitSeconds(long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in " + seconds + " s", e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }
}
