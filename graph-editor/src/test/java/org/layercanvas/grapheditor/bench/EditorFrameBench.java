package org.layercanvas.grapheditor.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.grapheditor.GraphMinimap;
import org.layercanvas.grapheditor.GraphSnapshot;
import org.layercanvas.grapheditor.NodeModel;
import org.layercanvas.grapheditor.NodeState;
import org.layercanvas.grapheditor.PortKey;
import org.layercanvas.grapheditor.PortModel;
import org.layercanvas.grapheditor.WireModel;

/**
 * Frame-time benchmark of the editor with 500 nodes and 600 wires (not a test). Opens a 1280 x 800 stage, then
 * (a) drags one node across the canvas for 2 s with synthetic mouse events, (b) zooms in and out (0.25 to 1.6,
 * a cycle a second) for 8 s, then pans for 2 s at zoom 1 and at zoom 0.3, and prints the time between pulses for
 * each phase. The zoom phase's first 2 s are reported apart (code not yet compiled); the warm 6 s are the figure,
 * also split by the zoom each frame showed.
 *
 * <p>Run it with the window's JVM options: the app runs C1 only ({@code -XX:TieredStopAtLevel=1}, see
 * docs/ARCHITECTURE.md). With C2, its compiler threads take most of a core for the first seconds and compete with
 * the renderer on a 2-core machine.
 *
 * <p>Diagnostic switches (system properties) to see what costs what: {@code bench.empty} (no graph),
 * {@code bench.hideGrid}, {@code bench.hideWires}, {@code bench.hideNodes}, {@code bench.hideMinimap},
 * {@code bench.cacheWires}.
 *
 * <p>JavaFX caps pulses at 60 Hz, so with the cap every frame is at least 16.7 ms; by default this bench sets
 * {@code javafx.animation.fullspeed=true} so the numbers show what a frame really costs. Pass {@code --capped}
 * to measure with the normal 60 Hz pulse.
 *
 * <pre>
 * xvfb-run -a ./mvnw -q -pl graph-editor test-compile exec:exec -Dexec.classpathScope=test -Dexec.executable=java \
 *     -Dexec.args="-XX:TieredStopAtLevel=1 -cp %classpath org.layercanvas.grapheditor.bench.EditorFrameBench"
 * </pre>
 * (append {@code --capped} inside {@code exec.args} for the 60 Hz cap).
 */
public final class EditorFrameBench {
    private static final int NODES = 500;
    private static final int WIRES = 600;
    private static final double PHASE_SECONDS = 2.0;
    private static final double SETTLE_SECONDS = 1.0;
    /** Zooming runs longer: 2 s while the JIT compiles its code, then 6 s measured warm. */
    private static final double ZOOM_SECONDS = 8.0;

