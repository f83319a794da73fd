package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.animation.PauseTransition;
import javafx.event.EventTarget;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.shape.CubicCurve;
import javafx.scene.shape.Rectangle;
import javafx.util.Duration;

/** Mouse, wheel, pinch and keyboard handling of a {@link GraphEditor}. Reports intents; never edits the graph. */
final class EditorGestures {
    /** Mouse travel (screen pixels) before a press becomes a drag. */
    private static final double DRAG_SLOP = 3;
    /** How near (screen pixels) the cursor must be to an input port for a wire to snap to it. */
    private static final double PORT_SNAP = 22;
    /** How near (screen pixels) a click must be to a wire to select it. */
    private static final double WIRE_PICK = 6;
    private static final Duration REFUSAL_LINGER = Duration.seconds(2);

    private enum Mode { NONE, PAN, RUBBER_BAND, MOVE, WIRE }

    private final GraphEditor editor;
    private final Rectangle band = new Rectangle();
    private final Label refusal = new Label();
    private final PauseTransition refusalTimer = new PauseTransition(REFUSAL_LINGER);
    private final CubicCurve dangling;

    private Mode mode = Mode.NONE;
    private Point2D pressLocal;
    private Point2D lastLocal;
    private Point2D mouseLocal;
    private boolean dragging;
    private boolean spaceDown;
    private boolean spaceUsed;

    // moving nodes
    private String pressedNode;
    private boolean deselectOthersOnRelease;
    private final Map<String, Point2D> moveStart = new LinkedHashMap<>();
    private final Map<String, Point2D> moveNow = new LinkedHashMap<>();

    // rubber band
    private boolean bandAdds;
    private Set<String> bandBase = Set.of();

    // wiring
    private PortKey wireFrom;
    private Point2D wireStart;
    /** The wire being dragged off its input port, or null when a new wire is drawn. */
    private WireView detached;
    private final List<Candidate> candidates = new ArrayList<>();
    private Candidate target;

    private record Candidate(PortView port, Point2D center, ConnectionPolicy.Verdict verdict) {
    }

