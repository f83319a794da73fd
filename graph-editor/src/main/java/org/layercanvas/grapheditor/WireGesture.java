package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.shape.CubicCurve;
import javafx.util.Duration;

/**
 * Drawing a wire from an output port, or dragging a connected one off its input: highlights the ports the
 * {@link ConnectionPolicy} accepts, snaps to the nearest, shows why a port refuses, and on release reports
 * connect, reconnect, delete or opens the create menu.
 */
final class WireGesture {
    /** How near (screen pixels) the cursor must be to an input port for a wire to snap to it. */
    private static final double PORT_SNAP = 22;
    private static final Duration REFUSAL_LINGER = Duration.seconds(2);

    private final GraphEditor editor;
    private final GraphEditorSkin skin;
    private final Label refusal = new Label();
    private final PauseTransition refusalTimer = new PauseTransition(REFUSAL_LINGER);
    /** The curve that follows the mouse. */
    private final CubicCurve dangling;
    private final List<Candidate> candidates = new ArrayList<>();
    private PortKey wireFrom;
    private Point2D wireStart;
    /** The wire being dragged off its input port, or null when a new wire is drawn. */
    private WireView detached;
    private Candidate target;

    private record Candidate(PortView port, Point2D center, ConnectionPolicy.Verdict verdict) {
    }

    WireGesture(GraphEditor editor, GraphEditorSkin skin) {
        this.editor = editor;
        this.skin = skin;
        refusal.getStyleClass().add(GraphEditorStyles.REFUSAL);
        refusal.setManaged(false);
        refusal.setVisible(false);
        refusal.setMouseTransparent(true);
        refusal.setWrapText(true);
        refusal.setMaxWidth(320);
        refusalTimer.setOnFinished(e -> refusal.setVisible(false));
        dangling = new CubicCurve();
        dangling.getStyleClass().addAll(GraphEditorStyles.WIRE, GraphEditorStyles.DANGLING);
        dangling.setFill(null);
        dangling.setMouseTransparent(true);
        dangling.setVisible(false);
        skin.dragLayer().getChildren().add(dangling);
        skin.overlay().getChildren().add(refusal);
    }

    boolean isActive() {
        return wireFrom != null;
    }

    /**
     * A press on a port: an output starts a new wire; a connected input takes its wire along, as if drawn again
     * from its source. Returns whether a wire drag started.
     */
    boolean press(PortView port) {
        if (!port.isInput()) {
            start(port);
            return true;
        }
        WireView into = wireInto(port.key());
        if (into == null) {
            return false;
        }
        NodeView source = skin.views().nodeViews().get(into.model().from().nodeId());
        PortView out = source == null ? null : source.outputs().stream()
                .filter(o -> o.key().equals(into.model().from())).findFirst().orElse(null);
        if (out != null) {
            start(out);
            detached = into;
            into.setVisible(false);
        }
        return true;
    }

    private void start(PortView port) {
        wireFrom = port.key();
        NodeView owner = skin.views().nodeViews().get(wireFrom.nodeId());
        wireStart = owner.portCenterInCanvas(wireFrom.port(), false);
        candidates.clear();
        target = null;
        ConnectionPolicy policy = editor.policy();
        for (NodeView v : skin.views().nodeViews().values()) {
            for (PortView in : v.inputs()) {
                ConnectionPolicy.Verdict verdict = policy.check(wireFrom, in.key());
                if (verdict == null) {
                    verdict = ConnectionPolicy.Verdict.OK;
                }
                candidates.add(new Candidate(in, v.portCenterInCanvas(in.key().port(), true), verdict));
                in.pseudoClassStateChanged(GraphEditorStyles.COMPATIBLE, verdict.allowed());
                in.pseudoClassStateChanged(GraphEditorStyles.INCOMPATIBLE, !verdict.allowed());
            }
        }
        WireView.shape(dangling, wireStart, wireStart);
        dangling.setVisible(true);
    }

    void drag(Point2D nowLocal) {
        if (!isActive()) {
            return;
        }
        Point2D p = editor.localToCanvas(nowLocal.getX(), nowLocal.getY());
        Candidate next = findTarget(p);
        if (next != target) {
            if (target != null) {
                target.port().pseudoClassStateChanged(GraphEditorStyles.DROP_TARGET, false);
            }
            target = next;
            if (target != null) {
                target.port().pseudoClassStateChanged(GraphEditorStyles.DROP_TARGET, true);
            }
        }
        WireView.shape(dangling, wireStart, target != null ? target.center() : p);
        if (target != null && !target.verdict().allowed()) {
            showRefusal(target.verdict().reason(), nowLocal, false);
        } else if (refusalTimer.getStatus() != Animation.Status.RUNNING) {
            refusal.setVisible(false);
        }
    }

