package org.layercanvas.charts;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
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
    private static final String FONT_FAMILY = "SansSerif";
    public static final String STYLE_CLASS = "live-chart";
    static final String BACKGROUND = "-lc-chart-background";
    private static final javafx.css.PseudoClass DARK = javafx.css.PseudoClass.getPseudoClass("dark");
    private static final String STYLESHEET = LiveChart.class.getResource("charts.css").toExternalForm();
    private static final CssColors.Schema<LiveChart> COLOR_SCHEMA = new CssColors.Schema<>(
            Region.getClassCssMetaData(), c -> c.colors, defaultColors());

    private final JFreeChart chart;
    private final XYPlot plot;
    private final NumberAxis xAxis;
    private final NumberAxis linearYAxis;
    private final LogAxis logYAxis;
    private final XYLineAndShapeRenderer renderer;
    private final FrameDataset dataset = new FrameDataset();
    private final ChartCanvas canvas;
    private final TextTitle titleBlock;

    private final ChartHover hover = new ChartHover(this);
    private final ChartExport export = new ChartExport(this);
    private final CssColors<LiveChart> colors = new CssColors<>(this, COLOR_SCHEMA);
    private final ContextMenu contextMenu;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty xLabel = new SimpleStringProperty(this, "xLabel", "");
    private final StringProperty yLabel = new SimpleStringProperty(this, "yLabel", "");
    private final DoubleProperty smoothing = new SimpleDoubleProperty(this, "smoothing", 0.6);
    private final BooleanProperty logScale = new SimpleBooleanProperty(this, "logScale", false);
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false) {
        @Override
        protected void invalidated() {
            pseudoClassStateChanged(DARK, get());
        }
    };

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
    private Consumer<Exception> exportErrorHandler = export::showExportError;
    private final FrameClock timer = new FrameClock(this, DEFAULT_FRAMES_PER_SECOND, this::frame);

    public LiveChart(String title, String xLabel, String yLabel) {
        this.title.set(title == null ? "" : title);
        this.xLabel.set(xLabel == null ? "" : xLabel);
        this.yLabel.set(yLabel == null ? "" : yLabel);
        xAxis = new NumberAxis(this.xLabel.get());
        linearYAxis = new NumberAxis(this.yLabel.get());
        logYAxis = new NiceLogAxis(this.yLabel.get());
        renderer = new XYLineAndShapeRenderer(true, false);
        plot = new XYPlot(dataset, xAxis, linearYAxis, renderer);
        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        titleBlock = new TextTitle(this.title.get(), new Font(FONT_FAMILY, Font.BOLD, 15));
        configureChart();
        canvas = new ChartCanvas(chart);
        canvas.setTooltipEnabled(false);
        canvas.setFocusTraversable(false);
        getChildren().addAll(canvas, hover.crosshair, hover.label);
        getStyleClass().add(STYLE_CLASS);
        contextMenu = export.contextMenu();
        wireMouse();
        wireProperties();
        applyTheme();
    }

    /** Axes, renderer, plot, title and legend as the chart draws them. */
    private void configureChart() {
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        xAxis.setAutoRangeMinimumSize(1.0); // iterations or epochs: one point still gets a readable axis
        linearYAxis.setAutoRangeIncludesZero(false);
        renderer.setDrawSeriesLineAsPath(true);
        renderer.setDefaultToolTipGenerator(null);
        renderer.setLegendItemLabelGenerator((data, series) -> data.getSeriesKey(series).toString());
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setDomainPannable(true);
        plot.setRangePannable(true);
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlineVisible(false);
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
    }

    private void wireMouse() {
        canvas.setOnContextMenuRequested(e -> {
            hover.hide();
            contextMenu.show(canvas, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover.show(e.getX(), e.getY()));
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> hover.hide());
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover.hide());
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                resetZoom();
            }
        });
    }

    private void wireProperties() {
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
        for (var colour : colors.all()) {
            colour.addListener((obs, o, n) -> applyTheme());
        }
    }

    /** One tick of the frame clock: an update, unless the last one was less than a frame ago. */
    private void frame() {
        long now = System.nanoTime();
        if (now - lastFrameNanos >= minFrameNanos && updateIfChanged()) {
            lastFrameNanos = now;
        }
    }

    /** Whether the frame timer runs: only while the chart is in a showing window. */
    public boolean isFrameTimerRunning() {
        return timer.isRunning();
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

    /** The {@code :dark} pseudo-class: charts.css's dark colours, for applications that do not map a theme. */
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
        timer.setFramesPerSecond(fps);
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
        hover.refresh();
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

    // ---------------------------------------------------------------- look

    /** Puts the CSS colours on the JFreeChart (Java2D) and on the overlays. */
    private void applyTheme() {
        java.awt.Color background = CssColors.awt(colors.get(BACKGROUND));
        java.awt.Color text = CssColors.awt(colors.get("-lc-chart-text"));
        java.awt.Color grid = CssColors.awt(colors.get("-lc-chart-grid"));
        java.awt.Color axisLine = CssColors.awt(colors.get("-lc-chart-axis"));
        chart.setBackgroundPaint(background);
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeMinorGridlinesVisible(false);
        titleBlock.setPaint(CssColors.awt(colors.get("-lc-chart-title")));
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
        setBackground(new Background(new BackgroundFill(colors.get(BACKGROUND), CornerRadii.EMPTY, Insets.EMPTY)));
        hover.recolour(colors.get(BACKGROUND), colors.get("-lc-chart-crosshair"));
        settingsDirty = true;
    }

    // ---------------------------------------------------------------- CSS

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return COLOR_SCHEMA.cssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }

    /** The colour of a CSS property of this chart ({@code -lc-chart-background}, {@code -lc-chart-grid}, ...). */
    public ObjectProperty<Color> colorProperty(String cssName) {
        return colors.property(cssName);
    }

    private static Map<String, Color> defaultColors() {
        Map<String, Color> d = new LinkedHashMap<>();
        d.put(BACKGROUND, Color.WHITE);
        d.put("-lc-chart-text", Color.web("#3c4350"));
        d.put("-lc-chart-title", Color.web("#1b1f27"));
        d.put("-lc-chart-grid", Color.web("#e3e6eb"));
        d.put("-lc-chart-axis", Color.web("#aab0ba"));
        d.put("-lc-chart-crosshair", Color.web("#7b8492"));
        return d;
    }

    // ---------------------------------------------------------------- for the hover and the exports

    ChartCanvas canvas() {
        return canvas;
    }

    List<SeriesHandle> frameHandles() {
        return frameHandles;
    }

    XYPlot plot() {
        return plot;
    }

    NumberAxis xAxis() {
        return xAxis;
    }

    javafx.collections.ObservableList<javafx.scene.Node> children() {
        return getChildren();
    }

    CssColors<LiveChart> colors() {
        return colors;
    }

    ExportTargetChooser exportTargetChooser() {
        return exportTargetChooser;
    }

    Consumer<Exception> exportErrorHandler() {
        return exportErrorHandler;
    }

    public String getTitle() {
        return title.get();
    }

    /** The read-out shown while hovering ("" when hidden); for tests and accessibility. */
    public String getHoverText() {
        return hover.text();
    }

    // ---------------------------------------------------------------- export

    /** Asks the {@link ExportTargetChooser} where to write, then exports at the chart's current size. FX thread. */
    public void exportInteractively(ExportFormat format) {
        export.exportInteractively(format);
    }

    /** Writes the chart as a PNG image of {@code width} x {@code height} pixels. FX thread. */
    public void exportPng(Path file, int width, int height) throws IOException {
        export.exportPng(file, width, height);
    }

    /** Writes the chart as an SVG drawing of {@code width} x {@code height}. FX thread. */
    public void exportSvg(Path file, int width, int height) throws IOException {
        export.exportSvg(file, width, height);
    }

    /**
     * Writes every point of every series (all data, not the thinned points drawn) as CSV with the columns
     * {@code series,x,y}, series in the order they were added. Any thread.
     */
    public void exportCsv(Path file) throws IOException {
        export.exportCsv(file);
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

}
