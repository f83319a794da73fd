package org.layercanvas.charts;

import javafx.event.EventHandler;
import javafx.scene.control.SkinBase;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import org.jfree.chart.fx.ChartCanvas;

/**
 * Shows a {@link LiveChart}: the JFreeChart on a {@link ChartCanvas} (which zooms and pans), the hover read-out
 * over it (hidden when the control's context menu opens) and a zoom reset on double click.
 */
class LiveChartSkin extends SkinBase<LiveChart> {
    private final ChartCanvas canvas;
    private final HoverReadout hover;
    private final EventHandler<ContextMenuEvent> onContextMenu;
    private final EventHandler<MouseEvent> onMoved;
    private final EventHandler<MouseEvent> onDraggedOrExited;
    private final EventHandler<MouseEvent> onClicked;

    LiveChartSkin(LiveChart chart) {
        super(chart);
        canvas = new ChartCanvas(chart.getJFreeChart());
        canvas.setTooltipEnabled(false);
        canvas.setFocusTraversable(false);
        hover = new HoverReadout(chart, canvas);
        getChildren().setAll(canvas, hover.layer());

        onContextMenu = e -> hover.hide(); // the control then shows its context menu
        onMoved = e -> hover.show(e.getX(), e.getY());
        onDraggedOrExited = e -> hover.hide();
        onClicked = e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                chart.resetZoom();
            }
        };
        canvas.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, onContextMenu);
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, onMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, onDraggedOrExited);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, onDraggedOrExited);
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, onClicked);
        registerChangeListener(chart.crosshairColorProperty(), o -> applyColours());
        registerChangeListener(chart.backgroundColorProperty(), o -> applyColours());
        applyColours();
    }

    private void applyColours() {
        LiveChart chart = getSkinnable();
        hover.setColours(chart.crosshairColorProperty().get(), chart.backgroundColorProperty().get());
    }

    @Override
    public void dispose() {
        LiveChart chart = getSkinnable();
        if (chart == null) {
            return;
        }
        canvas.removeEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, onContextMenu);
        canvas.removeEventHandler(MouseEvent.MOUSE_MOVED, onMoved);
        canvas.removeEventHandler(MouseEvent.MOUSE_DRAGGED, onDraggedOrExited);
        canvas.removeEventHandler(MouseEvent.MOUSE_EXITED, onDraggedOrExited);
        canvas.removeEventHandler(MouseEvent.MOUSE_CLICKED, onClicked);
        // The chart outlives the skin: it must not keep redrawing (and holding) this canvas.
        chart.getJFreeChart().removeChangeListener(canvas);
        hover.hide();
        getChildren().removeAll(canvas, hover.layer());
        super.dispose(); // also unregisters the change listeners
    }

    /** The plot's width in pixels as last drawn, or the canvas's width before the first drawing. */
    double dataAreaWidth() {
        var info = canvas.getRenderingInfo();
        if (info != null && info.getPlotInfo() != null) {
            double w = info.getPlotInfo().getDataArea().getWidth();
            if (w > 0) {
                return Math.round(w);
            }
        }
        return Math.max(100, Math.round(canvas.getWidth()));
    }

    /** Called after a frame changed the drawn data: the read-out follows. */
    void frameDrawn() {
        hover.refresh();
    }

    String hoverText() {
        return hover.text();
    }

    @Override
    protected void layoutChildren(double x, double y, double w, double h) {
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        canvas.relocate(x, y);
        hover.layer().resizeRelocate(x, y, w, h);
    }

    @Override
    protected double computePrefWidth(double height, double top, double right, double bottom, double left) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width, double top, double right, double bottom, double left) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height, double top, double right, double bottom, double left) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width, double top, double right, double bottom, double left) {
        return 120;
    }
}