    EditorGestures(GraphEditor editor) {
        this.editor = editor;
        band.getStyleClass().add(GraphEditorStyles.RUBBER_BAND);
        band.setManaged(false);
        band.setVisible(false);
        band.setMouseTransparent(true);
        refusal.getStyleClass().add(GraphEditorStyles.REFUSAL);
        refusal.setManaged(false);
        refusal.setVisible(false);
        refusal.setMouseTransparent(true);
        refusal.setWrapText(true);
        refusal.setMaxWidth(320);
        refusalTimer.setOnFinished(e -> refusal.setVisible(false));
        dangling = editor.newDanglingCurve();
        dangling.setVisible(false);
        editor.dragLayer().getChildren().add(dangling);
        editor.overlay().getChildren().addAll(band, refusal);

        editor.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        editor.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        editor.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        editor.addEventHandler(MouseEvent.MOUSE_CLICKED, this::onClicked);
        editor.addEventHandler(MouseEvent.MOUSE_MOVED, e -> mouseLocal = local(e));
        editor.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        editor.addEventHandler(ZoomEvent.ZOOM, this::onZoom);
        editor.addEventHandler(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        editor.addEventHandler(KeyEvent.KEY_RELEASED, this::onKeyReleased);
    }

    // ---------------------------------------------------------------- hit testing

    private Point2D local(MouseEvent e) {
        return editor.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    private Point2D canvas(Point2D local) {
        return editor.localToCanvas(local.getX(), local.getY());
    }

    private boolean inCreateMenu(EventTarget t) {
        for (Node n = t instanceof Node node ? node : null; n != null && n != editor; n = n.getParent()) {
            if (n == editor.createMenu()) {
                return true;
            }
        }
        return false;
    }

    private static <T> T ancestor(EventTarget t, Class<T> type, Node stop) {
        for (Node n = t instanceof Node node ? node : null; n != null && n != stop; n = n.getParent()) {
            if (type.isInstance(n)) {
                return type.cast(n);
            }
        }
        return null;
    }

    /** Wire under the mouse when nothing else is: within a few screen pixels of its curve. */
    private WireView wireAt(EventTarget t, Point2D local) {
        if (ancestor(t, NodeView.class, editor) != null) {
            return null;
        }
        return editor.wireAt(canvas(local), WIRE_PICK / editor.appliedZoom());
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent e) {
        if (inCreateMenu(e.getTarget())) {
            return;
        }
        editor.hideCreateMenu();
        editor.requestFocus();
        pressLocal = local(e);
        lastLocal = pressLocal;
        dragging = false;
        mode = Mode.NONE;
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && spaceDown)) {
            mode = Mode.PAN;
            spaceUsed = true;
            editor.setCursor(Cursor.CLOSED_HAND);
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        boolean toggle = e.isShiftDown() || e.isShortcutDown() || e.isControlDown();
        PortView port = ancestor(e.getTarget(), PortView.class, editor);
        NodeView node = ancestor(e.getTarget(), NodeView.class, editor);
        WireView wire = port == null && node == null ? wireAt(e.getTarget(), pressLocal) : null;
        WireView into = port != null && port.isInput() ? wireInto(port.key()) : null;
        if (port != null && !port.isInput()) {
            startWire(port);
        } else if (into != null) {
            // Grabbing a connected input takes its wire along, as if drawn again from its source.
            NodeView source = editor.nodeViews().get(into.model().from().nodeId());
            PortView out = source == null ? null : source.outputs().stream()
                    .filter(o -> o.key().equals(into.model().from())).findFirst().orElse(null);
            if (out != null) {
                startWire(out);
                detached = into;
                into.setVisible(false);
            }
        } else if (node != null) {
            pressNode(node.nodeId(), toggle);
        } else if (wire != null) {
            String id = wire.model().id();
            if (toggle) {
                if (!editor.getSelectedWires().remove(id)) {
                    editor.getSelectedWires().add(id);
                }
            } else {
                editor.selectWire(id);
            }
        } else {
            mode = Mode.RUBBER_BAND;
            bandAdds = toggle;
            bandBase = toggle ? new HashSet<>(editor.getSelectedNodes()) : Set.of();
        }
        e.consume();
    }

    private void pressNode(String id, boolean toggle) {
        pressedNode = id;
        deselectOthersOnRelease = false;
        if (toggle) {
            editor.toggleSelection(id);
            if (!editor.getSelectedNodes().contains(id)) {
                return;
            }
        } else if (!editor.getSelectedNodes().contains(id)) {
            editor.select(id);
        } else {
            // Keep a multi-selection so it can be dragged; a plain click (no drag) selects only this node.
            deselectOthersOnRelease = editor.getSelectedNodes().size() > 1 || !editor.getSelectedWires().isEmpty();
        }
        mode = Mode.MOVE;
    }

    private void onDragged(MouseEvent e) {
        if (mode == Mode.NONE) {
            return;
        }
        Point2D now = local(e);
        if (!dragging && now.distance(pressLocal) >= DRAG_SLOP) {
            dragging = true;
            if (mode == Mode.MOVE) {
                startMove();
            }
        }
        switch (mode) {
            case PAN -> editor.panBy(now.getX() - lastLocal.getX(), now.getY() - lastLocal.getY());
            case MOVE -> {
                if (dragging) {
                    dragMove(now);
                }
            }
            case RUBBER_BAND -> {
                if (dragging) {
                    dragBand(now);
                }
            }
            case WIRE -> dragWire(now);
            default -> {
            }
        }
        lastLocal = now;
        mouseLocal = now;
        e.consume();
    }

    private void onReleased(MouseEvent e) {
        if (mode == Mode.NONE) {
            return;
        }
        Point2D now = local(e);
        switch (mode) {
            case PAN -> editor.setCursor(spaceDown ? Cursor.OPEN_HAND : null);
            case MOVE -> {
                if (dragging) {
                    finishMove(now);
                } else if (deselectOthersOnRelease) {
                    editor.select(pressedNode);
                }
            }
            case RUBBER_BAND -> {
                if (dragging) {
                    band.setVisible(false);
                } else if (!bandAdds) {
                    editor.clearSelection();
                }
            }
            case WIRE -> finishWire(now);
            default -> {
            }
        }
        mode = Mode.NONE;
        dragging = false;
        e.consume();
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || !e.isStillSincePress()
                || inCreateMenu(e.getTarget())) {
            return;
        }
        NodeView node = ancestor(e.getTarget(), NodeView.class, editor);
        if (node != null) {
            editor.intents().inspect(node.nodeId());
        } else if (wireAt(e.getTarget(), local(e)) == null) {
            editor.showCreateMenu(canvas(local(e)), null);
        }
        e.consume();
    }