    /** The input port the wire would go to: the nearest within snapping distance, or the best of the node under the cursor. */
    private Candidate findTarget(Point2D p) {
        double snap = PORT_SNAP / skin.viewport().appliedZoom();
        Candidate best = null;
        double bestD = snap;
        for (Candidate c : candidates) {
            double d = c.center().distance(p);
            if (d <= bestD) {
                best = c;
                bestD = d;
            }
        }
        if (best != null) {
            return best;
        }
        NodeView under = nodeAt(p);
        return under == null || under.inputs().isEmpty() ? null : bestPortOf(under, p);
    }

    /** Prefers a port that accepts the wire; among equals, the nearest. */
    private Candidate bestPortOf(NodeView v, Point2D p) {
        Candidate nearest = null;
        double nd = Double.MAX_VALUE;
        for (Candidate c : candidates) {
            if (c.port().getParent() == v) {
                double d = c.center().distance(p) + (c.verdict().allowed() ? 0 : 1e6);
                if (d < nd) {
                    nearest = c;
                    nd = d;
                }
            }
        }
        return nearest;
    }

    /** The first node (in graph order) with inputs under a canvas point, else the first node at all, or null. */
    private NodeView nodeAt(Point2D p) {
        NodeView any = null;
        for (NodeView v : skin.views().nodeViews().values()) {
            if (p.getX() >= v.getLayoutX() && p.getX() <= v.getLayoutX() + v.effectiveWidth()
                    && p.getY() >= v.getLayoutY() && p.getY() <= v.getLayoutY() + v.effectiveHeight()) {
                if (!v.inputs().isEmpty()) {
                    return v;
                }
                if (any == null) {
                    any = v;
                }
            }
        }
        return any;
    }

    /** The wire that ends at input {@code key}, or null. */
    private WireView wireInto(PortKey key) {
        for (WireView w : skin.views().wireViews().values()) {
            if (w.model().to().equals(key)) {
                return w;
            }
        }
        return null;
    }

    void release(Point2D nowLocal, boolean dragged) {
        if (!isActive()) {
            return;
        }
        Point2D p = editor.localToCanvas(nowLocal.getX(), nowLocal.getY());
        drag(nowLocal);
        Candidate t = target;
        PortKey from = wireFrom;
        WireView was = detached;
        cancel();
        boolean onEmptyCanvas = dragged && nodeAt(p) == null;
        if (was != null) {
            releaseDetached(was, from, t, nowLocal, onEmptyCanvas);
        } else if (t != null) {
            if (t.verdict().allowed()) {
                editor.intents().connect(from, t.port().key());
            } else {
                refuse(t, nowLocal);
            }
        } else if (onEmptyCanvas) {
            // Dropped on empty canvas: offer to create a node there, wired from this port. The dangling wire stays
            // until the menu closes.
            WireView.shape(dangling, wireStart, p);
            dangling.setVisible(true);
            editor.showCreateMenu(p, from);
        }
    }

    /** A wire dragged off its input: back in place, to another input, or (dropped on empty canvas) deleted. */
    private void releaseDetached(WireView was, PortKey from, Candidate t, Point2D nowLocal, boolean onEmptyCanvas) {
        String id = was.model().id();
        if (t != null && t.port().key().equals(was.model().to())) {
            return;
        }
        if (t != null && t.verdict().allowed()) {
            editor.intents().reconnect(id, from, t.port().key());
        } else if (t != null) {
            refuse(t, nowLocal);
        } else if (onEmptyCanvas) {
            editor.intents().delete(Set.of(), Set.of(id));
        }
    }

    private void refuse(Candidate t, Point2D nowLocal) {
        editor.setLastRefusal(t.verdict().reason());
        showRefusal(t.verdict().reason(), nowLocal, true);
    }

    /** Clears port highlights and hides the dangling curve. */
    void cancel() {
        if (detached != null) {
            detached.setVisible(true);
            detached = null;
        }
        for (Candidate c : candidates) {
            c.port().pseudoClassStateChanged(GraphEditorStyles.COMPATIBLE, false);
            c.port().pseudoClassStateChanged(GraphEditorStyles.INCOMPATIBLE, false);
            c.port().pseudoClassStateChanged(GraphEditorStyles.DROP_TARGET, false);
        }
        candidates.clear();
        target = null;
        wireFrom = null;
        dangling.setVisible(false);
        if (refusalTimer.getStatus() != Animation.Status.RUNNING) {
            refusal.setVisible(false);
        }
    }

    /** The create menu opened by a drop on empty canvas closed: its dangling wire goes too. */
    void createMenuClosed() {
        if (!isActive()) {
            dangling.setVisible(false);
        }
    }

    private void showRefusal(String reason, Point2D at, boolean linger) {
        refusal.setText(reason == null || reason.isEmpty() ? "\u2715" : reason);
        refusal.autosize();
        refusal.applyCss();
        refusal.autosize();
        double x = Math.min(at.getX() + 14, editor.getWidth() - refusal.getWidth() - 4);
        double y = Math.min(at.getY() + 18, editor.getHeight() - refusal.getHeight() - 4);
        refusal.relocate(Math.max(4, x), Math.max(4, y));
        refusal.setVisible(true);
        if (linger) {
            refusalTimer.playFromStart();
        } else {
            refusalTimer.stop();
        }
    }
}
