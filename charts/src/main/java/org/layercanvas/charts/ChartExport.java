package org.layercanvas.charts;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.image.WritableImage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.jfree.fx.FXGraphics2D;
import org.jfree.svg.SVGGraphics2D;

/** A live chart's exports (PNG, SVG, CSV of all points) and the context menu that offers them. */
final class ChartExport {
    private final LiveChart chart;

    ChartExport(LiveChart chart) {
        this.chart = chart;
    }

    ContextMenu contextMenu() {
        MenuItem png = new MenuItem(Messages.get("chart.menu.exportPng"));
        png.setOnAction(e -> exportInteractively(ExportFormat.PNG));
        MenuItem svg = new MenuItem(Messages.get("chart.menu.exportSvg"));
        svg.setOnAction(e -> exportInteractively(ExportFormat.SVG));
        MenuItem csv = new MenuItem(Messages.get("chart.menu.exportCsv"));
        csv.setOnAction(e -> exportInteractively(ExportFormat.CSV));
        CheckMenuItem log = new CheckMenuItem(Messages.get("chart.menu.logScale"));
        log.selectedProperty().bindBidirectional(chart.logScaleProperty());
        MenuItem reset = new MenuItem(Messages.get("chart.menu.resetZoom"));
        reset.setOnAction(e -> chart.resetZoom());
        return new ContextMenu(png, svg, csv, new SeparatorMenuItem(), log, reset);
    }

    /** Asks the chooser where to write, then exports at the chart's current size. FX thread. */
    void exportInteractively(ExportFormat format) {
        Window owner = chart.getScene() == null ? null : chart.getScene().getWindow();
        String base = chart.getTitle().isBlank() ? Messages.get("export.defaultName") : chart.getTitle().trim();
        Path target = chart.exportTargetChooser().chooseTarget(format, base.replaceAll("[\\\\/:*?\"<>|]", "_") + "."
                + format.extension(), owner);
        if (target == null) {
            return;
        }
        int w = (int) Math.max(320, Math.round(chart.getWidth()));
        int h = (int) Math.max(240, Math.round(chart.getHeight()));
        try {
            switch (format) {
                case PNG -> exportPng(target, w, h);
                case SVG -> exportSvg(target, w, h);
                case CSV -> exportCsv(target);
                default -> throw new IllegalArgumentException(format.name());
            }
        } catch (IOException | RuntimeException e) {
            chart.exportErrorHandler().accept(e);
        }
    }

    void showExportError(Exception e) {
        Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
        alert.setHeaderText(Messages.get("export.failed"));
        if (chart.getScene() != null) {
            alert.initOwner(chart.getScene().getWindow());
        }
        alert.show();
    }

    void exportPng(Path file, int width, int height) throws IOException {
        chart.updateIfChanged();
        Canvas offscreen = new Canvas(width, height);
        FXGraphics2D g2 = new FXGraphics2D(offscreen.getGraphicsContext2D());
        g2.setZeroStrokeWidth(0.5);
        chart.getJFreeChart().draw(g2, new Rectangle(width, height));
        WritableImage image = offscreen.snapshot(null, new WritableImage(width, height));
        BufferedImage buffered = SwingFXUtils.fromFXImage(image, null);
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    void exportSvg(Path file, int width, int height) throws IOException {
        chart.updateIfChanged();
        SVGGraphics2D g2 = new SVGGraphics2D(width, height);
        chart.getJFreeChart().draw(g2, new Rectangle(width, height));
        // SVGUtils.writeToSVG puts a DOCTYPE first; an XML declaration is what most tools expect.
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g2.getSVGElement() + "\n",
                StandardCharsets.UTF_8);
    }

    /**
     * Writes every point of every series (all data, not the thinned points drawn) as CSV with the columns
     * {@code series,x,y}, series in the order they were added. Any thread.
     */
    void exportCsv(Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("series,x,y\n");
            for (SeriesHandle h : chart.getSeries()) {
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
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String csv(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
