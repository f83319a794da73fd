package org.layercanvas.grapheditor;

import javafx.event.EventTarget;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;

/**
 * Mouse, wheel and pinch of a {@link GraphEditor}: decides on press what a drag will do and hands it to the
 * gesture that does it (moving nodes, the selection band, wiring, panning). Reports intents; never edits the graph.
 */
final class EditorGestures {
    /** Mouse travel (screen pixels) before a press becomes a drag. */
    private static final double DRAG_SLOP = 3;
    /** How near (screen pixels) a click must be to a wire to select it. */
    private static final double WIRE_PICK = 6;

    private enum Mode { NONE, PAN, RUBBER_BAND, MOVE, WIRE }

    private final GraphEditor editor;
    private final GraphEditorSkin skin;
    private final NodeDragGesture nodeDrag;
    private final MarqueeGesture marquee;
    private final WireGesture wire;
    private final EditorKeys keys;
    private final EventHandlers handlers;

    private Mode mode = Mode.NONE;
    private Point2D pressLocal;
    private Point2D lastLocal;
    private Point2D mouseLocal;
    private boolean dragging;

    EditorGestures(GraphEditor editor, GraphEditorSkin skin) {
        this.editor = editor;
        this.skin = skin;
        handlers = new EventHandlers(editor);
        nodeDrag = new NodeDragGesture(editor, skin);
        marquee = new MarqueeGesture(editor, skin);
        wire = new WireGesture(editor, skin);
        keys = new EditorKeys(editor, skin, this);
        handlers.on(MouseEvent.MOUSE_PRESSED, this::onPressed);
        handlers.on(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        handlers.on(MouseEvent.MOUSE_RELEASED, this::onReleased);
        handlers.on(MouseEvent.MOUSE_CLICKED, this::onClicked);
        handlers.on(MouseEvent.MOUSE_MOVED, e -> mouseLocal = local(e));
        handlers.on(ScrollEvent.SCROLL, this::onScroll);
        handlers.on(ZoomEvent.ZOOM, this::onZoom);
    }

    /** Removes every handler the gestures and keys added to the editor. */
    void dispose() {
        wire.cancel();
        handlers.removeAll();
        keys.dispose();
    }

    // ---------------------------------------------------------------- state for the keyboard

    boolean isIdle() {
        return mode == Mode.NONE;
    }

    boolean isPanning() {
        return mode == Mode.PAN;
    }

    /** The last mouse position over the editor (local coordinates), or null. */
    Point2D mouseLocal() {
        return mouseLocal;
    }

    /** Stops drawing a wire; returns whether one was being drawn. */
    boolean cancelWire() {
        if (mode != Mode.WIRE) {
            return false;
        }
        wire.cancel();
        mode = Mode.NONE;
        return true;
    }

    void createMenuClosed() {
        wire.createMenuClosed();
    }

    // ---------------------------------------------------------------- hit testing

    private Point2D local(MouseEvent e) {
        return editor.sceneToLocal(e.getSceneX(), e.getSceneY());
    }

    static boolean inCreateMenu(GraphEditorSkin skin, EventTarget t) {
        for (Node n = t instanceof Node ? (Node) t : null; n != null && n != skin.getSkinnable(); n = n.getParent()) {
            if (n == skin.createMenu()) {
                return true;
            }
        }
        return false;
    }

    private static <T> T ancestor(EventTarget t, Class<T> type, Node stop) {
        for (Node n = t instanceof Node ? (Node) t : null; n != null && n != stop; n = n.getParent()) {
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
        return skin.views().wireAt(editor.localToCanvas(local.getX(), local.getY()), WIRE_PICK / skin.viewport().appliedZoom());
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent e) {
        if (inCreateMenu(skin, e.getTarget())) {
            return;
        }
        editor.hideCreateMenu();
        editor.requestFocus();
        pressLocal = local(e);
        lastLocal = pressLocal;
        dragging = false;
        mode = Mode.NONE;
        if (e.getButton() == MouseButton.MIDDLE || (e.getButton() == MouseButton.PRIMARY && keys.isSpaceDown())) {
            mode = Mode.PAN;
            keys.spaceUsed();
            editor.setCursor(Cursor.CLOSED_HAND);
        } else if (e.getButton() == MouseButton.PRIMARY) {
            pressPrimary(e.getTarget(), e.isShiftDown() || e.isShortcutDown() || e.isControlDown());
        } else {
            return;
        }
        e.consume();
    }

    /** Picks the gesture by what is under the mouse: a port, a node, a wire, or empty canvas. */
    private void pressPrimary(EventTarget target, boolean toggle) {
        PortView port = ancestor(target, PortView.class, editor);
        if (port != null && wire.press(port)) {
            mode = wire.isActive() ? Mode.WIRE : Mode.NONE;
            return;
        }
        NodeView node = ancestor(target, NodeView.class, editor);
        if (node != null) {
            mode = nodeDrag.press(node.nodeId(), toggle) ? Mode.MOVE : Mode.NONE;
            return;
        }
        WireView picked = port == null ? wireAt(target, pressLocal) : null;
        if (picked != null) {
            String id = picked.model().id();
            if (!toggle) {
                editor.selectWire(id);
            } else if (!editor.getSelectedWires().remove(id)) {
                editor.getSelectedWires().add(id);
            }
        } else {
            mode = Mode.RUBBER_BAND;
            marquee.press(toggle);
        }
    }

    private void onDragged(MouseEvent e) {
        if (mode == Mode.NONE) {
            return;
        }
        Point2D now = local(e);
        if (!dragging && now.distance(pressLocal) >= DRAG_SLOP) {
            dragging = true;
            if (mode == Mode.MOVE) {
                nodeDrag.start();
            }
        }
        switch (mode) {
            case PAN -> editor.panBy(now.getX() - lastLocal.getX(), now.getY() - lastLocal.getY());
            case MOVE -> {
                if (dragging) {
                    nodeDrag.drag(pressLocal, now);
                }
            }
            case RUBBER_BAND -> {
                if (dragging) {
                    marquee.drag(pressLocal, now);
                }
            }
            case WIRE -> wire.drag(now);
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
            case PAN -> editor.setCursor(keys.isSpaceDown() ? Cursor.OPEN_HAND : null);
            case MOVE -> nodeDrag.release(pressLocal, now, dragging);
            case RUBBER_BAND -> marquee.release(dragging);
            case WIRE -> wire.release(now, dragging);
            default -> {
            }
        }
        mode = Mode.NONE;
        dragging = false;
        e.consume();
    }

    private void onClicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.getClickCount() != 2 || !e.isStillSincePress()
                || inCreateMenu(skin, e.getTarget())) {
            return;
        }
        NodeView node = ancestor(e.getTarget(), NodeView.class, editor);
        Point2D local = local(e);
        if (node != null) {
            editor.intents().inspect(node.nodeId());
        } else if (wireAt(e.getTarget(), local) == null) {
            editor.showCreateMenu(editor.localToCanvas(local.getX(), local.getY()), null);
        }
        e.consume();
    }

    // ---------------------------------------------------------------- wheel and pinch

    private void onScroll(ScrollEvent e) {
        if (inCreateMenu(skin, e.getTarget())) {
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
}