    private EditorFrameBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean capped = Arrays.asList(args).contains("--capped");
        if (!capped) {
            System.setProperty("javafx.animation.fullspeed", "true");
        }
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> start(capped, done));
        if (!done.await(120, TimeUnit.SECONDS)) {
            System.out.println("bench timed out");
        }
        Platform.exit();
    }

    private static void start(boolean capped, CountDownLatch done) {
        GraphEditor editor = new GraphEditor();
        GraphMinimap minimap = new GraphMinimap(editor);
        minimap.setMaxSize(200, 140);
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane root = new StackPane(editor, minimap);
        Stage stage = new Stage();
        stage.setScene(new Scene(root, 1280, 800));
        stage.setTitle("EditorFrameBench");
        long t0 = System.nanoTime();
        editor.setGraph(Boolean.getBoolean("bench.empty") ? GraphSnapshot.EMPTY : generate(NODES, WIRES));
        stage.show();
        editor.applyPendingGraph();

        Runner runner = new Runner(editor, () -> {
            stage.close();
            done.countDown();
        });
        System.out.printf("pipeline: %s, pulses: %s, nodes: %d, wires: %d%n", pipeline(),
                capped ? "capped at 60 Hz" : "uncapped (javafx.animation.fullspeed)", NODES, WIRES);
        Platform.runLater(() -> {
            System.out.printf("first show + graph: %.0f ms%n", (System.nanoTime() - t0) / 1e6);
            editor.centerOn("n250");
            if (Boolean.getBoolean("bench.cacheWires")) {
                editor.lookupAll(".graph-wire").forEach(n -> {
                    n.setCache(true);
                    n.setCacheHint(javafx.scene.CacheHint.SPEED);
                });
            }
            if (Boolean.getBoolean("bench.hideWires")) {
                editor.lookupAll(".graph-wire").forEach(n -> n.setVisible(false));
            }
            if (Boolean.getBoolean("bench.hideGrid")) {
                editor.getChildrenUnmodifiable().get(0).setVisible(false);
            }
            if (Boolean.getBoolean("bench.hideMinimap")) {
                minimap.setVisible(false);
            }
            if (Boolean.getBoolean("bench.hideNodes")) {
                editor.lookupAll(".graph-node").forEach(n -> n.setVisible(false));
            }
            runner.start();
        });
    }

    private static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            return p == null ? "?" : p.getClass().getSimpleName();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "?";
        }
    }

    /** Drives the phases from pulse to pulse and records the time between pulses. */
    private static final class Runner extends AnimationTimer {
        private final GraphEditor editor;
        private final Runnable onDone;
        private final List<Double> dragFrames = new ArrayList<>();
        private final List<Double> zoomColdFrames = new ArrayList<>();
        private final List<Double> zoomFrames = new ArrayList<>();
        /** The zoom each zoom frame was drawn at (set in the previous pulse), to see which zoom levels cost most. */
        private final List<Double> zoomAtFrame = new ArrayList<>();
        private final List<Double> panFrames1 = new ArrayList<>();
        private final List<Double> panFrames03 = new ArrayList<>();
        private long start = -1;
        private long last = -1;
        private Node dragged;
        private Point2D pressScene;
        private int phase;

        Runner(GraphEditor editor, Runnable onDone) {
            this.editor = editor;
            this.onDone = onDone;
        }

        @Override
        public void handle(long now) {
            if (start < 0) {
                start = now;
                last = now;
                return;
            }
            double frameMs = (now - last) / 1e6;
            last = now;
            double t = (now - start) / 1e9;
            if (phase == 0 && t >= SETTLE_SECONDS) {
                phase = 1;
                start = now;
                beginDrag();
                return;
            }
            if (phase == 1) {
                dragFrames.add(frameMs);
                if (t >= PHASE_SECONDS) {
                    endDrag(t);
                    phase = 2;
                    start = now;
                } else {
                    dragTo(t);
                }
                return;
            }
            if (phase == 2 && t >= 0.5) {
                phase = 3;
                start = now;
                return;
            }
            if (phase == 4) {
                if (panPhase(now, t, frameMs, panFrames1, 0.3)) {
                    phase = 5;
                }
                return;
            }
            if (phase == 5) {
                if (panPhase(now, t, frameMs, panFrames03, 1)) {
                    phase = 6;
                    stop();
                    report("drag one node", dragFrames);
                    report("zoom, first 2 s", zoomColdFrames);
                    report("zoom in/out  ", zoomFrames);
                    reportByZoom(zoomFrames, zoomAtFrame);
                    report("pan @ zoom 1 ", panFrames1);
                    report("pan @ zoom .3", panFrames03);
                    onDone.run();
                }
                return;
            }
            if (phase == 3) {
                // The first cycles run code the JIT has not compiled yet: reported apart from the warm ones.
                if (t < PHASE_SECONDS) {
                    zoomColdFrames.add(frameMs);
                } else {
                    zoomFrames.add(frameMs);
                    zoomAtFrame.add(editor.getZoom());
                }
                if (t >= ZOOM_SECONDS) {
                    phase = 4;
                    start = now;
                    editor.setZoom(1);
                } else {
                    // A cycle a second between zoom 0.25 and 1.6 around the centre.
                    double target = Math.exp(Math.log(0.25) + (Math.log(1.6) - Math.log(0.25))
                            * (0.5 + 0.5 * Math.cos(t * 2 * Math.PI)));
                    editor.zoomAt(target / editor.getZoom(), editor.getWidth() / 2, editor.getHeight() / 2);
                }
            }
        }

        private boolean panPhase(long now, double t, double frameMs, List<Double> into, double nextZoom) {
            if (t < 0.3) {
                return false;
            }
            into.add(frameMs);
            editor.panBy(3 * Math.cos(t * 4), 3 * Math.sin(t * 4));
            if (t >= PHASE_SECONDS) {
                start = now;
                editor.setZoom(nextZoom);
                return true;
            }
            return false;
        }

        private void beginDrag() {
            dragged = editor.lookupAll(".graph-node").stream()
                    .filter(n -> "n250".equals(n.getProperties().get(GraphEditor.NODE_ID_KEY)))
                    .findFirst().orElse(editor);
            Bounds b = dragged.localToScene(dragged.getLayoutBounds());
            pressScene = new Point2D(b.getCenterX(), b.getCenterY());
            fire(MouseEvent.MOUSE_PRESSED, pressScene);
        }

        private void dragTo(double t) {
            // Across the canvas and back: 500 px right and 200 px down, with a wobble.
            double f = t / PHASE_SECONDS;
            double dx = 500 * Math.sin(f * Math.PI);
            double dy = 200 * Math.sin(f * 2 * Math.PI);
            fire(MouseEvent.MOUSE_DRAGGED, pressScene.add(dx, dy));
        }

        private void endDrag(double t) {
            fire(MouseEvent.MOUSE_RELEASED, pressScene.add(500 * Math.sin(Math.PI * t / PHASE_SECONDS), 0));
        }

        private void fire(javafx.event.EventType<MouseEvent> type, Point2D scene) {
            Point2D screen = dragged.getScene().getWindow() == null ? scene
                    : new Point2D(scene.getX() + dragged.getScene().getWindow().getX(),
                            scene.getY() + dragged.getScene().getWindow().getY());
            MouseEvent e = new MouseEvent(type, scene.getX(), scene.getY(), screen.getX(), screen.getY(),
                    MouseButton.PRIMARY, 1, false, false, false, false, type != MouseEvent.MOUSE_RELEASED, false,
                    false, false, false, false, null);
            Event.fireEvent(dragged, e);
        }
    }

    private static void report(String name, List<Double> frames) {
        double[] a = frames.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (a.length == 0) {
            System.out.println(name + ": no frames");
            return;
        }
        double mean = Arrays.stream(a).average().orElse(0);
        System.out.printf("%s: frames %4d  mean %6.2f ms  p50 %6.2f ms  p95 %6.2f ms  max %7.2f ms%n", name,
                a.length, mean, pct(a, 50), pct(a, 95), a[a.length - 1]);
    }

    /** Frame times of the zoom phase in bands of the zoom they showed. */
    private static void reportByZoom(List<Double> frames, List<Double> zooms) {
        double[] edges = {0, 0.35, 0.5, 0.75, 1.0, 1.3, 10};
        for (int b = 0; b + 1 < edges.length; b++) {
            List<Double> band = new ArrayList<>();
            // Frame i shows the zoom set while handling pulse i - 1.
            for (int i = 1; i < frames.size() && i <= zooms.size(); i++) {
                double z = zooms.get(i - 1);
                if (z >= edges[b] && z < edges[b + 1]) {
                    band.add(frames.get(i));
                }
            }
            report(String.format("  zoom %.2f-%.2f", edges[b], Math.min(edges[b + 1], GraphEditor.MAX_ZOOM)), band);
        }
    }

    private static double pct(double[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** 500 nodes on a grid, each wired to the next and to a few further down, wires labelled with shapes. */
    static GraphSnapshot generate(int n, int wires) {
        PortModel in = new PortModel("in", "input", true);
        PortModel out = new PortModel("out", "output", false);
        String[] categories = {"dense", "conv", "activation", "pooling", "normalization"};
        List<NodeModel> nodes = new ArrayList<>();
        int cols = (int) Math.ceil(Math.sqrt(n));
        for (int i = 0; i < n; i++) {
            NodeState s = i % 37 == 5 ? NodeState.ERROR : i % 23 == 7 ? NodeState.WARNING : NodeState.NORMAL;
            nodes.add(new NodeModel("n" + i, "Layer " + i, "Dense, " + (16 << (i % 5)) + " units, relu",
                    (i * 7 % 100) + "k", i % 4 == 0 ? "mdi2l-layers-outline" : null, categories[i % categories.length],
                    List.of(in), List.of(out), (i % cols) * 240, (i / cols) * 160, s, "Layer " + i));
        }
        List<WireModel> ws = new ArrayList<>();
        for (int i = 0; i + 1 < n && ws.size() < wires; i++) {
            ws.add(wire(ws.size(), i, i + 1));
        }
        for (int i = 0; ws.size() < wires; i++) {
            int from = (i * 13) % (n - cols - 1);
            ws.add(wire(ws.size(), from, from + cols + (i % 3)));
        }
        return new GraphSnapshot(nodes, ws);
    }

    private static WireModel wire(int id, int from, int to) {
        String label = switch (id % 3) {
            case 0 -> String.valueOf(16 << (id % 5));
            case 1 -> "32x32x" + (id % 8 + 1);
            default -> "";
        };
        return new WireModel("w" + id, new PortKey("n" + from, "out"), new PortKey("n" + to, "in"), label,
                NodeState.NORMAL);
    }
}
