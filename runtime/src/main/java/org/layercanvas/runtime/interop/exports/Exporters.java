package org.layercanvas.runtime.interop.exports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.compile.CompileException;
import org.layercanvas.runtime.compile.GraphCompiler;
import org.layercanvas.runtime.train.ModelFiles;

/**
 * The one entry point for exports, for the command line and the app's File > Export. Every format is written to a
 * temporary file and moved over the target. Formats with weights ({@link ExportFormat#needsWeights()}) take them
 * from the trained model when there is one (a run folder's {@code model.zip}, or a graph in memory); without one
 * they carry the freshly initialised weights of the document's seed, and {@link Result#initialWeights()} says so.
 */
public final class Exporters {
    /** A run folder's document snapshot and trained model, as the app's run store writes them. */
    public static final String RUN_DOCUMENT = "document.lcnet";
    public static final String RUN_MODEL = "model.zip";

    /** What was written. */
    public record Result(Path file, ExportFormat format, boolean initialWeights) {
    }

    /** A run folder read: the document as trained, and the trained model when one was saved. */
    public record Run(NetworkDocument document, Path model) {
    }

    private Exporters() {
    }

    /** Reads a run folder ({@value #RUN_DOCUMENT}, and {@value #RUN_MODEL} when present). */
    public static Run readRun(Path folder) throws ExportException {
        Path doc = folder.resolve(RUN_DOCUMENT);
        try {
            NetworkDocument document = DocumentJson.read(doc);
            Path model = folder.resolve(RUN_MODEL);
            return new Run(document, Files.isRegularFile(model) ? model : null);
        } catch (NoSuchFileException e) {
            throw new ExportException(folder.toString(), ExportMessages.format("run.noDocument", RUN_DOCUMENT));
        } catch (DocumentFormatException e) {
            throw new ExportException(doc.toString(), e.getMessage(), e);
        } catch (IOException e) {
            throw new ExportException(doc.toString(), ExportMessages.format("file.unreadable", e.getMessage()), e);
        }
    }

    /** Exports a document, with the trained model saved in {@code modelZip} (may be null). */
    public static Result export(NetworkDocument doc, Path modelZip, ExportFormat format, Path out)
            throws ExportException, IOException {
        ComputationGraph trained = null;
        if (modelZip != null && format.needsWeights()) {
            try {
                trained = ModelFiles.load(modelZip);
            } catch (IOException | RuntimeException e) {
                throw new ExportException(modelZip.toString(),
                        ExportMessages.format("trained.unreadable", String.valueOf(e.getMessage())), e);
            }
        }
        return exportTrained(doc, trained, format, out);
    }

    /** Exports a run folder: its document as trained, with its trained model when one was saved. */
    public static Result exportRun(Path runFolder, ExportFormat format, Path out) throws ExportException, IOException {
        Run run = readRun(runFolder);
        return export(run.document(), run.model(), format, out);
    }

    /**
     * Exports a document with a trained graph in memory (null: the initial weights), e.g. the app's current
     * model; a graph compiled from this document, so that vertex names are node ids.
     */
    public static Result exportTrained(NetworkDocument doc, ComputationGraph trained, ExportFormat format, Path out)
            throws ExportException, IOException {
        if (!format.needsWeights()) {
            ExportFiles.write(out, text(doc, format).getBytes(StandardCharsets.UTF_8));
            return new Result(out, format, false);
        }
        ComputationGraph graph = trained == null ? initialised(doc) : trained;
        if (format == ExportFormat.ONNX) {
            byte[] model = new OnnxExporter().export(doc, graph);
            ExportFiles.write(out, model);
        } else {
            ComputationGraph g = graph;
            ExportFiles.write(out, file -> ModelSerializer.writeModel(g, file.toFile(), true));
        }
        return new Result(out, format, trained == null);
    }

    /** The text of a text format. */
    public static String text(NetworkDocument doc, ExportFormat format) throws ExportException {
        LayerCatalog catalog = LayerCatalog.standard();
        return switch (format) {
            case MERMAID -> new MermaidExporter(catalog).export(doc);
            case KERAS_JSON -> new KerasJsonExporter().export(doc);
            case KERAS_PY -> new KerasProgramExporter().export(doc);
            case PYTORCH -> new PyTorchExporter().export(doc);
            case JAVA -> new JavaProgramExporter().export(doc);
            case SVG -> new SvgExporter(catalog).export(doc);
            case ONNX, DL4J -> throw new IllegalArgumentException(format + " is not a text format");
        };
    }

    /** The document's network with the initial weights its seed gives. */
    static ComputationGraph initialised(NetworkDocument doc) throws ExportException {
        try {
            ComputationGraph graph = new ComputationGraph(
                    new GraphCompiler(LayerCatalog.standard()).compile(doc).configuration());
            graph.init();
            return graph;
        } catch (CompileException e) {
            ExportGraph.of(doc); // names the first error of the document, when that is the reason
            throw new ExportException(doc.metadata().title(), e.getMessage(), e);
        }
    }
}
