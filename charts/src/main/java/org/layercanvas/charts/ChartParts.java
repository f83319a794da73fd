package org.layercanvas.charts;

import java.awt.BasicStroke;
import java.awt.Font;
import java.util.List;
import javafx.scene.paint.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/** The JFreeChart behind a {@link LiveChart}: built once with its fonts and layout, recoloured from CSS. */
final class ChartParts {
    private static final String FONT_FAMILY = "SansSerif";

    final FrameDataset dataset = new FrameDataset();
    final NumberAxis xAxis;
    final NumberAxis linearYAxis;
    final LogAxis logYAxis;
    final XYLineAndShapeRenderer renderer;
    final XYPlot plot;
    final JFreeChart chart;
    final TextTitle titleBlock;

    ChartParts(String title, String xLabel, String yLabel) {
        xAxis = new NumberAxis(xLabel);
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setLowerMargin(0.01);
        xAxis.setUpperMargin(0.01);
        xAxis.setAutoRangeMinimumSize(1.0); // iterations or epochs: one point still gets a readable axis
        linearYAxis = new NumberAxis(yLabel);
        linearYAxis.setAutoRangeIncludesZero(false);
        logYAxis = new NiceLogAxis(yLabel);
        for (ValueAxis axis : axes()) {
            axis.setLabelFont(new Font(FONT_FAMILY, Font.PLAIN, 13));
            axis.setTickLabelFont(new Font(FONT_FAMILY, Font.PLAIN, 12));
            axis.setAxisLineStroke(new BasicStroke(1f));
        }

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
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setRangeMinorGridlinesVisible(false);

        chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        titleBlock = new TextTitle("", new Font(FONT_FAMILY, Font.BOLD, 15));
        titleBlock.setPadding(new RectangleInsets(2, 4, 4, 4));
        setTitle(title);
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

    private List<ValueAxis> axes() {
        return List.of(xAxis, linearYAxis, logYAxis);
    }

    void setTitle(String title) {
        titleBlock.setText(title == null ? "" : title);
        titleBlock.setVisible(title != null && !title.isEmpty());
    }

    void setYLabel(String label) {
        linearYAxis.setLabel(label);
        logYAxis.setLabel(label);
    }

    void setLogScale(boolean log) {
        plot.setRangeAxis(log ? logYAxis : linearYAxis);
    }

    /** Paints the chart in these colours (the crosshair is not part of the JFreeChart). */
    void applyColours(Color background, Color text, Color grid, Color axisLine) {
        java.awt.Color awtBackground = ChartPalette.awt(background);
        java.awt.Color awtText = ChartPalette.awt(text);
        java.awt.Color awtGrid = ChartPalette.awt(grid);
        java.awt.Color awtAxisLine = ChartPalette.awt(axisLine);
        chart.setBackgroundPaint(awtBackground);
        plot.setBackgroundPaint(awtBackground);
        plot.setDomainGridlinePaint(awtGrid);
        plot.setRangeGridlinePaint(awtGrid);
        titleBlock.setPaint(awtText);
        LegendTitle legend = chart.getLegend();
        legend.setBackgroundPaint(awtBackground);
        legend.setItemPaint(awtText);
        for (ValueAxis axis : axes()) {
            axis.setLabelPaint(awtText);
            axis.setTickLabelPaint(awtText);
            axis.setAxisLinePaint(awtAxisLine);
            axis.setTickMarkPaint(awtAxisLine);
        }
    }
}
