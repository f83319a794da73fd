package org.layercanvas.runtime.cli;

import java.io.PrintWriter;
import org.layercanvas.runtime.RuntimeInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code layercanvas} command line. {@link #run} returns the exit code documented in {@link ExitCodes}. */
@Command(name = "layercanvas", resourceBundle = "org.layercanvas.runtime.cli.LayerCanvasCli",
        mixinStandardHelpOptions = true, versionProvider = LayerCanvasCli.Version.class,
        subcommands = {CheckCommand.class, TrainCommand.class, ImportCommand.class, ExportCommand.class,
            BenchCommand.class, SamplesCommand.class, DatasetsCommand.class,
            DevicesCommand.class, WorkerCommand.class})
public final class LayerCanvasCli implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new LayerCanvasCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            err.println(Text.get("line.error", ex.getMessage()));
            ex.getCommandLine().usage(err);
            return ExitCodes.UNREADABLE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println(Text.get("line.error", Text.get("internal", ex.toString())));
            return ExitCodes.TRAINING_FAILED;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Prints the versions of LayerCanvas and its engine. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"LayerCanvas " + RuntimeInfo.version(),
                "Deeplearning4j/ND4J " + RuntimeInfo.dl4jVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
