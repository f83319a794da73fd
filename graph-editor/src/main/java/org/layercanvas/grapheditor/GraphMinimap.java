package org.layercanvas.grapheditor;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * An overview of a {@link GraphEditor}: every node as a small rectangle coloured by state, and the visible area as a
 * frame. Click or drag on it to pan the editor there. Place it in a corner overlay over the editor; size it by
 * CSS or code (default 200 x 140).
 */
public class GraphMinimap extends Region {
    private static final double PAD = 6;
    private static final ColorCss<GraphMinimap> NODE_COLOR = new ColorCss<>("-ge-minimap-node-color",
            Color.rgb(128, 128, 128, 0.55), m -> m.nodeColor);
    private static final ColorCss<GraphMinimap> SELECTED_COLOR = new ColorCss<>("-ge-minimap-selected-color",
            Color.rgb(9, 105, 218, 0.85), m -> m.selectedColor);
    private static final ColorCss<GraphMinimap> WARNING_COLOR = new ColorCss<>("-ge-minimap-warning-color",
            Color.rgb(191, 135, 0, 0.85), m -> m.warningColor);
    private static final ColorCss<GraphMinimap> ERROR_COLOR = new ColorCss<>("-ge-minimap-error-color",
            Color.rgb(207, 34, 46, 0.9), m -> m.errorColor);
    private static final ColorCss<GraphMinimap> RUNNING_COLOR = new ColorCss<>("-ge-minimap-running-color",
            Color.rgb(26, 127, 55, 0.85), m -> m.runningColor);
    private static final ColorCss<GraphMinimap> VIEW_FILL = new ColorCss<>("-ge-minimap-view-fill",
            Color.rgb(9, 105, 218, 0.10), m -> m.viewFill);
    private static final ColorCss<GraphMinimap> VIEW_STROKE = new ColorCss<>("-ge-minimap-view-stroke",
            Color.rgb(9, 105, 218, 0.9), m -> m.viewStroke);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        list.addAll(List.of(NODE_COLOR, SELECTED_COLOR, WARNING_COLOR, ERROR_COLOR, RUNNING_COLOR, VIEW_FILL,
                VIEW_STROKE));
        CSS_META_DATA = List.copyOf(list);
    }

    /** The nodes; redrawn only when they or the mapping change, not on every pan or zoom step. */
    private final Canvas canvas = new Canvas();
    /** The visible area: a shape that only moves while the user pans and zooms. */
    private final javafx.scene.shape.Rectangle frame = new javafx.scene.shape.Rectangle();
    private long drawnSignature;
    /** The minimap size the mapping was computed for. */
    private double mappedWidth = -1;
    private double mappedHeight = -1;
    private double drawnWidth = -1;
    private double drawnHeight = -1;
    private final ObjectProperty<GraphEditor> editor = new SimpleObjectProperty<>(this, "editor");
    private final PulseTask redraw = new PulseTask(this, false, this::draw);
    private final StyleableObjectProperty<Color> nodeColor = NODE_COLOR.newProperty(this, "nodeColor", this::recolor);
    private final StyleableObjectProperty<Color> selectedColor =
            SELECTED_COLOR.newProperty(this, "selectedColor", this::recolor);
    private final StyleableObjectProperty<Color> warningColor =
            WARNING_COLOR.newProperty(this, "warningColor", this::recolor);
    private final StyleableObjectProperty<Color> errorColor = ERROR_COLOR.newProperty(this, "errorColor", this::recolor);
    private final StyleableObjectProperty<Color> runningColor =
            RUNNING_COLOR.newProperty(this, "runningColor", this::recolor);
    private final StyleableObjectProperty<Color> viewFill = VIEW_FILL.newProperty(this, "viewFill", this::recolor);
    private final StyleableObjectProperty<Color> viewStroke =
            VIEW_STROKE.newProperty(this, "viewStroke", this::recolor);
    private final Runnable onViewChanged = redraw::request;
    /** Uses the theme colours exactly when the editor found them. */
    private final InvalidationListener followTheme = obs -> {
        GraphEditor ed = getEditor();
        boolean themed = ed != null && ed.getStyleClass().contains(GraphEditor.THEMED);
        if (themed != getStyleClass().contains(GraphEditor.THEMED)) {
            if (themed) {
                getStyleClass().add(GraphEditor.THEMED);
            } else {
                getStyleClass().remove(GraphEditor.THEMED);
            }
        }
    };
    /** Canvas area shown, and its scale, as of the last drawing (for mapping clicks back). */
    private Rectangle2D world = new Rectangle2D(0, 0, 1, 1);
    private double scale = 1;
    private double offsetX;
    private double offsetY;
    /** While the user drags on the minimap its mapping stays fixed, so the frame follows the mouse steadily. */
    private boolean frozen;

    public GraphMinimap() {
        getStyleClass().add(GraphEditorStyles.MINIMAP);
        getStylesheets().add(GraphEditor.STYLESHEET);
        canvas.setMouseTransparent(true);
        frame.setManaged(false);
        frame.setMouseTransparent(true);
        frame.fillProperty().bind(viewFill);
        frame.strokeProperty().bind(viewStroke);
        frame.setStrokeWidth(1.5);
        getChildren().addAll(canvas, frame);
        editor.addListener((obs, old, now) -> {
            if (old != null) {
                old.removeViewListener(onViewChanged);
                old.getStyleClass().removeListener(followTheme);
            }
            if (now != null) {
                now.addViewListener(onViewChanged);
                now.getStyleClass().addListener(followTheme);
            }
            followTheme.invalidated(null);
            redraw.request();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::panTo);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::panTo);
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            frozen = false;
            redraw.request();
        });
    }

    public GraphMinimap(GraphEditor editor) {
        this();
        setEditor(editor);
    }

    public final ObjectProperty<GraphEditor> editorProperty() {
        return editor;
    }

    public final GraphEditor getEditor() {
        return editor.get();
    }

    public final void setEditor(GraphEditor value) {
        editor.set(value);
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS_META_DATA;
    }

    /** Colour of a node in no particular state (CSS {@code -ge-minimap-node-color}). */
    public final ObjectProperty<Color> nodeColorProperty() {
        return nodeColor;
    }

    /** Colour of a selected node (CSS {@code -ge-minimap-selected-color}). */
    public final ObjectProperty<Color> selectedColorProperty() {
        return selectedColor;
    }

    /** Fill of the visible-area frame (CSS {@code -ge-minimap-view-fill}). */
    public final ObjectProperty<Color> viewFillProperty() {
        return viewFill;
    }

    /** Outline of the visible-area frame (CSS {@code -ge-minimap-view-stroke}). */
    public final ObjectProperty<Color> viewStrokeProperty() {
        return viewStroke;
    }

    /** A node colour changed: the nodes must be repainted even if none moved. */
    private void recolor() {
        drawnWidth = -1;
        redraw.request();
    }

    private void panTo(MouseEvent e) {
        GraphEditor ed = editor.get();
        if (ed == null || e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        frozen = true;
        Point2D p = canvas.sceneToLocal(e.getSceneX(), e.getSceneY());
        ed.centerOnPoint(new Point2D(world.getMinX() + (p.getX() - offsetX) / scale,
                world.getMinY() + (p.getY() - offsetY) / scale));
        e.consume();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double w = Math.max(0, getWidth() - in.getLeft() - in.getRight());
        double h = Math.max(0, getHeight() - in.getTop() - in.getBottom());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            canvas.relocate(in.getLeft(), in.getTop());
            drawnWidth = -1;
            draw();
        }
    }

    private void draw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphEditor ed = editor.get();
        if (ed == null || w <= 2 * PAD || h <= 2 * PAD) {
            canvas.getGraphicsContext2D().clearRect(0, 0, w, h);
            frame.setVisible(false);
            return;
        }
        Rectangle2D nodes = ed.views().nodesBounds();
        Rectangle2D view = ed.visibleCanvasArea();
        Rectangle2D needed = nodes == null ? view : union(nodes, view);
        if (needed.getWidth() <= 0 || needed.getHeight() <= 0) {
            return;
        }
        // The mapping changes only when the view leaves it or it has become far too large, so that panning and
        // zooming move the frame without redrawing hundreds of nodes.
        boolean remap = !frozen && (!contains(world, needed) || w != mappedWidth || h != mappedHeight
                || world.getWidth() * world.getHeight() > 4 * needed.getWidth() * needed.getHeight());
        if (remap) {
            world = grow(needed, 0.15);
            scale = Math.min((w - 2 * PAD) / world.getWidth(), (h - 2 * PAD) / world.getHeight());
            offsetX = (w - world.getWidth() * scale) / 2;
            offsetY = (h - world.getHeight() * scale) / 2;
            mappedWidth = w;
            mappedHeight = h;
        }
        long signature = signature(ed);
        if (remap || signature != drawnSignature || w != drawnWidth || h != drawnHeight) {
            drawNodes(ed, w, h);
            drawnSignature = signature;
            drawnWidth = w;
            drawnHeight = h;
        }
        Insets in = getInsets();
        double vx = offsetX + (view.getMinX() - world.getMinX()) * scale;
        double vy = offsetY + (view.getMinY() - world.getMinY()) * scale;
        frame.setVisible(true);
        frame.setX(in.getLeft() + Math.max(0, vx));
        frame.setY(in.getTop() + Math.max(0, vy));
        frame.setWidth(Math.max(2, Math.min(w, vx + view.getWidth() * scale) - Math.max(0, vx)));
        frame.setHeight(Math.max(2, Math.min(h, vy + view.getHeight() * scale) - Math.max(0, vy)));
    }

    private void drawNodes(GraphEditor ed, double w, double h) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        for (NodeView v : ed.views().nodeViews().values()) {
            Color c = colorOf(v, ed);
            if (c == null) {
                continue;
            }
            g.setFill(c);
            double x = offsetX + (v.getLayoutX() - world.getMinX()) * scale;
            double y = offsetY + (v.getLayoutY() - world.getMinY()) * scale;
            g.fillRect(x, y, Math.max(1.5, v.effectiveWidth() * scale), Math.max(1.5, v.effectiveHeight() * scale));
        }
    }

    /** Changes when a node moves, resizes, changes state or selection, or nodes come and go. */
    private long signature(GraphEditor ed) {
        long h = ed.views().nodeViews().size();
        for (NodeView v : ed.views().nodeViews().values()) {
            h = h * 31 + Double.hashCode(v.getLayoutX());
            h = h * 31 + Double.hashCode(v.getLayoutY());
            h = h * 31 + Double.hashCode(v.effectiveWidth());
            h = h * 31 + Double.hashCode(v.effectiveHeight());
            h = h * 31 + java.util.Objects.hashCode(colorOf(v, ed));
        }
        return h;
    }

    private static boolean contains(Rectangle2D outer, Rectangle2D inner) {
        return inner.getMinX() >= outer.getMinX() && inner.getMinY() >= outer.getMinY()
                && inner.getMaxX() <= outer.getMaxX() && inner.getMaxY() <= outer.getMaxY();
    }

    private static Rectangle2D grow(Rectangle2D r, double fraction) {
        double dx = r.getWidth() * fraction;
        double dy = r.getHeight() * fraction;
        return new Rectangle2D(r.getMinX() - dx, r.getMinY() - dy, r.getWidth() + 2 * dx, r.getHeight() + 2 * dy);
    }

    private Color colorOf(NodeView v, GraphEditor ed) {
        if (ed.getSelectedNodes().contains(v.nodeId())) {
            return selectedColor.get();
        }
        return switch (v.model().state()) {
            case ERROR -> errorColor.get();
            case WARNING -> warningColor.get();
            case RUNNING -> runningColor.get();
            default -> nodeColor.get();
        };
    }

    private static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
        double minX = Math.min(a.getMinX(), b.getMinX());
        double minY = Math.min(a.getMinY(), b.getMinY());
        return new Rectangle2D(minX, minY, Math.max(a.getMaxX(), b.getMaxX()) - minX,
                Math.max(a.getMaxY(), b.getMaxY()) - minY);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 200;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 140;
    }
}