    // ---------------------------------------------------------------- moving nodes

    private void startMove() {
        moveStart.clear();
        for (String id : editor.getSelectedNodes()) {
            NodeView v = editor.nodeViews().get(id);
            if (v != null) {
                moveStart.put(id, new Point2D(v.getLayoutX(), v.getLayoutY()));
            }
        }
        editor.transientNodes().addAll(moveStart.keySet());
    }

    private void dragMove(Point2D now) {
        double z = editor.appliedZoom();
        double dx = (now.getX() - pressLocal.getX()) / z;
        double dy = (now.getY() - pressLocal.getY()) / z;
        moveNow.clear();
        moveStart.forEach((id, start) -> {
            Point2D p = editor.snap(start.add(dx, dy));
            moveNow.put(id, p);
            editor.nodeViews().get(id).relocate(p.getX(), p.getY());
        });
        editor.updateWiresOf(moveStart.keySet());
    }

    private void finishMove(Point2D now) {
        dragMove(now);
        Map<String, Point2D> result = new LinkedHashMap<>();
        moveNow.forEach((id, p) -> {
            if (!p.equals(moveStart.get(id))) {
                result.put(id, p);
            }
        });
        editor.transientNodes().removeAll(moveStart.keySet());
        moveStart.clear();
        if (!result.isEmpty()) {
            // The view stays where it was dropped; the snapshot the application sends back confirms (or undoes) it.
            editor.intents().moveNodes(Map.copyOf(result));
        }
    }

    // ---------------------------------------------------------------- rubber band

    private void dragBand(Point2D now) {
        double x = Math.min(now.getX(), pressLocal.getX());
        double y = Math.min(now.getY(), pressLocal.getY());
        double w = Math.abs(now.getX() - pressLocal.getX());
        double h = Math.abs(now.getY() - pressLocal.getY());
        band.setX(x);
        band.setY(y);
        band.setWidth(w);
        band.setHeight(h);
        band.setVisible(true);
        Point2D a = editor.localToCanvas(x, y);
        double z = editor.appliedZoom();
        Rectangle2D r = new Rectangle2D(a.getX(), a.getY(), w / z, h / z);
        Set<String> hit = new HashSet<>(bandBase);
        for (NodeView v : editor.nodeViews().values()) {
            if (r.intersects(v.getLayoutX(), v.getLayoutY(), v.effectiveWidth(), v.effectiveHeight())) {
                hit.add(v.nodeId());
            }
        }
        editor.getSelectedNodes().retainAll(hit);
        editor.getSelectedNodes().addAll(hit);
        if (!bandAdds) {
            editor.getSelectedWires().clear();
        }
    }

    // ---------------------------------------------------------------- wiring

