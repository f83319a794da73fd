package org.layercanvas.app.main;

import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import org.layercanvas.app.editor.CanvasController;
import org.layercanvas.app.inspector.InspectorView;
import org.layercanvas.app.palette.PaletteView;
import org.layercanvas.grapheditor.GraphEditor;
import org.layercanvas.grapheditor.GraphMinimap;
import org.layercanvas.model.layers.LayerType;

/**
 * Where a window's parts sit: menus and toolbar on top; palette, canvas (with its minimap, over the bottom tabs)
 * and inspector side by side; the status bar below. Layers dragged from the palette land where they are released.
 */
final class WindowLayout {
    private static final String STYLESHEET = "/org/layercanvas/app/layercanvas.css";
    private static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private WindowLayout() {
    }

    /** The window's scene, sized to the screen (at most 1280 x 800). */
    static Scene scene(VBox top, SplitPane body, HBox status) {
        BorderPane root = new BorderPane();
        root.getStyleClass().add("main-window");
        root.setTop(top);
        root.setCenter(body);
        root.setBottom(status);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(1280, screen.getWidth()), Math.min(800, screen.getHeight()));
        scene.getStylesheets().add(WindowLayout.class.getResource(STYLESHEET).toExternalForm());
        return scene;
    }

    /** Palette | canvas over bottom tabs | inspector. */
    static SplitPane body(PaletteView palette, GraphEditor editor, CanvasController canvas, BottomPanels bottom,
                          InspectorView inspector) {
        GraphMinimap minimap = new GraphMinimap(editor);
        minimap.setId("minimap");
        minimap.setPrefSize(180, 120);
        minimap.setMaxSize(180, 120);
        StackPane canvasPane = new StackPane(editor, minimap);
        canvasPane.setId("canvas-pane");
        StackPane.setAlignment(minimap, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(minimap, new Insets(10));
        acceptDrops(canvasPane, palette, editor, canvas);

        SplitPane centre = new SplitPane(canvasPane, bottom.node());
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.72);
        SplitPane.setResizableWithParent(bottom.node(), false);
        bottom.placedIn(centre);

        palette.setMinWidth(200);
        palette.setPrefWidth(240);
        inspector.setMinWidth(260);
        inspector.setPrefWidth(320);
        SplitPane body = new SplitPane(palette, centre, inspector);
        body.setDividerPositions(0.19, 0.75);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(inspector, false);
        return body;
    }

    private static void acceptDrops(StackPane target, PaletteView palette, GraphEditor editor,
                                    CanvasController canvas) {
        target.setOnMouseDragEntered(e -> {
            if (palette.draggingProperty().get() != null) {
                target.pseudoClassStateChanged(DROP_TARGET, true);
            }
        });
        target.setOnMouseDragExited(e -> target.pseudoClassStateChanged(DROP_TARGET, false));
        target.setOnMouseDragReleased(e -> {
            target.pseudoClassStateChanged(DROP_TARGET, false);
            LayerType type = palette.draggingProperty().get();
            if (type != null) {
                Point2D local = editor.sceneToLocal(e.getSceneX(), e.getSceneY());
                Point2D at = editor.localToCanvas(local.getX(), local.getY());
                canvas.addLayerAt(type, at);
                editor.requestFocus();
                e.consume();
            }
        });
    }

    /** Left: what the document holds or the last edit did; right: the zoom. */
    static HBox statusBar(Label left, Label right) {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        left.setId("status-left");
        right.setId("status-right");
        HBox bar = new HBox(8, left, spacer, right);
        bar.getStyleClass().add("status-bar");
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }
}
