package org.layercanvas.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.interop.imports.ImportException;
import org.layercanvas.runtime.interop.imports.ImportProblem;
import org.layercanvas.runtime.interop.imports.ImportResult;
import org.layercanvas.runtime.interop.imports.ImportedWeights;
import org.layercanvas.runtime.interop.imports.Importers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layercanvas import FILE --out NET.lcnet}: a Keras, DL4J or Mermaid file to a document, written atomically;
 * weights the file carries are kept next to it as {@code NET.weights.h5}, {@code .keras} or {@code .zip}.
 */
@Command(name = "import", resourceBundle = "org.layercanvas.runtime.cli.ImportCommand", mixinStandardHelpOptions = true)
final class ImportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", descriptionKey = "file")
    private Path file;

    @Option(names = "--out", paramLabel = "NET.lcnet", required = true, descriptionKey = "out")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ImportResult result;
        try {
            result = Importers.read(file);
        } catch (ImportException e) {
            for (ImportProblem p : e.problems()) {
                err.println(Text.get("line.error", Text.get("labelled", p.where(), p.what())));
            }
            return e.unreadable() ? ExitCodes.UNREADABLE : ExitCodes.INVALID;
        }
        for (ImportProblem p : result.warnings()) {
            err.println(Text.get("line.warning", Text.get("labelled", p.where(), p.what())));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent == null || !java.nio.file.Files.isDirectory(parent)) {
            err.println(Text.get("line.error", Text.get("labelled", out, Text.get("output.noFolder"))));
            return ExitCodes.UNREADABLE;
        }
        try {
            if (result.weights() != null) {
                ImportedWeights w = result.weights();
                Path kept = w.keepNextTo(out);
                stdout.println(Text.get("import.weightsKept", kept, String.format(Locale.ROOT, "%,d", w.total())));
            }
            DocumentJson.writeAtomically(result.document(), out);
        } catch (IOException | RuntimeException e) {
            err.println(Text.get("line.error", Text.get("labelled", out, Text.get("import.cannotWrite",
                    String.valueOf(e.getMessage())))));
            return ExitCodes.UNREADABLE;
        }
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(result.document());
        stdout.println(Text.get("import.done", out, result.document().nodes().size(),
                String.format(Locale.ROOT, "%,d", analysis.totalParams())));
        return ExitCodes.OK;
    }
}
