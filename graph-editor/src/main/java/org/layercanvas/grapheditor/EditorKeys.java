package org.layercanvas.grapheditor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Keyboard of a focused {@link GraphEditor} (keys listed in its class comment). Reports intents. */
final class EditorKeys {
    private final GraphEditor editor;
    private final GraphEditorSkin skin;
    private final EventHandlers handlers;
    private final EditorGestures mouse;
    private boolean spaceDown;
    private boolean spaceUsed;

    EditorKeys(GraphEditor editor, GraphEditorSkin skin, EditorGestures mouse) {
        this.editor = editor;
        this.skin = skin;
        this.mouse = mouse;
        handlers = new EventHandlers(editor);
        handlers.on(KeyEvent.KEY_PRESSED, this::onKeyPressed);
        handlers.on(KeyEvent.KEY_RELEASED, this::onKeyReleased);
    }

    void dispose() {
        handlers.removeAll();
    }

    /** Space held: a primary drag pans. */
    boolean isSpaceDown() {
        return spaceDown;
    }

    /** Space was used for panning, so releasing it does not open the create menu. */
    void spaceUsed() {
        spaceUsed = true;
    }

    private void onKeyPressed(KeyEvent e) {
        if (EditorGestures.inCreateMenu(skin, e.getTarget())) {
            return;
        }
        boolean shortcut = e.isShortcutDown() || e.isControlDown();
        if (handle(e.getCode(), shortcut, e.isShiftDown())) {
            e.consume();
        }
    }

    /** Returns whether the key was used. */
    private boolean handle(KeyCode code, boolean shortcut, boolean shift) {
        switch (code) {
            case TAB -> tabTo(shift ? -1 : 1);
            case ENTER -> inspectFocused();
            case DELETE, BACK_SPACE -> deleteSelection();
            case ESCAPE -> escape();
            case LEFT -> moveSelection(-1, 0);
            case RIGHT -> moveSelection(1, 0);
            case UP -> moveSelection(0, -1);
            case DOWN -> moveSelection(0, 1);
            case PLUS, ADD, EQUALS -> editor.zoomIn();
            case MINUS, SUBTRACT -> editor.zoomOut();
            case SPACE -> pressSpace(shortcut);
            default -> {
                return handleLetterOrDigit(code, shortcut);
            }
        }
        return true;
    }

    /** Ctrl+A, F, Ctrl+0 and 1: each only with (or only without) the shortcut modifier. */
    private boolean handleLetterOrDigit(KeyCode code, boolean shortcut) {
        switch (code) {
            case A -> {
                if (shortcut) {
                    editor.selectAll();
                }
                return shortcut;
            }
            case F -> {
                if (!shortcut) {
                    editor.zoomToFit();
                }
                return !shortcut;
            }
            case DIGIT0, NUMPAD0 -> {
                if (shortcut) {
                    editor.zoomToFit();
                }
                return shortcut;
            }
            case DIGIT1, NUMPAD1 -> {
                if (!shortcut) {
                    editor.setZoom(1);
                }
                return !shortcut;
            }
            default -> {
                return false;
            }
        }
    }

    private void inspectFocused() {
        String id = editor.getFocusedNode();
        if (id == null && editor.getSelectedNodes().size() == 1) {
            id = editor.getSelectedNodes().iterator().next();
        }
        if (id != null) {
            editor.intents().inspect(id);
        }
    }

    private void deleteSelection() {
        if (!editor.getSelectedNodes().isEmpty() || !editor.getSelectedWires().isEmpty()) {
            editor.intents().delete(Set.copyOf(editor.getSelectedNodes()), Set.copyOf(editor.getSelectedWires()));
        }
    }

    /** Cancels the innermost thing going on: a wire being drawn, the create menu, else the selection. */
    private void escape() {
        if (mouse.cancelWire()) {
            return;
        }
        if (editor.isCreateMenuShowing()) {
            editor.hideCreateMenu();
        } else {
            editor.clearSelection();
        }
    }

    private void pressSpace(boolean shortcut) {
        if (shortcut) {
            openCreateMenuAtMouse();
        } else if (!spaceDown) {
            spaceDown = true;
            spaceUsed = false;
            if (mouse.isIdle()) {
                editor.setCursor(Cursor.OPEN_HAND);
            }
        }
    }

    private void onKeyReleased(KeyEvent e) {
        if (e.getCode() == KeyCode.SPACE && spaceDown) {
            spaceDown = false;
            if (!mouse.isPanning()) {
                editor.setCursor(null);
            }
            if (!spaceUsed && mouse.isIdle() && !EditorGestures.inCreateMenu(skin, e.getTarget())) {
                openCreateMenuAtMouse();
            }
            e.consume();
        }
    }

    private void openCreateMenuAtMouse() {
        Point2D mouseLocal = mouse.mouseLocal();
        Point2D at = mouseLocal != null && editor.getLayoutBounds().contains(mouseLocal)
                ? editor.localToCanvas(mouseLocal.getX(), mouseLocal.getY()) : editor.viewportCenter();
        editor.showCreateMenu(at, null);
    }

    private void tabTo(int direction) {
        List<String> order = skin.views().readingOrder();
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
            NodeView v = skin.views().nodeViews().get(id);
            if (v != null) {
                Point2D p = new Point2D(v.model().x() + dx * step, v.model().y() + dy * step);
                moves.put(id, NodeDragGesture.snap(editor, p));
            }
        }
        if (!moves.isEmpty()) {
            editor.intents().moveNodes(Map.copyOf(moves));
        }
    }
}
