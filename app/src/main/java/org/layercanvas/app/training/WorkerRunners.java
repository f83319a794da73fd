package org.layercanvas.app.training;

import org.layercanvas.runtime.device.DeviceRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.worker.WorkerClient;
import org.layercanvas.runtime.worker.WorkerProtocol;

/** Runs training in a worker JVM started from this app's own launcher, so that it works installed too. */
public final class WorkerRunners {
    private WorkerRunners() {
    }

    /** A factory whose runs may start from trained weights; a run without them is one with null weights. */
    private abstract static class StartsFromWeights implements TrainingViewModel.RunnerFactory {
        @Override
        public TrainingViewModel.TrainingRunner start(NetworkDocument doc, DeviceRequest device, int threads,
                                                      Consumer<WorkerProtocol.Message> listener) throws IOException {
            return start(doc, device, threads, null, listener);
        }

        @Override
        public abstract TrainingViewModel.TrainingRunner start(NetworkDocument doc, DeviceRequest device, int threads,
                                                               Path weights, Consumer<WorkerProtocol.Message> listener)
                throws IOException;
    }

    /** @param mainClass the launcher that becomes the worker when given the argument {@code worker} */
    public static TrainingViewModel.RunnerFactory factory(String mainClass, List<String> jvmArgs) {
        return new StartsFromWeights() {
            @Override
            public TrainingViewModel.TrainingRunner start(NetworkDocument doc, DeviceRequest device, int threads,
                                                          Path weights, Consumer<WorkerProtocol.Message> listener)
                    throws IOException {
                WorkerClient client = new WorkerClient(mainClass, jvmArgs, listener::accept);
                client.start(doc, device, threads, weights);
                return runner(client);
            }
        };
    }

    /**
     * Runs in the spare worker when it was started for the same settings, otherwise in a fresh one;
     * {@link TrainingViewModel.RunnerFactory#prepare} starts the next spare (unless spares are turned off).
     */
    public static TrainingViewModel.RunnerFactory withSpare(String mainClass, Supplier<List<String>> jvmArgs,
                                                            SpareWorker spare) {
        return new StartsFromWeights() {
            @Override
            public TrainingViewModel.TrainingRunner start(NetworkDocument doc, DeviceRequest device, int threads,
                                                          Path weights, Consumer<WorkerProtocol.Message> listener)
                    throws IOException {
                WorkerClient warm = spare.take(device, threads, listener);
                if (warm != null) {
                    try {
                        warm.train(doc, device, threads, weights);
                        return runner(warm);
                    } catch (IOException e) {
                        // It ended since it was taken: start a fresh one as if there had been no spare.
                        warm.close();
                    }
                }
                return factory(mainClass, jvmArgs.get()).start(doc, device, threads, weights, listener);
            }

            @Override
            public void prepare(DeviceRequest device, int threads) {
                if (SpareWorker.enabled()) {
                    spare.prepare(device, threads);
                }
            }
        };
    }

    /** The view model's handle on a started worker. */
    static TrainingViewModel.TrainingRunner runner(WorkerClient client) {
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
            public void step() {
                client.step();
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
            public CompletableFuture<double[][]> predict(double[][] inputs, boolean intensities) {
                return client.predict(inputs, intensities);
            }

            @Override
            public CompletableFuture<double[][]> predictTexts(java.util.List<String> texts) {
                return client.predictTexts(texts);
            }

            @Override
            public CompletableFuture<org.layercanvas.runtime.worker.WorkerProtocol.Inspection> inspect(int testIndex,
                    double[] intensities, boolean maps) {
                return client.inspect(testIndex, intensities, maps);
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
    }
}
