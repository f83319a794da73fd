package org.layercanvas.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.fx.FXGraphics2D;
import org.jfree.svg.SVGGraphics2D;

/**
 * A line chart for training metrics that keeps up with a fast stream of points: several series (raw and smoothed
 * lines, points joined by lines), several runs overlaid, a log-scale toggle, hover read-out, PNG / SVG / CSV export.
 *
 * <p>How it stays fast: {@link SeriesHandle#append} only stores the point (any thread, no events). An
 * a clock thread asks the FX thread at most ~30 times a second whether anything changed, thins each series to at most
 * {@link #setMaxPointsPerSeries a few thousand} points (min and max per pixel column) for the visible x range,
 * swaps them into the chart's dataset without notifying, and fires one change, so the chart redraws once per
 * frame whatever the append rate. Lines are drawn as one path per series.
 *
 * <p>Everything except {@link SeriesHandle#append}, {@link #addSeries}, {@link #removeSeries}, {@link #removeRun},
 * {@link #clear()} and {@link #exportCsv} belongs to the FX thread.
 */
public class LiveChart extends Region {
    /**
     * Default limit of drawn points per line: min and max of ~500 columns, one per one or two pixels. Twice as many
     * looks the same and costs the (software) renderer about twice as much per frame.
     */
    public static final int DEFAULT_MAX_POINTS = 1000;
    private static final int DEFAULT_FRAMES_PER_SECOND = 30;
    private volatile long minFrameNanos = frameNanos(DEFAULT_FRAMES_PER_SECOND);
    /** The frame timer's rate: redraws happen at most this often. */
    private volatile int framesPerSecond = DEFAULT_FRAMES_PER_SECOND;
    private static final String FONT_FAMILY = "SansSerif";

    private final JFreeChart chart;
    private final XYPlot plot;
    private final NumberAxis xAxis;
    private final NumberAxis linearYAxis;
    private final LogAxis logYAxis;
    private final XYLineAndShapeRenderer renderer;
    private final FrameDataset dataset = new FrameDataset();
    private final ChartCanvas canvas;
    private final TextTitle titleBlock;

