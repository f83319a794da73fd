package org.layercanvas.runtime.cli;

import java.util.concurrent.Callable;
import org.layercanvas.runtime.worker.WorkerMain;
import picocli.CommandLine.Command;

/**
 * {@code layercanvas worker}: the training worker the desktop app starts in a separate process. Speaks the JSON
 * lines of docs/worker-protocol.md on stdin and stdout; not meant for people, so hidden from the help.
 */
@Command(name = "worker", hidden = true, resourceBundle = "org.layercanvas.runtime.cli.WorkerCommand",
        mixinStandardHelpOptions = true)
final class WorkerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return WorkerMain.runWithStandardStreams();
    }
}
