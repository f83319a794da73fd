package org.layercanvas.charts;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Skin;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;

/**
 * A line chart for training metrics that keeps up with a fast stream of points: several series (raw and smoothed
 * lines, points joined by lines), several runs overlaid, a log-scale toggle, hover read-out, PNG / SVG / CSV export.
 *
 * <p>How it stays fast: {@link SeriesHandle#append} only stores the point (any thread, no events). A clock thread
 * asks the FX thread at most ~30 times a second whether anything changed, thins each series to at most
 * {@link #setMaxPointsPerSeries a few thousand} points (min and max per pixel column) for the visible x range,
 * swaps them into the chart's dataset without notifying, and fires one change, so the chart redraws once per
 * frame whatever the append rate. Lines are drawn as one path per series.
 *
 * <p>The control holds the series, the settings and the JFreeChart; {@link LiveChartSkin} shows it. Its colours
 * are CSS properties of the style class {@code live-chart}: {@code -lc-background}, {@code -lc-text},
 * {@code -lc-grid}, {@code -lc-axis-line}, {@code -lc-crosshair}; their defaults in {@code charts.css} use
 * AtlantaFX's looked-up colours, so the application's light or dark theme restyles the chart.
 *
 * <p>Everything except {@link SeriesHandle#append}, {@link #addSeries}, {@link #removeSeries}, {@link #removeRun},
 * {@link #clear()} and {@link #exportCsv} belongs to the FX thread.
 */
public class LiveChart extends Control {
    /**
     * Default limit of drawn points per line: min and max of ~500 columns, one per one or two pixels. Twice as many
     * looks the same and costs the (software) renderer about twice as much per frame.
     */
    public static final int DEFAULT_MAX_POINTS = 1000;
    /** The style class of the control. */
    public static final String STYLE_CLASS = "live-chart";
    /** Set while {@link #isDark()}; the AtlantaFX colours follow the theme without it. */
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");