    private void startWire(PortView port) {
        mode = Mode.WIRE;
        wireFrom = port.key();
        NodeView owner = editor.nodeViews().get(wireFrom.nodeId());
        wireStart = owner.portCenterInCanvas(wireFrom.port(), false);
        candidates.clear();
        target = null;
        ConnectionPolicy policy = editor.policy();
        for (NodeView v : editor.nodeViews().values()) {
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

    private void dragWire(Point2D now) {
        Point2D p = canvas(now);
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
            showRefusal(target.verdict().reason(), now, false);
        } else if (!refusalTimer.getStatus().equals(javafx.animation.Animation.Status.RUNNING)) {
            refusal.setVisible(false);
        }
    }

    /** The input port the wire would go to: the nearest within snapping distance, or the nearest of the node under the cursor. */
    private Candidate findTarget(Point2D p) {
        double snap = PORT_SNAP / editor.appliedZoom();
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
        for (NodeView v : editor.nodeViews().values()) {
            if (!v.inputs().isEmpty() && p.getX() >= v.getLayoutX() && p.getX() <= v.getLayoutX() + v.effectiveWidth()
                    && p.getY() >= v.getLayoutY() && p.getY() <= v.getLayoutY() + v.effectiveHeight()) {
                Candidate nearest = null;
                double nd = Double.MAX_VALUE;
                for (Candidate c : candidates) {
                    if (c.port().getParent() == v) {
                        // Prefer a port that accepts the wire; among equals, the nearest.
                        double d = c.center().distance(p) + (c.verdict().allowed() ? 0 : 1e6);
                        if (d < nd) {
                            nearest = c;
                            nd = d;
                        }
                    }
                }
                return nearest;
            }
        }
        return null;
    }

    private boolean overAnyNode(Point2D p) {
        for (NodeView v : editor.nodeViews().values()) {
            if (p.getX() >= v.getLayoutX() && p.getX() <= v.getLayoutX() + v.effectiveWidth()
                    && p.getY() >= v.getLayoutY() && p.getY() <= v.getLayoutY() + v.effectiveHeight()) {
                return true;
            }
        }
        return false;
    }

    /** The wire that ends at input {@code key}, or null. */
    private WireView wireInto(PortKey key) {
        for (WireView w : editor.wireViews().values()) {
            if (w.model().to().equals(key)) {
                return w;
            }
        }
        return null;
    }

    private void finishWire(Point2D now) {
        Point2D p = canvas(now);
        dragWire(now);
        Candidate t = target;
        PortKey from = wireFrom;
        WireView was = detached;
        endWire();
        if (was != null) {
            String id = was.model().id();
            if (t != null && t.port().key().equals(was.model().to())) {
                return; // put back where it was
            }
            if (t != null && t.verdict().allowed()) {
                editor.intents().reconnect(id, from, t.port().key());
            } else if (t != null) {
                editor.setLastRefusal(t.verdict().reason());
                showRefusal(t.verdict().reason(), now, true);
            } else if (dragging && !overAnyNode(p)) {
                editor.intents().delete(java.util.Set.of(), java.util.Set.of(id));
            }
            return;
        }
        if (t != null) {
            if (t.verdict().allowed()) {
                editor.intents().connect(from, t.port().key());
            } else {
                editor.setLastRefusal(t.verdict().reason());
                showRefusal(t.verdict().reason(), now, true);
            }
        } else if (dragging && !overAnyNode(p)) {
            // Dropped on empty canvas: offer to create a node there, wired from this port. The dangling wire stays
            // until the menu closes.
            WireView.shape(dangling, wireStart, p);
            dangling.setVisible(true);
            editor.showCreateMenu(p, from);
        }
    }

    /** Clears port highlights and hides the dangling curve. */
    private void endWire() {
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
        if (!refusalTimer.getStatus().equals(javafx.animation.Animation.Status.RUNNING)) {
            refusal.setVisible(false);
        }
    }

    void createMenuClosed() {
        if (mode != Mode.WIRE) {
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

    // ---------------------------------------------------------------- wheel and pinch

    private void onScroll(ScrollEvent e) {
        if (inCreateMenu(e.getTarget())) {
            return;
        }
        if (e.isControlDown() || e.isShortcutDown()) {
            if (e.getDeltaY() != 0) {
                Point2D p = editor.sceneToLocal(e.getSceneX(), e.getSceneY());
                editor.zoomAt(Math.exp(e.getDeltaY() * 0.0025), p.getX(), p.getY());
            }
        } else if (e.isShiftDown() && e.getDeltaX() == 0) {
            editor.panBy(e.getDeltaY(), 0);
        } else {
            editor.panBy(e.getDeltaX(), e.getDeltaY());
        }
        e.consume();
    }

    private void onZoom(ZoomEvent e) {
        Point2D p = editor.sceneToLocal(e.getSceneX(), e.getSceneY());
        editor.zoomAt(e.getZoomFactor(), p.getX(), p.getY());
        e.consume();
    }

    // ---------------------------------------------------------------- keyboard

    private void onKeyPressed(KeyEvent e) {
        if (inCreateMenu(e.getTarget())) {
            return;
        }
        boolean shortcut = e.isShortcutDown() || e.isControlDown();
        KeyCode code = e.getCode();
        switch (code) {
            case TAB -> tabTo(e.isShiftDown() ? -1 : 1);
            case ENTER -> {
                String id = editor.getFocusedNode();
                if (id == null && editor.getSelectedNodes().size() == 1) {
                    id = editor.getSelectedNodes().iterator().next();
                }
                if (id != null) {
                    editor.intents().inspect(id);
                }
            }
            case DELETE, BACK_SPACE -> {
                if (!editor.getSelectedNodes().isEmpty() || !editor.getSelectedWires().isEmpty()) {
                    editor.intents().delete(Set.copyOf(editor.getSelectedNodes()),
                            Set.copyOf(editor.getSelectedWires()));
                }
            }
            case A -> {
                if (!shortcut) {
                    return;
                }
                editor.selectAll();
            }
            case ESCAPE -> {
                if (mode == Mode.WIRE) {
                    endWire();
                    mode = Mode.NONE;
                } else if (editor.isCreateMenuShowing()) {
                    editor.hideCreateMenu();
                } else {
                    editor.clearSelection();
                }
            }
            case LEFT -> moveSelection(-1, 0);
            case RIGHT -> moveSelection(1, 0);
            case UP -> moveSelection(0, -1);
            case DOWN -> moveSelection(0, 1);
            case PLUS, ADD, EQUALS -> editor.zoomIn();
            case MINUS, SUBTRACT -> editor.zoomOut();
            case F -> {
                if (shortcut) {
                    return;
                }
                editor.zoomToFit();
            }
            case DIGIT0, NUMPAD0 -> {
                if (!shortcut) {
                    return;
                }
                editor.zoomToFit();
            }
            case DIGIT1, NUMPAD1 -> {
                if (shortcut) {
                    return;
                }
                editor.setZoom(1);
            }
            case SPACE -> {
                if (shortcut) {
                    openCreateMenuAtMouse();
                } else if (!spaceDown) {
                    spaceDown = true;
                    spaceUsed = false;
                    if (mode == Mode.NONE) {
                        editor.setCursor(Cursor.OPEN_HAND);
                    }
                }
            }
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void onKeyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && spaceDown) {
            spaceDown = false;
            if (mode != Mode.PAN) {
                editor.setCursor(null);
            }
            if (!spaceUsed && mode == Mode.NONE && !inCreateMenu(e.getTarget())) {
                openCreateMenuAtMouse();
            }
            e.consume();
        }
    }

    private void openCreateMenuAtMouse() {
        Point2D at = mouseLocal != null && editor.getLayoutBounds().contains(mouseLocal)
                ? canvas(mouseLocal) : editor.viewportCenter();
        editor.showCreateMenu(at, null);
    }

    private void tabTo(int direction) {
        List<String> order = editor.readingOrder();
        if (order.isEmpty()) {
            return;
        }
        String current = editor.getFocusedNode();
        int i = current == null ? -1 : order.indexOf(current);
        int next;
        if (i < 0) {
            next = direction > 0 ? 0 : order.size() - 1;
        } else {
            next = Math.floorMod(i + direction, order.size());
        }
        String id = order.get(next);
        editor.select(id);
        editor.scrollIntoView(id);
    }

    private void moveSelection(int dx, int dy) {
        if (editor.getSelectedNodes().isEmpty()) {
            return;
        }
        double step = editor.getGridSize() > 0 ? editor.getGridSize() : 10;
        Map<String, Point2D> moves = new LinkedHashMap<>();
        for (String id : editor.getSelectedNodes()) {
            NodeView v = editor.nodeViews().get(id);
            if (v != null) {
                Point2D p = new Point2D(v.model().x() + dx * step, v.model().y() + dy * step);
                moves.put(id, editor.snap(p));
            }
        }
        if (!moves.isEmpty()) {
            editor.intents().moveNodes(Map.copyOf(moves));
        }
    }
}
