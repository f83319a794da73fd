package org.layercanvas.runtime.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.samples.Samples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code layercanvas samples}: the bundled sample projects. */
@Command(name = "samples", resourceBundle = "org.layercanvas.runtime.cli.SamplesCommand",
        mixinStandardHelpOptions = true)
final class SamplesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int width = Samples.names().stream().mapToInt(String::length).max().orElse(8) + 2;
        int exit = ExitCodes.OK;
        for (String name : Samples.names()) {
            try {
                NetworkDocument doc = DocumentSource.load(DocumentSource.SAMPLE_PREFIX + name);
                out.printf("%-" + width + "s%s%n", name, doc.metadata().title());
            } catch (DocumentSource.LoadException e) {
                err.println(Text.get("line.error", e.getMessage()));
                exit = ExitCodes.UNREADABLE;
            }
        }
        out.println(Text.get("samples.hint"));
        return exit;
    }
}