    private static final String STYLESHEET =
            Objects.requireNonNull(LiveChart.class.getResource("charts.css"), "charts.css").toExternalForm();
    private static final CssMetaData<LiveChart, Color> BACKGROUND =
            CssColors.metaData("-lc-background", ChartPalette.LIGHT.background(), c -> c.backgroundColor);
    private static final CssMetaData<LiveChart, Color> TEXT =
            CssColors.metaData("-lc-text", ChartPalette.LIGHT.text(), c -> c.textColor);
    private static final CssMetaData<LiveChart, Color> GRID =
            CssColors.metaData("-lc-grid", ChartPalette.LIGHT.grid(), c -> c.gridColor);
    private static final CssMetaData<LiveChart, Color> AXIS_LINE =
            CssColors.metaData("-lc-axis-line", ChartPalette.LIGHT.axisLine(), c -> c.axisLineColor);
    private static final CssMetaData<LiveChart, Color> CROSSHAIR =
            CssColors.metaData("-lc-crosshair", ChartPalette.LIGHT.crosshair(), c -> c.crosshairColor);
    private static final List<CssMetaData<? extends Styleable, ?>> CSS_META_DATA;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Control.getClassCssMetaData());
        all.addAll(List.of(BACKGROUND, TEXT, GRID, AXIS_LINE, CROSSHAIR));
        CSS_META_DATA = Collections.unmodifiableList(all);
    }

    private final ChartParts parts;
    private final SeriesRegistry registry = new SeriesRegistry();
    private final FrameBuilder frames;
    private final FrameTicker ticker = new FrameTicker(this::updateIfChanged);
    private final ChartExporter exporter;

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
    private final ObjectProperty<Consumer<Exception>> onExportFailed =
            new SimpleObjectProperty<>(this, "onExportFailed");
    private final StyleableObjectProperty<Color> backgroundColor = CssColors.property(this, "backgroundColor", BACKGROUND);
    private final StyleableObjectProperty<Color> textColor = CssColors.property(this, "textColor", TEXT);
    private final StyleableObjectProperty<Color> gridColor = CssColors.property(this, "gridColor", GRID);
    private final StyleableObjectProperty<Color> axisLineColor = CssColors.property(this, "axisLineColor", AXIS_LINE);
    private final StyleableObjectProperty<Color> crosshairColor = CssColors.property(this, "crosshairColor", CROSSHAIR);

    private int maxPointsPerSeries = DEFAULT_MAX_POINTS;
    private FrameTimeListener frameTimeListener;
    private ExportTargetChooser exportTargetChooser = ExportTargetChooser.fileChooser();

    public LiveChart(String title, String xLabel, String yLabel) {
        getStyleClass().add(STYLE_CLASS);
        this.title.set(title == null ? "" : title);
        this.xLabel.set(xLabel == null ? "" : xLabel);
        this.yLabel.set(yLabel == null ? "" : yLabel);
        parts = new ChartParts(this.title.get(), this.xLabel.get(), this.yLabel.get());
        frames = new FrameBuilder(parts, registry);
        exporter = new ChartExporter(parts.chart, registry::list);
        // Control shows it on a context-menu request; getContextMenu() keeps returning it.
        setContextMenu(buildContextMenu());

        this.title.addListener((obs, o, n) -> parts.setTitle(n));
        this.xLabel.addListener((obs, o, n) -> parts.xAxis.setLabel(n));
        this.yLabel.addListener((obs, o, n) -> parts.setYLabel(n));
        smoothing.addListener((obs, o, n) -> frames.markSettingsDirty());
        logScale.addListener((obs, o, n) -> {
            parts.setLogScale(n);
            frames.markSettingsDirty();
        });
        for (StyleableObjectProperty<Color> colour : List.of(backgroundColor, textColor, gridColor, axisLineColor)) {
            colour.addListener((obs, o, n) -> applyColours());
        }
        applyColours();
        ticker.followShowing(this);
    }

    private void applyColours() {
        parts.applyColours(backgroundColor.get(), textColor.get(), gridColor.get(), axisLineColor.get());
    }

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

    /** Whether the frame timer runs: only while the chart is in a showing window. */
    public boolean isFrameTimerRunning() {
        return ticker.isRunning();
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
        return registry.add(new SeriesHandle(key, runId, label, style));
    }

    /** The series with this key, or null. Any thread. */
    public SeriesHandle getSeries(String key) {
        return registry.get(key);
    }

    /** All series, in the order they were added. Any thread. */
    public List<SeriesHandle> getSeries() {
        return registry.list();
    }

    /** Removes a series; returns false if there was none with this key. Any thread. */
    public boolean removeSeries(String key) {
        return registry.remove(key);
    }

    /** Removes every series of a run. Any thread. */
    public void removeRun(String runId) {
        registry.removeRun(runId);
    }

    /** Removes every series. Any thread. */
    public void clear() {
        registry.clear();
    }

    /** The series as drawn by the last frame (FX thread). */
    List<SeriesHandle> frameHandles() {
        return frames.frameHandles();
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

    /**
     * Whether the app shows its dark theme. Kept for source compatibility: the colours come from CSS and follow the
     * AtlantaFX theme by themselves; this only sets the {@code :dark} pseudo-class for stylesheets that want it.
     */
    public BooleanProperty darkProperty() {
        return dark;
    }

    public boolean isDark() {
        return dark.get();
    }

    public void setDark(boolean value) {
        dark.set(value);
    }

    /** The plot's and legend's background ({@code -lc-background}). */
    public StyleableObjectProperty<Color> backgroundColorProperty() {
        return backgroundColor;
    }

    /** Title, legend, axis and tick labels ({@code -lc-text}). */
    public StyleableObjectProperty<Color> textColorProperty() {
        return textColor;
    }

    /** Grid lines ({@code -lc-grid}). */
    public StyleableObjectProperty<Color> gridColorProperty() {
        return gridColor;
    }

    /** Axis lines and tick marks ({@code -lc-axis-line}). */
    public StyleableObjectProperty<Color> axisLineColorProperty() {
        return axisLineColor;
    }

    /** The hover line ({@code -lc-crosshair}). */
    public StyleableObjectProperty<Color> crosshairColorProperty() {
        return crosshairColor;
    }

    /** The most points drawn per line (at least 8; default {@value #DEFAULT_MAX_POINTS}). All points are kept. */
    public void setMaxPointsPerSeries(int max) {
        if (max < 8) {
            throw new IllegalArgumentException("at least 8: " + max);
        }
        maxPointsPerSeries = max;
        frames.markSettingsDirty();
    }

    public int getMaxPointsPerSeries() {
        return maxPointsPerSeries;
    }

    /** Where the context menu's exports are written; by default a save dialog. */
    public void setExportTargetChooser(ExportTargetChooser chooser) {
        exportTargetChooser = Objects.requireNonNull(chooser, "chooser");
    }

    /** Told about exports from the context menu that failed; null (the default) shows an error dialog. */
    public ObjectProperty<Consumer<Exception>> onExportFailedProperty() {
        return onExportFailed;
    }

    public Consumer<Exception> getOnExportFailed() {
        return onExportFailed.get();
    }

    public void setOnExportFailed(Consumer<Exception> handler) {
        onExportFailed.set(handler);
    }

    /** Same as {@link #setOnExportFailed}, kept for source compatibility. */
    public void setExportErrorHandler(Consumer<Exception> handler) {
        setOnExportFailed(Objects.requireNonNull(handler, "handler"));
    }

    /**
     * At most this many redraws a second (default 30, at most 60). On a machine where the chart shares few cores
     * with heavy work, fewer redraws leave more for that work.
     */
    public void setMaxFramesPerSecond(int framesPerSecond) {
        ticker.setFramesPerSecond(framesPerSecond);
    }

    /** Told the FX-thread time of each frame that rebuilt and redrew the chart (diagnostics); or null. */
    public void setFrameTimeListener(FrameTimeListener listener) {
        frameTimeListener = listener;
    }

    /** The JFreeChart underneath, for tests and for styling beyond what this class offers. */
    public JFreeChart getJFreeChart() {
        return parts.chart;
    }

    /** Stops the frame timer for good; call when throwing the chart away while it is still in a scene. */
    public void dispose() {
        ticker.stop();
        if (getContextMenu() != null) {
            getContextMenu().hide();
        }
    }

    /** Shows the full data again after zooming or panning (double click does the same). */
    public void resetZoom() {
        parts.xAxis.setAutoRange(true);
        parts.plot.getRangeAxis().setAutoRange(true);
        frames.markSettingsDirty();
    }

    /** The read-out shown while hovering ("" when hidden); for tests and accessibility. */
    public String getHoverText() {
        return getSkin() instanceof LiveChartSkin skin ? skin.hoverText() : "";
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
        LiveChartSkin skin = getSkin() instanceof LiveChartSkin s ? s : null;
        double width = skin != null ? skin.dataAreaWidth() : Math.max(100, Math.round(getWidth()));
        FrameBuilder.Settings settings = new FrameBuilder.Settings(smoothing.get(), logScale.get(),
                maxPointsPerSeries);
        if (!frames.update(width, settings)) {
            return false;
        }
        if (skin != null) {
            skin.frameDrawn();
        }
        if (timing != null) {
            long cpu = cpuStart < 0 ? -1 : threads.getCurrentThreadCpuTime() - cpuStart;
            timing.frameRendered(System.nanoTime() - start, cpu);
        }
        return true;
    }

    // ---------------------------------------------------------------- export

    /** Asks the {@link ExportTargetChooser} where to write, then exports at the chart's current size. FX thread. */
    public void exportInteractively(ExportFormat format) {
        Window owner = getScene() == null ? null : getScene().getWindow();
        Path target = exportTargetChooser.chooseTarget(format, ChartExporter.fileName(title.get(), format), owner);
        if (target == null) {
            return;
        }
        int w = (int) Math.max(320, Math.round(getWidth()));
        int h = (int) Math.max(240, Math.round(getHeight()));
        try {
            updateIfChanged();
            exporter.export(format, target, w, h);
        } catch (IOException | RuntimeException e) {
            Consumer<Exception> handler = onExportFailed.get();
            if (handler != null) {
                handler.accept(e);
            } else {
                ChartExporter.showError(e, owner);
            }
        }
    }

    /** Writes the chart as a PNG image of {@code width} x {@code height} pixels. FX thread. */
    public void exportPng(Path file, int width, int height) throws IOException {
        updateIfChanged();
        exporter.png(file, width, height);
    }

    /** Writes the chart as an SVG drawing of {@code width} x {@code height}. FX thread. */
    public void exportSvg(Path file, int width, int height) throws IOException {
        updateIfChanged();
        exporter.svg(file, width, height);
    }

    /**
     * Writes every point of every series (all data, not the thinned points drawn) as CSV with the columns
     * {@code series,x,y}, series in the order they were added. Any thread.
     */
    public void exportCsv(Path file) throws IOException {
        exporter.csv(file);
    }

    // ---------------------------------------------------------------- control

    @Override
    protected Skin<?> createDefaultSkin() {
        return new LiveChartSkin(this);
    }

    @Override
    public String getUserAgentStylesheet() {
        return STYLESHEET;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS_META_DATA;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getControlCssMetaData() {
        return getClassCssMetaData();
    }
}
