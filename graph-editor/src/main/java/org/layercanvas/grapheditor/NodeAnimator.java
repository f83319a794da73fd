package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.Interpolator;
import javafx.animation.Transition;
import javafx.geometry.Point2D;
import javafx.util.Duration;

/** Moves node views (not the graph) to new positions over time; at most one animation runs at once. */
final class NodeAnimator {
    private final SnapshotReconciler views;
    private final Consumer<Collection<String>> nodesMoved;
    private Transition running;

    /** @param nodesMoved after each step, with the ids of the nodes that moved (their wires must follow) */
    NodeAnimator(SnapshotReconciler views, Consumer<Collection<String>> nodesMoved) {
        this.views = views;
        this.nodesMoved = nodesMoved;
    }

    /** See {@link GraphEditor#animateTo}. */
    void animate(Map<String, Point2D> positions, Duration duration, Runnable onFinished) {
        stop();
        Map<NodeView, Point2D[]> moves = new LinkedHashMap<>();
        positions.forEach((id, to) -> {
            NodeView v = views.nodeViews().get(id);
            if (v != null) {
                moves.put(v, new Point2D[] {new Point2D(v.getLayoutX(), v.getLayoutY()), to});
            }
        });
        List<String> ids = new ArrayList<>();
        moves.keySet().forEach(v -> ids.add(v.nodeId()));
        // The views now follow the animation, not the snapshot, until it ends.
        views.transientNodes().addAll(ids);
        Transition t = new Transition() {
            {
                setCycleDuration(duration == null || duration.lessThan(Duration.ONE) ? Duration.ONE : duration);
                setInterpolator(Interpolator.EASE_BOTH);
            }

            @Override
            protected void interpolate(double f) {
                moves.forEach((v, ft) -> v.relocate(ft[0].getX() + (ft[1].getX() - ft[0].getX()) * f,
                        ft[0].getY() + (ft[1].getY() - ft[0].getY()) * f));
                nodesMoved.accept(ids);
            }
        };
        t.setOnFinished(e -> {
            running = null;
            ids.forEach(views.transientNodes()::remove);
            if (onFinished != null) {
                onFinished.run();
            }
        });
        running = t;
        t.play();
    }

    /** Stops a running animation where it is, without its callback. */
    void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }
}
