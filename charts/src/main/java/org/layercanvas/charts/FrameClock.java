package org.layercanvas.charts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Asks the FX thread for a chart's frame at a fixed rate, only while the chart is in a showing window.
 *
 * <p>Redraws come from a small shared clock thread, not from an AnimationTimer: a running AnimationTimer makes
 * JavaFX pulse 60 times a second for as long as the chart is shown, which costs CPU that training (sharing the
 * machine's cores) needs. The clock stops when the window hides or the chart leaves it: its thread would
 * otherwise keep a closed window (whose scene still holds the chart) alive, and draw for nobody.
 */
final class FrameClock {
    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-chart-frames");
        t.setDaemon(true);
        return t;
    });

    private final Node node;
    private final Runnable frame;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile int framesPerSecond;
    private ScheduledFuture<?> task;

    /**
     * @param node  the chart: the clock runs while it is in a showing window
     * @param frame run on the FX thread at each tick (at most one queued at a time)
     */
    FrameClock(Node node, int framesPerSecond, Runnable frame) {
        this.node = node;
        this.frame = frame;
        this.framesPerSecond = framesPerSecond;
        followWindow();
    }

    private void followWindow() {
        ChangeListener<Boolean> showing = (obs, o, n) -> update();
        ChangeListener<Window> window = (obs, o, n) -> {
            if (o != null) {
                o.showingProperty().removeListener(showing);
            }
            if (n != null) {
                n.showingProperty().addListener(showing);
            }
            update();
        };
        node.sceneProperty().addListener((obs, o, n) -> {
            if (o != null) {
                o.windowProperty().removeListener(window);
                if (o.getWindow() != null) {
                    o.getWindow().showingProperty().removeListener(showing);
                }
            }
            if (n != null) {
                n.windowProperty().addListener(window);
                if (n.getWindow() != null) {
                    n.getWindow().showingProperty().addListener(showing);
                }
            }
            update();
        });
    }

    /** Starts or stops the clock for where the chart is now. */
    void update() {
        Scene scene = node.getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            start();
        } else {
            stop();
        }
    }

    /** A new rate; a running clock restarts at it. */
    void setFramesPerSecond(int fps) {
        framesPerSecond = fps;
        if (task != null) {
            stop();
            start();
        }
    }

    boolean isRunning() {
        return task != null;
    }

    private void start() {
        if (task == null) {
            task = TICKS.scheduleAtFixedRate(this::tick, 0, 1000 / framesPerSecond, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }

    private void tick() {
        if (queued.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                queued.set(false);
                frame.run();
            });
        }
    }
}
