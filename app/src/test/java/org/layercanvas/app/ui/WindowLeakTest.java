package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.charts.LiveChart;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A closed window lets go of what would keep it alive: the app forgets it, its charts stop their frame timers
 * (whose shared thread would otherwise hold them), and its background thread ends. (Whether the whole window is
 * then collected cannot be checked here: under Monocle even a closed bare Stage stays reachable.)
 */
class WindowLeakTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, DocumentSession.emptyDocument());
    }

    @Test
    void aClosedWindowIsLetGoByTheAppItsChartsStopAndItsThreadEnds() throws Exception {
        List<WeakReference<Object>> refs = openUseAndClose();
        MainWindow closed = (MainWindow) refs.get(0).get();
        assertThat(app.windows()).doesNotContain(closed).contains(window);
        assertThat(closed.tasks().isClosed()).isTrue();
        for (WeakReference<Object> r : refs.subList(2, refs.size())) {
            LiveChart chart = (LiveChart) r.get();
            assertThat(chart.isFrameTimerRunning()).as(chart.getId() + "'s frame timer").isFalse();
        }
        // the open window's charts still draw
        boolean anyRunning = fx(() -> window.stage().getScene().getRoot().lookupAll("*").stream()
                .filter(LiveChart.class::isInstance).map(LiveChart.class::cast)
                .anyMatch(LiveChart::isFrameTimerRunning));
        assertThat(anyRunning).isTrue();
        WaitForAsyncUtils.waitFor(5, java.util.concurrent.TimeUnit.SECONDS, () -> Thread.getAllStackTraces().keySet()
                .stream().filter(Thread::isAlive).filter(t -> t.getName().equals("layercanvas-window-tasks"))
                .count() <= 1);
    }

    private List<WeakReference<Object>> openUseAndClose() {
        List<WeakReference<Object>> refs = new ArrayList<>();
        interact(() -> {
            MainWindow second = MainWindow.open(app, new DocumentSession(app.catalog(), digits(), null), new Stage());
            refs.add(new WeakReference<>(second));
            refs.add(new WeakReference<>(second.stage()));
            for (Node chart : second.stage().getScene().getRoot().lookupAll("*")) {
                if (chart instanceof LiveChart) {
                    refs.add(new WeakReference<>(chart));
                }
            }
        });
        MainWindow second = (MainWindow) refs.get(0).get();
        assertThat(refs.size()).as("the window has live charts").isGreaterThan(2);
        // the tabs that load in the background: data preview and evaluation
        clickOn("Data");
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        clickOn("Training");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> second.stage().fireEvent(new WindowEvent(second.stage(), WindowEvent.WINDOW_CLOSE_REQUEST)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(second.stage().isShowing()).isFalse();
        return refs;
    }

}
