package org.layercanvas.app.main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.layercanvas.app.Messages;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.interop.exports.ExportException;
import org.layercanvas.runtime.interop.exports.ExportFormat;
import org.layercanvas.runtime.interop.exports.Exporters;
import org.layercanvas.runtime.platform.FileReplace;

/**
 * File > Export: the network as Mermaid or SVG text, Keras JSON, a Keras, PyTorch or Java program, ONNX or a DL4J
 * zip (with the weights of the last run when it trained this very network, else the initial ones, and the note
 * says so), or the canvas as a PNG picture. Files are written on the window's executor to a temporary file and
 * moved over the target; a network a format cannot hold is refused with the reason.
 */
final class NetworkExport {
    /** The canvas picture, which only the window can make. */
    static final String PNG = "png";

    private final MainWindow window;

    NetworkExport(MainWindow window) {
        this.window = window;
    }

    /** {@code format} is an {@link ExportFormat}'s command-line name or {@link #PNG}. */
    void choose(String format) {
        NetworkDocument doc = window.session().document();
        Path folder = window.session().file() != null ? window.session().file().getParent() : null;
        String base = window.session().file() != null
                ? window.session().file().getFileName().toString().replaceFirst("\\.lcnet$", "")
                : safeName(doc.metadata().title());
        if (PNG.equals(format)) {
            window.app().fileDialogs().chooseExport(window.stage(), folder, base + ".png",
                    Messages.get("export.format.png"), "*.png").ifPresent(this::writePng);
            return;
        }
        ExportFormat f = ExportFormat.fromCliName(format).orElseThrow();
        window.app().fileDialogs().chooseExport(window.stage(), folder, base + f.extension(),
                Messages.get("export.format." + f.cliName()), "*" + f.extension())
                .ifPresent(out -> write(doc, f, out));
    }

    private static String safeName(String title) {
        String s = title == null ? "" : title.replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "network" : s.toLowerCase(Locale.ROOT);
    }

    /** The last run's folder when it finished and trained exactly this network (layers, wires, settings). */
    private Path trainedRun(NetworkDocument doc) {
        RunStore.RunInfo run = window.training().lastRunProperty().get();
        NetworkDocument trained = window.training().trainedDocumentProperty().get();
        if (run == null || trained == null || !"completed".equals(run.status()) && !"stopped".equals(run.status())
                && !"early-stopped".equals(run.status())) {
            return null;
        }
        return sameNetwork(trained, doc) ? run.folder() : null;
    }

    /** The run's model, which the worker writes just after the run ends: waits a few seconds for it. */
    private static Path modelOf(Path run) throws InterruptedException {
        Path model = run.resolve(RunStore.MODEL);
        for (int i = 0; i < 100 && !Files.exists(model); i++) {
            Thread.sleep(100);
        }
        return Files.exists(model) ? model : null;
    }

    private static boolean sameNetwork(NetworkDocument a, NetworkDocument b) {
        return a.edges().equals(b.edges()) && a.training().equals(b.training()) && a.nodes().size() == b.nodes().size()
                && a.nodes().stream().allMatch(n -> b.node(n.id()).map(m -> m.type() == n.type()
                && m.params().equals(n.params())).orElse(false));
    }

    void write(NetworkDocument doc, ExportFormat format, Path out) {
        Path run = format.needsWeights() ? trainedRun(doc) : null;
        window.tasks().execute(() -> {
            try {
                Path model = run != null ? modelOf(run) : null;
                Exporters.Result r = Exporters.export(doc, model, format, out);
                String detail = r.initialWeights() ? Messages.get("export.initialWeights")
                        : format.needsWeights() ? Messages.get("export.trainedWeights", run.getFileName()) : "";
                Platform.runLater(() -> Dialogs.info(window.stage(),
                        Messages.get("export.written", out.getFileName()), detail));
            } catch (ExportException e) {
                failed(out, Messages.get("export.refused", e.where(), e.what()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                failed(out, String.valueOf(e.getMessage()));
            }
        });
    }

    private void failed(Path out, String why) {
        Platform.runLater(() -> Dialogs.error(window.stage(), Messages.get("export.failed", out.getFileName()), why));
    }

    /** The whole network at 100 % at most, then the view as it was; written off the FX thread. */
    private void writePng(Path out) {
        var editor = window.editor();
        double zoom = editor.getZoom();
        Rectangle2D view = editor.visibleCanvasArea();
        editor.zoomToFit();
        editor.applyCss();
        editor.layout();
        SnapshotParameters params = new SnapshotParameters();
        WritableImage image = editor.snapshot(params, null);
        editor.setZoom(zoom);
        editor.centerOnPoint(new Point2D(view.getMinX() + view.getWidth() / 2, view.getMinY() + view.getHeight() / 2));
        window.tasks().execute(() -> {
            try {
                FileReplace.<IOException>replace(out,
                        temp -> ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", temp.toFile()));
                Platform.runLater(() -> Dialogs.info(window.stage(), Messages.get("export.written", out.getFileName()),
                        ""));
            } catch (IOException | RuntimeException e) {
                failed(out, String.valueOf(e.getMessage()));
            }
        });
    }
}
