package org.layercanvas.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.interop.exports.ExportException;
import org.layercanvas.runtime.interop.exports.ExportFormat;
import org.layercanvas.runtime.interop.exports.Exporters;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layercanvas export FILE-or-RUN --format F --out PATH}: a document (or a run folder: its document snapshot
 * and trained model) as Mermaid, SVG, Keras JSON or program, PyTorch program, Java program, ONNX or DL4J zip.
 * Exit 0 written, 1 unreadable input or unwritable output, 2 the network is invalid or the format cannot hold it.
 */
@Command(name = "export", resourceBundle = "org.layercanvas.runtime.cli.ExportCommand",
        mixinStandardHelpOptions = true)
final class ExportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE-or-RUN", descriptionKey = "file")
    private String source;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", descriptionKey = "format")
    private String formatName;

    @Option(names = "--out", required = true, paramLabel = "PATH", descriptionKey = "out")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Optional<ExportFormat> format = ExportFormat.fromCliName(formatName);
        if (format.isEmpty()) {
            String names = Arrays.stream(ExportFormat.values()).map(ExportFormat::cliName)
                    .collect(Collectors.joining(", "));
            err.println(Text.get("line.error", Text.get("option.invalid", "--format",
                    Text.get("export.unknownFormat", formatName, names))));
            return ExitCodes.UNREADABLE;
        }
        NetworkDocument doc;
        Path model = null;
        if (!source.startsWith(DocumentSource.SAMPLE_PREFIX) && Files.isDirectory(Path.of(source))) {
            try {
                Exporters.Run run = Exporters.readRun(Path.of(source));
                doc = run.document();
                model = run.model();
            } catch (ExportException e) {
                err.println(Text.get("line.error", e.getMessage()));
                return ExitCodes.UNREADABLE;
            }
        } else {
            doc = DocumentSource.loadOrReport(source, err);
            if (doc == null) {
                return ExitCodes.UNREADABLE;
            }
        }
        return export(doc, model, format.get(), err);
    }

    private int export(NetworkDocument doc, Path model, ExportFormat format, PrintWriter err) {
        boolean diagram = format == ExportFormat.MERMAID || format == ExportFormat.SVG;
        if (!diagram && DocumentSource.reportErrors(new ShapeInference(LayerCatalog.standard()).analyze(doc), err)) {
            return ExitCodes.INVALID;
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            err.println(Text.get("line.error", Text.get("labelled", out, Text.get("output.noFolder"))));
            return ExitCodes.UNREADABLE;
        }
        try {
            Exporters.Result result = Exporters.export(doc, model, format, out);
            if (result.initialWeights()) {
                err.println(Text.get("line.warning", Text.get("labelled", source,
                        Text.get("export.initialWeights", doc.training().seed()))));
            }
            spec.commandLine().getOut().println(Text.get("export.written", out, format.cliName()));
            return ExitCodes.OK;
        } catch (ExportException e) {
            err.println(Text.get("line.error", e.getMessage()));
            return ExitCodes.INVALID;
        } catch (IOException e) {
            err.println(Text.get("line.error", Text.get("labelled", out,
                    Text.get("export.cannotWrite", String.valueOf(e.getMessage())))));
            return ExitCodes.UNREADABLE;
        }
    }
}
