package org.layercanvas.app.training;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.layercanvas.runtime.worker.WorkerClient;

/** Runs training in a worker JVM started from this app's own launcher, so that it works installed too. */
public final class WorkerRunners {
    private WorkerRunners() {
    }

    /** @param mainClass the launcher that becomes the worker when given the argument {@code worker} */
    public static TrainingViewModel.RunnerFactory factory(String mainClass, List<String> jvmArgs) {
        return (doc, device, threads, listener) -> {
            WorkerClient client = new WorkerClient(mainClass, jvmArgs, listener::accept);
            client.start(doc, device, threads);
            return new TrainingViewModel.TrainingRunner() {
                @Override
                public void pause() {
                    client.pause();
                }

                @Override
                public void resume() {
                    client.resume();
                }

                @Override
                public void stop() {
                    client.stop();
                }

                @Override
                public CompletableFuture<Path> save(Path path) {
                    return client.save(path);
                }

                @Override
                public long pid() {
                    return client.pid();
                }

                @Override
                public void close() {
                    client.close();
                }
            };
        };
    }
}
