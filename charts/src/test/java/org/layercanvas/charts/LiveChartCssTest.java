package org.layercanvas.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.charts.ConfusionMatrixViewTest.fx;

import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The JFreeChart underneath is painted in the colours CSS gives the control. */
@ExtendWith(ApplicationExtension.class)
class LiveChartCssTest extends FxRobot {
    private LiveChart chart;
    private Scene scene;

    @Start
    void start(Stage stage) {
        chart = new LiveChart("Loss", "Iteration", "Loss");
        scene = new Scene(new StackPane(chart), 600, 400);
        scene.getStylesheets().add(css("theme.css"));
        stage.setScene(scene);
        stage.show();
    }

    static String css(String name) {
        return LiveChartCssTest.class.getResource(name).toExternalForm();
    }

    private XYPlot plot() {
        return chart.getJFreeChart().getXYPlot();
    }

    private static java.awt.Color awt(String web) {
        return ChartPalette.awt(Color.web(web));
    }

    @Test
    void defaultsComeFromTheThemesLookedUpColours() {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> plot().getBackgroundPaint())).isEqualTo(awt("#ffffff"));
        assertThat(fx(() -> plot().getDomainAxis().getTickLabelPaint())).isEqualTo(awt("#1f2328"));
        assertThat(fx(() -> plot().getRangeGridlinePaint())).isEqualTo(awt("#d0d7de"));
    }

    @Test
    void switchingTheThemeRecolours() {
        interact(() -> scene.getStylesheets().setAll(css("dark-theme.css")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> plot().getBackgroundPaint())).isEqualTo(awt("#0d1117"));
        assertThat(fx(() -> chart.getJFreeChart().getBackgroundPaint())).isEqualTo(awt("#0d1117"));
        assertThat(fx(() -> plot().getRangeAxis().getLabelPaint())).isEqualTo(awt("#e6edf3"));
    }

    @Test
    void aSceneRuleOverridesTheDefaults() {
        interact(() -> scene.getStylesheets().add(css("custom-chart-colours.css")));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> plot().getBackgroundPaint())).isEqualTo(awt("#ff0000"));
        assertThat(fx(() -> chart.getJFreeChart().getLegend().getItemPaint())).isEqualTo(awt("#00ff00"));
        assertThat(fx(() -> plot().getDomainGridlinePaint())).isEqualTo(awt("#0000ff"));
        assertThat(fx(() -> plot().getDomainAxis().getAxisLinePaint())).isEqualTo(awt("#ffff00"));
        assertThat(fx(() -> chart.crosshairColorProperty().get())).isEqualTo(Color.web("#ff00ff"));
    }

    @Test
    void aFailedExportGoesToOnExportFailed() {
        java.util.List<Exception> failures = new java.util.ArrayList<>();
        chart.setOnExportFailed(failures::add);
        chart.setExportTargetChooser((format, name, owner) -> java.nio.file.Path.of("/nonexistent-dir/x.csv"));
        interact(() -> chart.exportInteractively(ExportFormat.CSV));
        assertThat(failures).hasSize(1);
    }
}
