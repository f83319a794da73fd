package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.app.testutil.HeapPath;
import org.layercanvas.charts.LiveChart;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Closed windows are collected: a second window is opened, its data and training tabs are used (background loads,
 * chart timers), it trains one epoch and is closed; after a forced GC the window, its stage, its charts, its view
 * models and its task executor are gone, and its background thread has ended. Under Monocle the window system
 * keeps the last focused window until another one takes the focus (a real desktop moves the focus on close), so
 * the test gives the focus back to the first window as the desktop would (and moves the mouse there: TestFX and
 * Monocle's mouse remember the window they were last in). A failure names the chain of fields that keeps the object.
 */
class WindowLeakTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, DocumentSession.emptyDocument());
    }

    @Test
    void aClosedWindowItsChartsViewModelsAndExecutorAreCollected() throws Exception {
        long tasksBefore = taskThreads(); // other test classes' windows may still have theirs in this JVM
        Map<String, WeakReference<Object>> refs = openUseAndClose();
        interact(() -> window.stage().requestFocus());
        targetWindow(window.stage()); // TestFX remembers the window it last clicked in
        moveTo(window.editor()); // and Monocle the window the mouse was last over
        assertThat(app.windows()).containsExactly(window);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (refs.values().stream().anyMatch(r -> r.get() != null) && System.nanoTime() < deadline) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
        }
        for (Map.Entry<String, WeakReference<Object>> e : refs.entrySet()) {
            Object alive = e.getValue().get();
            assertThat(alive).as(() -> e.getKey() + " is still reachable:\n"
                    + HeapPath.to(alive, List.of("javafx", "monocle", "testfx", "layercanvas", "classes"))).isNull();
        }
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> taskThreads() <= Math.max(1, tasksBefore));
        // the open window's charts still draw
        boolean anyRunning = fx(() -> window.stage().getScene().getRoot().lookupAll("*").stream()
                .filter(LiveChart.class::isInstance).map(LiveChart.class::cast)
                .anyMatch(LiveChart::isFrameTimerRunning));
        assertThat(anyRunning).isTrue();
    }

    private static long taskThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> t.getName().equals("layercanvas-window-tasks")).count();
    }

    private static void waitFor(long seconds, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
    }

    private Map<String, WeakReference<Object>> openUseAndClose() throws Exception {
        Map<String, WeakReference<Object>> refs = new LinkedHashMap<>();
        List<MainWindow> holder = new ArrayList<>();
        interact(() -> {
            MainWindow second = MainWindow.open(app, new DocumentSession(app.catalog(), digits(), null), new Stage());
            holder.add(second);
            refs.put("the window", new WeakReference<>(second));
            refs.put("its stage", new WeakReference<>(second.stage()));
            refs.put("its task executor", new WeakReference<>(second.tasks()));
            refs.put("its training view model", new WeakReference<>(second.training()));
            refs.put("its inspector view model", new WeakReference<>(second.inspector().model()));
            refs.put("its evaluation view model", new WeakReference<>(second.evaluation().model()));
            refs.put("its runs view model", new WeakReference<>(second.runs().model()));
            for (Node chart : second.stage().getScene().getRoot().lookupAll("*")) {
                if (chart instanceof LiveChart) {
                    refs.put("chart " + chart.getId(), new WeakReference<>(chart));
                }
            }
        });
        MainWindow second = holder.remove(0);
        assertThat(refs.keySet().stream().filter(k -> k.startsWith("chart"))).as("the window has live charts")
                .hasSizeGreaterThan(1);
        // the tabs that load in the background, and a run: data preview, dashboard, evaluation, runs
        clickOn("Data");
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        clickOn("Training");
        interact(() -> second.session().execute(org.layercanvas.app.document.DocumentCommands.setTraining(
                second.session().document().training().withEpochs(1))));
        interact(second::run);
        waitFor(90, () -> second.training().evaluationProperty().get() != null);
        waitFor(10, () -> !second.training().busyProperty().get());
        interact(() -> second.session().commands().undo()); // back to the saved state: closing asks nothing
        assertThat(second.session().commands().isDirty()).isFalse();
        interact(() -> second.stage().fireEvent(new WindowEvent(second.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.stage().isShowing()).isFalse();
        assertThat(second.tasks().isClosed()).isTrue();
        return refs;
    }
}
