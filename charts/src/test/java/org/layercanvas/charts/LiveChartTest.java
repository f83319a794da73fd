package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class LiveChartTest extends FxRobot {
    private LiveChart chart;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("Loss", "Iteration", "Loss");
        Scene scene = new Scene(new StackPane(chart), 800, 500);
        // charts.css refers to the AtlantaFX theme's colours; theme.css stands in for it.
        scene.getStylesheets().add(LiveChartTest.class.getResource("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private XYPlot plot() {
        return chart.getJFreeChart().getXYPlot();
    }

    @Test
    void theFrameTimerRunsOnlyWhileTheChartsWindowShows() throws Exception {
        Stage stage = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> (Stage) chart.getScene().getWindow()).get();
        assertThat(chart.isFrameTimerRunning()).isTrue();
        interact(stage::hide);
        // a closed window keeps its scene and the chart in it: the shared timer thread must let go of it
        assertThat(chart.getScene()).isNotNull();
        assertThat(chart.isFrameTimerRunning()).isFalse();
        interact(stage::show);
        assertThat(chart.isFrameTimerRunning()).isTrue();
        interact(() -> ((StackPane) chart.getParent()).getChildren().remove(chart));
        assertThat(chart.isFrameTimerRunning()).isFalse();
        Stage other = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            s.setScene(new Scene(new StackPane(chart), 300, 200));
            return s;
        }).get();
        assertThat(chart.isFrameTimerRunning()).as("in a scene whose window is not shown yet").isFalse();
        interact(other::show);
        assertThat(chart.isFrameTimerRunning()).isTrue();
        interact(other::close);
        assertThat(chart.isFrameTimerRunning()).isFalse();
    }

    @Test
    void hundredThousandBackgroundAppendsShowDecimatedWithTheLastPoint() throws Exception {
        SeriesHandle train = chart.addSeries("train", "run1", "training loss",
                SeriesStyle.rawAndSmoothed(Color.web("#0072B2")));
        SeriesHandle val = chart.addSeries("val", "run1", "validation loss",
                SeriesStyle.pointsAndLine(Color.web("#E69F00")));
        int n = 100_000;
        Thread producer = new Thread(() -> {
            for (int i = 1; i <= n; i++) {
                train.append(i, 2.0 / Math.sqrt(i) + 0.1 * Math.random());
                if (i % 1000 == 0) {
                    val.append(i, 2.0 / Math.sqrt(i));
                }
            }
        });
        producer.start();
        producer.join();
        waitUntil(() -> {
            XYDataset d = plot().getDataset();
            return d.getSeriesCount() == 3 && d.getItemCount(0) > 0
                    && d.getXValue(0, d.getItemCount(0) - 1) == n
                    && d.getXValue(1, d.getItemCount(1) - 1) == n;
        });
        XYDataset d = plot().getDataset();
        for (int s = 0; s < d.getSeriesCount(); s++) {
            assertThat(d.getItemCount(s)).isLessThanOrEqualTo(chart.getMaxPointsPerSeries()).isPositive();
            assertThat(d.getXValue(s, d.getItemCount(s) - 1)).isEqualTo(n);
        }
        assertThat(d.getItemCount(0)).isLessThan(n);
        assertThat(d.getItemCount(2)).isEqualTo(100); // sparse series drawn whole
        assertThat(train.series().size()).isEqualTo(n);
        // legend: one entry per series handle (the faint raw line has none)
        assertThat(plot().getLegendItems().getItemCount()).isEqualTo(2);
    }

    @Test
    void aSinglePointGetsAxesThatFitTheNumbersSize() {
        SeriesHandle h = chart.addSeries("acc", "a", SeriesStyle.pointsAndLine(Color.BLUE));
        h.append(45, 0.8317107);
        waitUntil(() -> plot().getDataset().getSeriesCount() == 1 && plot().getDataset().getItemCount(0) == 1);
        // JFreeChart's default would be a span of 1e-8: five tick labels all reading 8.317107E-1
        waitUntil(() -> plot().getRangeAxis().getRange().getLength() >= 0.8317107 * 0.02 * 0.999);
        assertThat(plot().getRangeAxis().getRange().contains(0.8317107)).isTrue();
        assertThat(plot().getDomainAxis().getRange().getLength()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void logScaleSwapsTheRangeAxisAndSkipsNonPositiveValues() {
        SeriesHandle h = chart.addSeries("a", "a", SeriesStyle.line(Color.BLUE));
        for (int i = 0; i < 10; i++) {
            h.append(i, i - 3); // -3 .. 6
        }
        waitUntil(() -> plot().getDataset().getSeriesCount() == 1 && plot().getDataset().getItemCount(0) == 10);
        assertThat(plot().getRangeAxis()).isInstanceOf(NumberAxis.class);
        interact(() -> chart.setLogScale(true));
        waitUntil(() -> plot().getDataset().getItemCount(0) == 6);
        assertThat(plot().getRangeAxis()).isInstanceOf(LogAxis.class);
        assertThat(plot().getRangeAxis().getLowerBound()).isPositive();
        interact(() -> chart.setLogScale(false));
        waitUntil(() -> plot().getDataset().getItemCount(0) == 10);
        assertThat(plot().getRangeAxis()).isInstanceOf(NumberAxis.class).isNotInstanceOf(LogAxis.class);
    }

    @Test
    void removeSeriesAndRunsAndClear() {
        chart.addSeries("a", "r1", "a", SeriesStyle.rawAndSmoothed(Color.BLUE)).append(1, 1);
        chart.addSeries("b", "r1", "b", SeriesStyle.line(Color.RED)).append(1, 1);
        chart.addSeries("c", "r2", "c", SeriesStyle.line(Color.GREEN)).append(1, 1);
        waitUntil(() -> plot().getDataset().getSeriesCount() == 4);
        assertThat(chart.removeSeries("b")).isTrue();
        waitUntil(() -> plot().getDataset().getSeriesCount() == 3);
        chart.removeRun("r1");
        waitUntil(() -> plot().getDataset().getSeriesCount() == 1);
        assertThat(chart.getSeries()).extracting(SeriesHandle::key).containsExactly("c");
        chart.clear();
        waitUntil(() -> plot().getDataset().getSeriesCount() == 0);
    }

    @Test
    void csvHasEveryPoint() throws Exception {
        SeriesHandle a = chart.addSeries("a", "train, loss", SeriesStyle.rawAndSmoothed(Color.BLUE));
        SeriesHandle b = chart.addSeries("b", "val", SeriesStyle.pointsAndLine(Color.RED));
        for (int i = 0; i < 50_000; i++) {
            a.append(i, 1.0 / (i + 1));
        }
        b.append(0, 0.5);
        b.append(1, 0.25);
        Path csv = dir.resolve("loss.csv");
        chart.exportCsv(csv);
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1 + 50_000 + 2);
        assertThat(lines.get(0)).isEqualTo("series,x,y");
        assertThat(lines.get(1)).isEqualTo("\"train, loss\",0,1");
        assertThat(lines.get(3)).isEqualTo("\"train, loss\",2," + (1.0 / 3));
        assertThat(lines.get(lines.size() - 1)).isEqualTo("val,1,0.25");
    }

    @Test
    void pngAndSvgExportsAreWritten() throws Exception {
        SeriesHandle a = chart.addSeries("a", "loss", SeriesStyle.rawAndSmoothed(Color.BLUE));
        for (int i = 1; i < 5000; i++) {
            a.append(i, 1.0 / i);
        }
        Path png = dir.resolve("c.png");
        Path svg = dir.resolve("c.svg");
        interact(() -> {
            try {
                chart.exportPng(png, 640, 400);
                chart.exportSvg(svg, 640, 400);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(Files.size(png)).isPositive();
        byte[] header = Files.readAllBytes(png);
        assertThat(header[1]).isEqualTo((byte) 'P');
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(640);
        String text = Files.readString(svg, StandardCharsets.UTF_8).stripLeading();
        assertThat(text).matches("(?s)(<svg|<\\?xml).*").contains("</svg>");
    }

    @Test
    void contextMenuExportUsesTheSuppliedChooser() throws Exception {
        chart.addSeries("a", "loss", SeriesStyle.line(Color.BLUE)).append(1, 2);
        Path target = dir.resolve("menu.csv");
        chart.setExportTargetChooser((format, name, owner) -> {
            assertThat(name).isEqualTo("Loss.csv");
            return target;
        });
        interact(() -> chart.exportInteractively(ExportFormat.CSV));
        assertThat(Files.readAllLines(target)).containsExactly("series,x,y", "loss,1,2");
        assertThat(chart.getContextMenu().getItems()).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void hoverShowsTheNearestPointOfEachSeries() {
        SeriesHandle a = chart.addSeries("a", "train", SeriesStyle.line(Color.BLUE));
        SeriesHandle b = chart.addSeries("b", "val", SeriesStyle.pointsAndLine(Color.RED));
        for (int i = 0; i <= 100; i++) {
            a.append(i, i * 0.5);
        }
        b.append(0, 7);
        b.append(100, 9);
        waitUntil(() -> plot().getDataset().getSeriesCount() == 2 && plot().getDataset().getItemCount(0) == 101);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> chart.lookupAll("*").size() > 0 && chartDataAreaReady());
        Bounds screen = fx(() -> chart.localToScreen(chart.getLayoutBounds()));
        java.awt.geom.Rectangle2D area = fx(() -> chart.getJFreeChart().getXYPlot() != null
                ? dataArea() : null);
        double x = fx(() -> plot().getDomainAxis().valueToJava2D(90, area, plot().getDomainAxisEdge()));
        moveTo(new javafx.geometry.Point2D(screen.getMinX() + x, screen.getMinY() + area.getCenterY()));
        waitUntil(() -> !chart.getHoverText().isEmpty());
        String text = fx(chart::getHoverText);
        assertThat(text).contains("train").contains("45").contains("val").contains("9");
    }

    private boolean chartDataAreaReady() {
        return dataArea() != null && dataArea().getWidth() > 0;
    }

    private java.awt.geom.Rectangle2D dataArea() {
        org.jfree.chart.fx.ChartCanvas canvas = (org.jfree.chart.fx.ChartCanvas) chart.getChildrenUnmodifiable().get(0);
        var info = canvas.getRenderingInfo();
        return info == null || info.getPlotInfo() == null ? null : info.getPlotInfo().getDataArea();
    }

    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in time", e);
        }
    }
}
