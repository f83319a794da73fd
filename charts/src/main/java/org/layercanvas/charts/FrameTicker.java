package org.layercanvas.charts;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * Asks the FX thread for a frame at most {@link #setFramesPerSecond n} times a second, while a node is in a
 * showing window.
 *
 * <p>The ticks come from a small shared clock thread, not from an AnimationTimer: a running AnimationTimer makes
 * JavaFX pulse 60 times a second for as long as the chart is shown, which costs CPU that training (sharing the
 * machine's cores) needs. The clock only runs while the node is in a showing window: its thread would otherwise
 * keep a closed window (whose scene still holds the chart) alive, and draw for nobody.
 */
final class FrameTicker {
    static final int DEFAULT_FRAMES_PER_SECOND = 30;

    private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-chart-frames");
        t.setDaemon(true);
        return t;
    });

    /** Makes a frame on the FX thread; returns whether it drew anything. */
    private final BooleanSupplier frame;
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile int framesPerSecond = DEFAULT_FRAMES_PER_SECOND;
    private volatile long minFrameNanos = frameNanos(DEFAULT_FRAMES_PER_SECOND);
    private long lastFrameNanos;
    private ScheduledFuture<?> task;

    FrameTicker(BooleanSupplier frame) {
        this.frame = frame;
    }

    /** Starts and stops the clock as {@code node} enters and leaves a showing window. */
    void followShowing(Node node) {
        ChangeListener<Boolean> showing = (obs, o, n) -> update(node);
        ChangeListener<Window> window = (obs, o, n) -> {
            if (o != null) {
                o.showingProperty().removeListener(showing);
            }
            if (n != null) {
                n.showingProperty().addListener(showing);
            }
            update(node);
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
            update(node);
        });
    }

    private void update(Node node) {
        Scene scene = node.getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            start();
        } else {
            stop();
        }
    }

    /** Clamped to 1..60. Restarts a running clock so that it ticks at the new rate. */
    void setFramesPerSecond(int framesPerSecond) {
        int fps = Math.max(1, Math.min(60, framesPerSecond));
        minFrameNanos = frameNanos(fps);
        this.framesPerSecond = fps;
        if (task != null) {
            stop();
            start();
        }
    }

    int getFramesPerSecond() {
        return framesPerSecond;
    }

    boolean isRunning() {
        return task != null;
    }

    void start() {
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
                long now = System.nanoTime();
                if (now - lastFrameNanos >= minFrameNanos && frame.getAsBoolean()) {
                    lastFrameNanos = now;
                }
            });
        }
    }

    /** A little under one frame's time, so that ticks that come a bit early still draw. */
    private static long frameNanos(int framesPerSecond) {
        return 1_000_000_000L / framesPerSecond - 2_000_000L;
    }
}
