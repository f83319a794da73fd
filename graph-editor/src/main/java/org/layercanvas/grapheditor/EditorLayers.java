package org.layercanvas.grapheditor;

import java.util.List;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;

/**
 * The editor's scene graph: the grid behind, the transformed content (wires, nodes, wire labels, the wire being
 * drawn) and an untransformed overlay (selection band, refusal note, create menu) on top, clipped to the editor.
 */
final class EditorLayers {
    private final GridLayer grid = new GridLayer();
    private final Group content = new Group();
    private final Group dragLayer = new Group();
    private final Pane overlay = new Pane();
    private final Rectangle clip = new Rectangle();

    EditorLayers(GraphEditor editor, SnapshotReconciler views, EditorViewport viewport, CreateMenu createMenu) {
        editor.setClip(clip);
        content.setManaged(false);
        content.getTransforms().setAll(viewport.pan(), viewport.scale());
        dragLayer.setMouseTransparent(true);
        content.getChildren().addAll(views.wireLayer(), views.nodeLayer(), views.labelLayer(), dragLayer);
        overlay.setManaged(false);
        overlay.setPickOnBounds(false);
        overlay.getChildren().add(createMenu);
    }

    /** Takes the clip off the editor if it is still this one's. */
    void unclip(GraphEditor editor) {
        if (editor.getClip() == clip) {
            editor.setClip(null);
        }
    }

    /** The editor's children, back to front. */
    List<Node> roots() {
        return List.of(grid, content, overlay);
    }

    Pane overlay() {
        return overlay;
    }

    Group dragLayer() {
        return dragLayer;
    }

    void drawGrid(ViewTransform view, double gridSize, boolean minor, Color minorColor, Color majorColor) {
        grid.draw(view.panX(), view.panY(), view.zoom(), gridSize, minor, minorColor, majorColor);
    }

    /** Sizes the layers to the editor; returns whether the grid changed size (and must be redrawn). */
    boolean layout(double width, double height) {
        clip.setWidth(width);
        clip.setHeight(height);
        overlay.resize(width, height);
        if (grid.getWidth() == width && grid.getHeight() == height) {
            return false;
        }
        grid.setWidth(width);
        grid.setHeight(height);
        return true;
    }
}
