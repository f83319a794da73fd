package org.layercanvas.charts;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.fx.FXGraphics2D;
import org.jfree.svg.SVGGraphics2D;

/** Writes a chart as a PNG image, an SVG drawing or its data as CSV. */
final class ChartExporter {
    private final JFreeChart chart;
    private final Supplier<List<SeriesHandle>> series;

    /**
     * @param chart  what PNG and SVG draw (bring its data up to date first)
     * @param series what CSV writes, all points of each
     */
    ChartExporter(JFreeChart chart, Supplier<List<SeriesHandle>> series) {
        this.chart = chart;
        this.series = series;
    }

    /** Writes {@code target} in {@code format}; PNG and SVG at {@code width} x {@code height}. */
    void export(ExportFormat format, Path target, int width, int height) throws IOException {
        switch (format) {
            case PNG -> png(target, width, height);
            case SVG -> svg(target, width, height);
            case CSV -> csv(target);
            default -> throw new IllegalArgumentException(format.name());
        }
    }

    /** FX thread. */
    void png(Path file, int width, int height) throws IOException {
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

    /** FX thread. */
    void svg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.draw(g2, new Rectangle(width, height));
        // SVGUtils.writeToSVG puts a DOCTYPE first; an XML declaration is what most tools expect.
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n",
                StandardCharsets.UTF_8);
    }

    /** Columns {@code series,x,y}: every point, not the thinned ones drawn. Any thread. */
    void csv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,x,y\n");
            StringBuilder row = new StringBuilder(64);
            for (SeriesHandle h : series.get()) {
                String name = csvField(h.label());
                MetricSeries.Snapshot s = h.series().snapshot();
                for (int i = 0; i < s.size(); i++) {
                    row.setLength(0);
                    row.append(name).append(',').append(plain(s.x(i))).append(',').append(plain(s.y(i)))
                            .append('\n');
                    out.write(row.toString());
                }
            }
        }
    }

    /** The default reaction to a failed export from the context menu: an error dialog over {@code owner}. */
    static void showError(Exception e, Window owner) {
        Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
        alert.setHeaderText(Messages.get("export.failed"));
        if (owner != null) {
            alert.initOwner(owner);
        }
        alert.show();
    }

    /** A file name from a chart title: characters that file systems refuse become underscores. */
    static String fileName(String title, ExportFormat format) {
        String base = title == null || title.isBlank() ? Messages.get("export.defaultName") : title.trim();
        return base.replaceAll("[\\\\/:*?\"<>|]", "_") + "." + format.extension();
    }

    private static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