    private final Line crosshair = new Line();
    private final Label hoverLabel = new Label();
    private final List<Circle> hoverMarkers = new ArrayList<>();
    private final ContextMenu contextMenu;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);

    /** Guarded by itself; written from any thread, applied by the frame on the FX thread. */
    private final Map<String, SeriesHandle> handles = new LinkedHashMap<>();
    private volatile long structureVersion;
    private long appliedStructureVersion = -1;
    private List<SeriesHandle> frameHandles = List.of();
    /** One per drawn line (FX thread only): decimation that only looks at new points while the x range is auto. */
    private final Map<FrameDataset.Key, IncrementalDecimator> decimators = new HashMap<>();

    private boolean settingsDirty = true;
    private int maxPointsPerSeries = DEFAULT_MAX_POINTS;
    private double lastWidth = -1;
    private double lastXLower = Double.NaN;
    private double lastXUpper = Double.NaN;
    private long lastFrameNanos;
    private FrameTimeListener frameTimeListener;
    private ExportTargetChooser exportTargetChooser = ExportTargetChooser.fileChooser();
    private Consumer<Exception> exportErrorHandler = this::showExportError;
    private double hoverX = Double.NaN;
    private double hoverY = Double.NaN;

    /**
     * Redraws come from a small shared clock thread that asks the FX thread for a frame ~30 times a second, not
     * from an AnimationTimer: a running AnimationTimer makes JavaFX pulse 60 times a second for as long as the
     * chart is shown, which costs CPU that training (sharing the machine's cores) needs.
     */
    private final FrameTicker timer = new FrameTicker();

    private static final java.util.concurrent.ScheduledExecutorService TICKS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "live-chart-frames");
                t.setDaemon(true);
                return t;
            });

    private final class FrameTicker {
        private final java.util.concurrent.atomic.AtomicBoolean queued =
                new java.util.concurrent.atomic.AtomicBoolean();
        private java.util.concurrent.ScheduledFuture<?> task;

        void start() {
            if (task == null) {
                task = TICKS.scheduleAtFixedRate(this::tick, 0, 1000 / framesPerSecond,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }

        void stop() {
            if (task != null) {
                task.cancel(false);
                task = null;
            }
        }

        private void tick() {
            if (queued.compareAndSet(false, true)) {
                javafx.application.Platform.runLater(() -> {
                    queued.set(false);
                    long now = System.nanoTime();
                    if (now - lastFrameNanos >= minFrameNanos && updateIfChanged()) {
                        lastFrameNanos = now;
                    }
                });
            }
        }
    }

    public LiveChart(String title, String xLabel, String yLabel) {
        this.title.set(title == null ? "" : title);
        this.xLabel.set(xLabel == null ? "" : xLabel);
        this.yLabel.set(yLabel == null ? "" : yLabel);

        xAxis = new NumberAxis(this.xLabel.get());
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        xAxis.setAutoRangeMinimumSize(1.0); // iterations or epochs: one point still gets a readable axis
        linearYAxis = new NumberAxis(this.yLabel.get());
        linearYAxis.setAutoRangeIncludesZero(false);
        logYAxis = new NiceLogAxis(this.yLabel.get());

        renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultToolTipGenerator(null);
        renderer.setLegendItemLabelGenerator((data, series) -> data.getSeriesKey(series).toString());

        plot = new XYPlot(dataset, xAxis, linearYAxis, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);

        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        titleBlock = new TextTitle(this.title.get(), new Font(FONT_FAMILY, Font.BOLD, 15));
        titleBlock.setPadding(new RectangleInsets(2, 4, 4, 4));
        titleBlock.setVisible(!this.title.get().isEmpty());
        chart.setTitle(titleBlock);
        chart.setPadding(new RectangleInsets(8, 8, 8, 12));
        chart.setTextAntiAlias(true);
        chart.setAntiAlias(true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setFrame(BlockBorder.NONE);
        legend.setItemFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
        legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 10));

        canvas = new ChartCanvas(chart);
        canvas.setTooltipEnabled(false);
        canvas.setFocusTraversable(false);

        crosshair.setManaged(false);
        crosshair.setMouseTransparent(true);
        crosshair.setVisible(false);
        crosshair.getStrokeDashArray().setAll(4.0, 4.0);
        hoverLabel.setManaged(false);
        hoverLabel.setMouseTransparent(true);
        hoverLabel.setVisible(false);
        hoverLabel.getStyleClass().add("live-chart-hover");
        getChildren().addAll(canvas, crosshair, hoverLabel);
        getStyleClass().add("live-chart");

        contextMenu = buildContextMenu();
        canvas.setOnContextMenuRequested(e -> {
            hideHover();
            contextMenu.show(canvas, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> showHover(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hideHover());
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hideHover());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });

        this.title.addListener((obs, o, n) -> {
            titleBlock.setText(n == null ? "" : n);
            titleBlock.setVisible(n != null && !n.isEmpty());
        });
        this.xLabel.addListener((obs, o, n) -> xAxis.setLabel(n));
        this.yLabel.addListener((obs, o, n) -> {
            linearYAxis.setLabel(n);
            logYAxis.setLabel(n);
        });
        smoothing.addListener((obs, o, n) -> settingsDirty = true);
        logScale.addListener((obs, o, n) -> {
            plot.setRangeAxis(n ? logYAxis : linearYAxis);
            settingsDirty = true;
        });
        dark.addListener((obs, o, n) -> applyTheme());
        applyTheme();

        // Run the frame timer only while the chart is in a showing window: the timer's thread would otherwise keep
        // a closed window (whose scene still holds the chart) alive, and draw for nobody.
        javafx.beans.value.ChangeListener<Boolean> showing = (obs, o, n) -> updateTimer();
        javafx.beans.value.ChangeListener<javafx.stage.Window> window = (obs, o, n) -> {
            if (o != null) {
                o.showingProperty().removeListener(showing);
            }
            if (n != null) {
                n.showingProperty().addListener(showing);
            }
            updateTimer();
        };
        sceneProperty().addListener((obs, o, n) -> {
            if (o != null) {
                o.windowProperty().removeListener(window);
                if (o.getWindow() != null) {
                    o.getWindow().showingProperty().removeListener(showing);
                }
            }
            if (n != null) {
                n.windowProperty().addListener(window);
                if (n.getWindow() != null) {
                    n.getWindow().showingProperty().addListener(showing);
                }
            }
            updateTimer();
        });
    }

    private void updateTimer() {
        javafx.scene.Scene scene = getScene();
        if (scene != null && scene.getWindow() != null && scene.getWindow().isShowing()) {
            timer.start();
        } else {
            timer.stop();
        }
    }

    /** Whether the frame timer runs: only while the chart is in a showing window. */
    public boolean isFrameTimerRunning() {
        return timer.task != null;
    }

    // ---------------------------------------------------------------- series

    /** Adds a series that belongs to no particular run. See {@link #addSeries(String, String, String, SeriesStyle)}. */
    public SeriesHandle addSeries(String key, String label, SeriesStyle style) {
        return addSeries(key, null, label, style);
    }

    /**
     * Adds a series, or replaces the one with the same key. Any thread; shows from the next frame on.
     *
     * @param key   unique among this chart's series
     * @param runId the run it belongs to (for {@link #removeRun}), or null
     * @param label the legend's text
     */
    public SeriesHandle addSeries(String key, String runId, String label, SeriesStyle style) {
        SeriesHandle handle = new SeriesHandle(key, runId, label, style);
        synchronized (handles) {
            handles.remove(key);
            handles.put(key, handle);
            structureVersion++;
        }
        return handle;
    }

    /** The series with this key, or null. Any thread. */
    public SeriesHandle getSeries(String key) {
        synchronized (handles) {
            return handles.get(key);
        }
    }

    /** All series, in the order they were added. Any thread. */
    public List<SeriesHandle> getSeries() {
        synchronized (handles) {
            return List.copyOf(handles.values());
        }
    }

    /** Removes a series; returns false if there was none with this key. Any thread. */
    public boolean removeSeries(String key) {
        synchronized (handles) {
            boolean removed = handles.remove(key) != null;
            if (removed) {
                structureVersion++;
            }
            return removed;
        }
    }

    /** Removes every series of a run. Any thread. */
    public void removeRun(String runId) {
        synchronized (handles) {
            if (handles.values().removeIf(h -> Objects.equals(h.runId(), runId))) {
                structureVersion++;
            }
        }
    }

    /** Removes every series. Any thread. */
    public void clear() {
        synchronized (handles) {
            handles.clear();
            structureVersion++;
        }
    }

    // ---------------------------------------------------------------- properties

    public StringProperty titleProperty() {
        return title;
    }

    /** The x axis's label, such as "Iteration" or "Epoch" (the app supplies the x values to match). */
    public StringProperty xLabelProperty() {
        return xLabel;
    }

    public StringProperty yLabelProperty() {
        return yLabel;
    }

    /** Weight of the exponential moving average of smoothed lines: 0 (none) to 0.99. Default 0.6. */
    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    public double getSmoothing() {
        return smoothing.get();
    }

    public void setSmoothing(double weight) {
        smoothing.set(weight);
    }

    /** Whether the y axis is logarithmic; values &lt;= 0 are then left out. */
    public BooleanProperty logScaleProperty() {
        return logScale;
    }

    public boolean isLogScale() {
        return logScale.get();
    }

    public void setLogScale(boolean log) {
        logScale.set(log);
    }

    /** Dark colours (for the app's dark theme) instead of light ones. */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    /** The most points drawn per line (at least 8; default {@value #DEFAULT_MAX_POINTS}). All points are kept. */
    public void setMaxPointsPerSeries(int max) {
        if (max < 8) {
            throw new IllegalArgumentException("at least 8: " + max);
        }
        maxPointsPerSeries = max;
        settingsDirty = true;
    }

    public int getMaxPointsPerSeries() {
        return maxPointsPerSeries;
    }

    /** Where the context menu's exports are written; by default a save dialog. */
    public void setExportTargetChooser(ExportTargetChooser chooser) {
        exportTargetChooser = Objects.requireNonNull(chooser, "chooser");
    }

    /** Told about exports from the context menu that failed; by default an error dialog. */
    public void setExportErrorHandler(Consumer<Exception> handler) {
        exportErrorHandler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * At most this many redraws a second (default 30). On a machine where the chart shares few cores with heavy
     * work, fewer redraws leave more for that work.
     */
    public void setMaxFramesPerSecond(int framesPerSecond) {
        int fps = Math.max(1, Math.min(60, framesPerSecond));
        minFrameNanos = frameNanos(fps);
        this.framesPerSecond = fps;
        if (timer.task != null) {
            // the timer ticks at the new rate (it ticked at 30 Hz whatever was asked before)
            timer.stop();
            timer.start();
        }
    }

    private static long frameNanos(int framesPerSecond) {
        return 1_000_000_000L / framesPerSecond - 2_000_000L;
    }

    /** Told the FX-thread time of each frame that rebuilt and redrew the chart (diagnostics); or null. */
    public void setFrameTimeListener(FrameTimeListener listener) {
        frameTimeListener = listener;
    }

    /** The JFreeChart underneath, for tests and for styling beyond what this class offers. */
    public JFreeChart getJFreeChart() {
        return chart;
    }

    /** The context menu with the exports (shown on right click). */
    public ContextMenu getContextMenu() {
        return contextMenu;
    }

    /** Stops the frame timer for good; call when throwing the chart away while it is still in a scene. */
    public void dispose() {
        timer.stop();
        contextMenu.hide();
    }

    /** Shows the full data again after zooming or panning (double click does the same). */
    public void resetZoom() {
        xAxis.setAutoRange(true);
        plot.getRangeAxis().setAutoRange(true);
        settingsDirty = true;
    }

    // ---------------------------------------------------------------- frame

    /**
     * Brings the drawn data up to date now if anything changed since the last frame; returns whether it did. The
     * frame timer calls this ~30 times a second; call it directly only to force an update (exports do).
     */
    public boolean updateIfChanged() {
        long start = System.nanoTime();
        FrameTimeListener timing = frameTimeListener;
        ThreadMXBean threads = timing == null ? null : ManagementFactory.getThreadMXBean();
        long cpuStart = threads != null && threads.isCurrentThreadCpuTimeSupported()
                ? threads.getCurrentThreadCpuTime() : -1;
        long structure = structureVersion;
        boolean structureChanged = structure != appliedStructureVersion;
        if (structureChanged) {
            synchronized (handles) {
                frameHandles = List.copyOf(handles.values());
                structure = structureVersion;
            }
        }
        double width = dataAreaWidth();
        boolean changed = structureChanged || settingsDirty || width != lastWidth || xRangeMoved();
        if (!changed) {
            for (SeriesHandle h : frameHandles) {
                if (h.series().version() != h.drawnVersion) {
                    changed = true;
                    break;
                }
            }
        }
        if (!changed) {
            return false;
        }
        if (structureChanged) {
            applyStructure();
            appliedStructureVersion = structure;
        }
        settingsDirty = false;
        lastWidth = width;
        fillDataset(width);
        dataset.commit();
        if (crosshair.isVisible()) {
            showHover(hoverX, hoverY);
        }
        if (timing != null) {
            long cpu = cpuStart < 0 ? -1 : threads.getCurrentThreadCpuTime() - cpuStart;
            timing.frameRendered(System.nanoTime() - start, cpu);
        }
        return true;
    }

    private boolean xRangeMoved() {
        if (xAxis.isAutoRange()) {
            return false;
        }
        return xAxis.getLowerBound() != lastXLower || xAxis.getUpperBound() != lastXUpper;
    }

    private double dataAreaWidth() {
        var info = canvas.getRenderingInfo();
        if (info != null && info.getPlotInfo() != null) {
            double w = info.getPlotInfo().getDataArea().getWidth();
            if (w > 0) {
                return Math.round(w);
            }
        }
        return Math.max(100, Math.round(canvas.getWidth()));
    }

    /** Lays out the dataset's series and the renderer's per-series look after series were added or removed. */
    private void applyStructure() {
        List<FrameDataset.Key> keys = new ArrayList<>();
        // Raw lines first so that the bold lines of every series are drawn over them.
        for (SeriesHandle h : frameHandles) {
            if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED) {
                keys.add(new FrameDataset.Key(h.key(), true, h.label()));
            }
        }
        for (SeriesHandle h : frameHandles) {
            keys.add(new FrameDataset.Key(h.key(), false, h.label()));
        }
        dataset.setKeys(keys);
        Map<FrameDataset.Key, IncrementalDecimator> kept = new HashMap<>();
        for (FrameDataset.Key key : keys) {
            kept.put(key, decimators.getOrDefault(key, new IncrementalDecimator()));
        }
        decimators.clear();
        decimators.putAll(kept);
        renderer.clearSeriesPaints(false);
        renderer.clearSeriesStrokes(false);
        for (SeriesHandle h : frameHandles) {
            h.drawnVersion = -1;
        }
        for (int i = 0; i < keys.size(); i++) {
            FrameDataset.Key key = keys.get(i);
            SeriesHandle h = handleFor(key);
            Color c = h.style().color();
            boolean points = h.style().kind() == SeriesStyle.Kind.POINTS_AND_LINE;
            if (key.raw()) {
                renderer.setSeriesPaint(i, awt(c, 0.28), false);
                renderer.setSeriesStroke(i, new BasicStroke(1.0f), false);
                renderer.setSeriesVisibleInLegend(i, false, false);
            } else {
                renderer.setSeriesPaint(i, awt(c, 1.0), false);
                renderer.setSeriesStroke(i, new BasicStroke(points ? 1.5f : 2.0f, BasicStroke.CAP_ROUND,
                        BasicStroke.JOIN_ROUND), false);
                renderer.setSeriesVisibleInLegend(i, true, false);
            }
            renderer.setSeriesShapesVisible(i, points && !key.raw());
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3.5, -3.5, 7, 7), false);
            renderer.setSeriesShapesFilled(i, true);
        }
    }

    private SeriesHandle handleFor(FrameDataset.Key key) {
        for (SeriesHandle h : frameHandles) {
            if (h.key().equals(key.handleKey())) {
                return h;
            }
        }
        throw new IllegalStateException("no series " + key.handleKey());
    }

    private void fillDataset(double width) {
        double lower;
        double upper;
        boolean autoRange = xAxis.isAutoRange();
        if (autoRange) {
            lower = Double.POSITIVE_INFINITY;
            upper = Double.NEGATIVE_INFINITY;
            for (SeriesHandle h : frameHandles) {
                MetricSeries.Snapshot s = h.series().snapshot();
                if (h.isVisible() && !s.isEmpty()) {
                    lower = Math.min(lower, s.minX());
                    upper = Math.max(upper, s.maxX());
                }
            }
            lastXLower = Double.NaN;
            lastXUpper = Double.NaN;
            // A single point (or a flat line) would get JFreeChart's default minimum range of 1e-8 and tick labels
            // such as "8.317107E-1" five times: give the axes a span that fits the numbers' size instead.
            double magnitude = 0;
            for (SeriesHandle h : frameHandles) {
                MetricSeries.Snapshot s = h.series().snapshot();
                if (h.isVisible() && !s.isEmpty()) {
                    double y = s.yArray()[s.size() - 1];
                    if (Double.isFinite(y)) {
                        magnitude = Math.max(magnitude, Math.abs(y));
                    }
                }
            }
            linearYAxis.setAutoRangeMinimumSize(magnitude > 0 ? magnitude * 0.02 : 1e-3, false);
        } else {
            lower = xAxis.getLowerBound();
            upper = xAxis.getUpperBound();
            lastXLower = lower;
            lastXUpper = upper;
        }
        int pixels = (int) width;
        boolean positiveOnly = logScale.get();
        double weight = Math.min(0.99, Math.max(0, smoothing.get()));
        List<FrameDataset.Key> keys = dataset.keys();
        for (int i = 0; i < keys.size(); i++) {
            FrameDataset.Key key = keys.get(i);
            SeriesHandle h = handleFor(key);
            boolean visible = h.isVisible();
            renderer.setSeriesVisible(i, visible, false);
            MetricSeries.Snapshot source;
            if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED && !key.raw()) {
                source = h.series().smoothed(weight);
                h.lastSmoothed = source;
            } else {
                source = h.series().snapshot();
            }
            h.drawnVersion = source.version();
            if (!visible || !(upper >= lower)) {
                dataset.setData(i, MetricSeries.Decimated.EMPTY);
                continue;
            }
            MetricSeries.Decimated points = null;
            if (autoRange) {
                points = decimators.get(key).update(source, pixels, maxPointsPerSeries, positiveOnly);
            }
            if (points == null) {
                points = source.decimate(lower, upper, pixels, maxPointsPerSeries, positiveOnly);
            }
            dataset.setData(i, points);
        }
    }

    // ---------------------------------------------------------------- hover

    private void showHover(double mx, double my) {
        hoverX = mx;
        hoverY = my;
        var info = canvas.getRenderingInfo();
        if (info == null || info.getPlotInfo() == null || frameHandles.isEmpty()) {
            hideHover();
            return;
        }
        Rectangle2D area = info.getPlotInfo().getDataArea();
        if (!area.contains(mx, my)) {
            hideHover();
            return;
        }
        ValueAxis yAxis = plot.getRangeAxis();
        double x = xAxis.java2DToValue(mx, area, plot.getDomainAxisEdge());
        // The nearest point of each visible series; the crosshair snaps to the x nearest the mouse.
        StringBuilder text = new StringBuilder();
        double snapX = Double.NaN;
        int markerCount = 0;
        List<String> lines = new ArrayList<>();
        for (SeriesHandle h : frameHandles) {
            if (!h.isVisible()) {
                continue;
            }
            MetricSeries.Snapshot s = h.series().snapshot();
            int i = s.nearestIndex(x);
            if (i < 0) {
                continue;
            }
            double px = s.x(i);
            double py = s.y(i);
            if (Double.isNaN(snapX) || Math.abs(px - x) < Math.abs(snapX - x)) {
                snapX = px;
            }
            MetricSeries.Snapshot smoothed = h.lastSmoothed;
            String line;
            if (h.style().kind() == SeriesStyle.Kind.LINE_RAW_AND_SMOOTHED && smoothed != null && i < smoothed.size()
                    && smoothing.get() > 0) {
                line = Messages.format("chart.hover.smoothed", h.label(), number(px), number(py),
                        number(smoothed.y(i)));
                py = smoothed.y(i);
            } else {
                line = Messages.format("chart.hover.value", h.label(), number(px), number(py));
            }
            lines.add(line);
            if (!logScale.get() || py > 0) {
                Circle marker = marker(markerCount++);
                marker.setFill(h.style().color());
                marker.setCenterX(xAxis.valueToJava2D(px, area, plot.getDomainAxisEdge()));
                marker.setCenterY(yAxis.valueToJava2D(py, area, plot.getRangeAxisEdge()));
                marker.setVisible(area.contains(marker.getCenterX(), marker.getCenterY()));
            }
        }
        for (int m = markerCount; m < hoverMarkers.size(); m++) {
            hoverMarkers.get(m).setVisible(false);
        }
        if (lines.isEmpty()) {
            hideHover();
            return;
        }
        text.append(String.join("\n", lines));
        double cx = xAxis.valueToJava2D(snapX, area, plot.getDomainAxisEdge());
        crosshair.setStartX(cx);
        crosshair.setEndX(cx);
        crosshair.setStartY(area.getMinY());
        crosshair.setEndY(area.getMaxY());
        crosshair.setVisible(true);
        hoverLabel.setText(text.toString());
        hoverLabel.setVisible(true);
        hoverLabel.autosize();
        double w = hoverLabel.getWidth();
        double h = hoverLabel.getHeight();
        double lx = mx + 14 + w > area.getMaxX() ? mx - 14 - w : mx + 14;
        double ly = Math.max(area.getMinY(), Math.min(my + 14, area.getMaxY() - h));
        hoverLabel.relocate(Math.max(0, lx), ly);
    }

    private Circle marker(int i) {
        while (hoverMarkers.size() <= i) {
            Circle c = new Circle(4);
            c.setManaged(false);
            c.setMouseTransparent(true);
            c.setStrokeWidth(1.5);
            c.setVisible(false);
            hoverMarkers.add(c);
            getChildren().add(getChildren().indexOf(hoverLabel), c);
            c.setStroke(ChartPalette.of(dark.get()).background());
        }
        return hoverMarkers.get(i);
    }

    private void hideHover() {
        crosshair.setVisible(false);
        hoverLabel.setVisible(false);
        for (Circle c : hoverMarkers) {
            c.setVisible(false);
        }
    }

    /** The read-out shown while hovering ("" when hidden); for tests and accessibility. */
    public String getHoverText() {
        return hoverLabel.isVisible() ? hoverLabel.getText() : "";
    }

    private static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e6)) {
            return String.format("%.4g", v);
        }
        return String.format("%.4f", v);
    }

    // ---------------------------------------------------------------- look

    private void applyTheme() {
        ChartPalette p = ChartPalette.of(dark.get());
        java.awt.Color background = ChartPalette.awt(p.background());
        java.awt.Color text = ChartPalette.awt(p.text());
        java.awt.Color strongText = ChartPalette.awt(p.strongText());
        java.awt.Color grid = ChartPalette.awt(p.grid());
        java.awt.Color axisLine = ChartPalette.awt(p.axisLine());
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeMinorGridlinesVisible(false);
        titleBlock.setPaint(strongText);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(background);
        legend.setItemPaint(text);
        for (ValueAxis axis : List.of(xAxis, linearYAxis, logYAxis)) {
            axis.setLabelFont(new Font(FONT_FAMILY, Font.PLAIN, 13));
            axis.setTickLabelFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(axisLine);
            axis.setTickMarkPaint(axisLine);
            axis.setAxisLineStroke(new BasicStroke(1f));
        }
        Color fxBackground = fx(background);
        setBackground(new Background(new BackgroundFill(fxBackground, CornerRadii.EMPTY, Insets.EMPTY)));
        crosshair.setStroke(p.crosshair());
        hoverLabel.setStyle(p.hoverStyle());
        for (Circle c : hoverMarkers) {
            c.setStroke(p.background());
        }
    }

    private static java.awt.Color awt(Color c, double opacityFactor) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(),
                (float) (c.getOpacity() * opacityFactor));
    }

    private static Color fx(java.awt.Color c) {
        return Color.rgb(c.getRed(), c.getGreen(), c.getBlue(), c.getAlpha() / 255.0);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        canvas.relocate(0, 0);
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 400;
    }

    @Override
    protected double computeMinWidth(double height) {
        return 160;
    }

    @Override
    protected double computeMinHeight(double width) {
        return 120;
    }

    // ---------------------------------------------------------------- export

    private ContextMenu buildContextMenu() {
        MenuItem png = new MenuItem(Messages.get("chart.menu.exportPng"));
        png.setOnAction(e -> exportInteractively(ExportFormat.PNG));
        MenuItem svg = new MenuItem(Messages.get("chart.menu.exportSvg"));
        svg.setOnAction(e -> exportInteractively(ExportFormat.SVG));
        MenuItem csv = new MenuItem(Messages.get("chart.menu.exportCsv"));
        csv.setOnAction(e -> exportInteractively(ExportFormat.CSV));
        CheckMenuItem log = new CheckMenuItem(Messages.get("chart.menu.logScale"));
        log.selectedProperty().bindBidirectional(logScale);
        MenuItem reset = new MenuItem(Messages.get("chart.menu.resetZoom"));
        reset.setOnAction(e -> resetZoom());
        return new ContextMenu(png, svg, csv, new SeparatorMenuItem(), log, reset);
    }

    /** Asks the {@link ExportTargetChooser} where to write, then exports at the chart's current size. FX thread. */
    public void exportInteractively(ExportFormat format) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        String base = title.get().isBlank() ? Messages.get("export.defaultName") : title.get().trim();
        Path target = exportTargetChooser.chooseTarget(format, base.replaceAll("[\\\\/:*?\"<>|]", "_") + "."
                + format.extension(), owner);
        if (target == null) {
            return;
        }
        int w = (int) Math.max(320, Math.round(getWidth()));
        int h = (int) Math.max(240, Math.round(getHeight()));
        try {
            switch (format) {
                case PNG -> exportPng(target, w, h);
                case SVG -> exportSvg(target, w, h);
                case CSV -> exportCsv(target);
                default -> throw new IllegalArgumentException(format.name());
            }
        } catch (IOException | RuntimeException e) {
            exportErrorHandler.accept(e);
        }
    }

    private void showExportError(Exception e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
        alert.setHeaderText(Messages.get("export.failed"));
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
        }
        alert.show();
    }

    /** Writes the chart as a PNG image of {@code width} x {@code height} pixels. FX thread. */
    public void exportPng(Path file, int width, int height) throws IOException {
        updateIfChanged();
        Canvas offscreen = new Canvas(width, height);
        FXGraphics2D g2 = new FXGraphics2D(offscreen.getGraphicsContext2D());
        g2.setZeroStrokeWidth(0.5);
        chart.draw(g2, new Rectangle(width, height));
        WritableImage image = offscreen.snapshot(null, new WritableImage(width, height));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** Writes the chart as an SVG drawing of {@code width} x {@code height}. FX thread. */
    public void exportSvg(Path file, int width, int height) throws IOException {
        updateIfChanged();
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(width, height));
        // SVGUtils.writeToSVG puts a DOCTYPE first; an XML declaration is what most tools expect.
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Writes every point of every series (all data, not the thinned points drawn) as CSV with the columns
     * {@code series,x,y}, series in the order they were added. Any thread.
     */
    public void exportCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,x,y\n");
            for (SeriesHandle h : getSeries()) {
                String name = csv(h.label());
                MetricSeries.Snapshot s = h.series().snapshot();
                StringBuilder row = new StringBuilder(64);
                for (int i = 0; i < s.size(); i++) {
                    row.setLength(0);
                    row.append(name).append(',').append(plain(s.x(i))).append(',').append(plain(s.y(i)))
                            .append('\n');
                    out.write(row.toString());
                }
            }
        }
    }

    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
