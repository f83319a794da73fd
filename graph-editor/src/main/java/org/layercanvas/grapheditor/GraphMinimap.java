package org.layercanvas.grapheditor;

import javafx.beans.InvalidationListener;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
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
    private static final Color NODE = Color.rgb(128, 128, 128, 0.55);
    private static final Color SELECTED = Color.rgb(9, 105, 218, 0.85);
    private static final Color WARNING = Color.rgb(191, 135, 0, 0.85);
    private static final Color ERROR = Color.rgb(207, 34, 46, 0.9);
    private static final Color RUNNING = Color.rgb(26, 127, 55, 0.85);
    private static final Color VIEW_FILL = Color.rgb(9, 105, 218, 0.10);
    private static final Color VIEW_STROKE = Color.rgb(9, 105, 218, 0.9);
    private static final double PAD = 6;

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
        frame.setFill(VIEW_FILL);
        frame.setStroke(VIEW_STROKE);
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
        Rectangle2D nodes = ed.nodesBounds();
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
        for (NodeView v : ed.nodeViews().values()) {
            g.setFill(colorOf(v, ed));
            double x = offsetX + (v.getLayoutX() - world.getMinX()) * scale;
            double y = offsetY + (v.getLayoutY() - world.getMinY()) * scale;
            g.fillRect(x, y, Math.max(1.5, v.effectiveWidth() * scale), Math.max(1.5, v.effectiveHeight() * scale));
        }
    }

    /** Changes when a node moves, resizes, changes state or selection, or nodes come and go. */
    private static long signature(GraphEditor ed) {
        long h = ed.nodeViews().size();
        for (NodeView v : ed.nodeViews().values()) {
            h = h * 31 + Double.hashCode(v.getLayoutX());
            h = h * 31 + Double.hashCode(v.getLayoutY());
            h = h * 31 + Double.hashCode(v.effectiveWidth());
            h = h * 31 + Double.hashCode(v.effectiveHeight());
            h = h * 31 + colorOf(v, ed).hashCode();
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

    private static Color colorOf(NodeView v, GraphEditor ed) {
        if (ed.getSelectedNodes().contains(v.nodeId())) {
            return SELECTED;
        }
        return switch (v.model().state()) {
            case ERROR -> ERROR;
            case WARNING -> WARNING;
            case RUNNING -> RUNNING;
            default -> NODE;
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
