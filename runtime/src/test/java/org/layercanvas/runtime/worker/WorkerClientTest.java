package org.layercanvas.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.runtime.device.DeviceRequest;
import org.layercanvas.runtime.train.EndReason;
import org.layercanvas.runtime.train.ModelFiles;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.worker.WorkerProtocol.Message;

/** {@link WorkerClient} against a real child JVM running {@link WorkerMain}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class WorkerClientTest {
    private static final String MAIN = WorkerMain.class.getName();
    private static final List<String> JVM_ARGS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path dir;

    /** Collects what the client reports and lets the test wait for a kind of message. */
    static final class Recorder implements WorkerClient.Listener {
        final List<Message> messages = new CopyOnWriteArrayList<>();
        final CompletableFuture<TrainingEvent.Evaluation> evaluation = new CompletableFuture<>();
        final CompletableFuture<WorkerProtocol.Crashed> crashed = new CompletableFuture<>();
        final CompletableFuture<WorkerProtocol.Ready> ready = new CompletableFuture<>();
        final CountDownLatch iterations = new CountDownLatch(3);

        @Override
        public void onMessage(Message m) {
            messages.add(m);
            if (m instanceof WorkerProtocol.Event e) {
                if (e.event() instanceof TrainingEvent.Evaluation ev) {
                    evaluation.complete(ev);
                } else if (e.event() instanceof TrainingEvent.Iteration) {
                    iterations.countDown();
                }
            } else if (m instanceof WorkerProtocol.Crashed c) {
                crashed.complete(c);
            } else if (m instanceof WorkerProtocol.Ready x) {
                ready.complete(x);
            }
        }
    }

    private static List<String> warmingUpFor(int seconds) {
        return List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-Dlayercanvas.warmUpSeconds=" + seconds);
    }

    @Test
    void aWarmedWorkerSaysReadyThenTrainsWhatItIsGivenWithoutSendingWarmUpEvents() throws Exception {
        Recorder r = new Recorder();
        try (WorkerClient client = new WorkerClient(MAIN, warmingUpFor(1), r)) {
            client.launchWarm(DeviceRequest.CPU, 1);
            WorkerProtocol.Ready done = r.ready.get(45, TimeUnit.SECONDS);
            assertThat(done.problem()).isNull();
            assertThat(done.cutShort()).isFalse();
            assertThat(done.seconds()).isBetween(0.5, 30.0);
            assertThat(r.messages).as("nothing of the warm-up reaches the app but ready")
                    .allMatch(m -> m instanceof WorkerProtocol.Hello || m instanceof WorkerProtocol.Ready);

            client.train(WorkerMainTest.xor(3), DeviceRequest.CPU, 1);
            assertThat(r.evaluation.get(45, TimeUnit.SECONDS).total()).isEqualTo(100);
            TrainingEvent.Started started = r.messages.stream().filter(m -> m instanceof WorkerProtocol.Event)
                    .map(m -> ((WorkerProtocol.Event) m).event()).filter(TrainingEvent.Started.class::isInstance)
                    .map(TrainingEvent.Started.class::cast).findFirst().orElseThrow();
            assertThat(started.trainExamples()).as("the xor document's run, not the warm-up's").isLessThan(1000);
            assertThatThrownBy(() -> client.train(WorkerMainTest.xor(3), DeviceRequest.CPU, 1))
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void aRunCutsTheWarmUpShort() throws Exception {
        Recorder r = new Recorder();
        CompletableFuture<WorkerProtocol.Ready> ready = r.ready;
        try (WorkerClient client = new WorkerClient(MAIN, warmingUpFor(120), r)) {
            client.launchWarm(DeviceRequest.CPU, 1);
            client.train(WorkerMainTest.xor(3), DeviceRequest.CPU, 1);
            assertThat(r.evaluation.get(50, TimeUnit.SECONDS).total()).isEqualTo(100);
            assertThat(ready).isDone();
            assertThat(ready.get().cutShort()).isTrue();
            int readyAt = r.messages.indexOf(ready.get());
            int startedAt = -1;
            for (int i = 0; i < r.messages.size(); i++) {
                if (r.messages.get(i) instanceof WorkerProtocol.Event e && e.event() instanceof TrainingEvent.Started) {
                    startedAt = i;
                    break;
                }
            }
            assertThat(readyAt).as("ready comes before the run's started").isLessThan(startedAt);
        }
    }

    @Test
    void aShortRunCompletesAndTheWorkerServesUntilClosed() throws Exception {
        Recorder r = new Recorder();
        try (WorkerClient client = new WorkerClient(MAIN, JVM_ARGS, r)) {
            client.start(WorkerMainTest.xor(3), DeviceRequest.CPU, 1);
            assertThat(client.pid()).isPositive();
            assertThat(client.isAlive()).isTrue();
            TrainingEvent.Evaluation evaluation = r.evaluation.get(45, TimeUnit.SECONDS);
            assertThat(evaluation.total()).isEqualTo(100);

            assertThat(r.messages.get(0)).isInstanceOf(WorkerProtocol.Hello.class);
            WorkerProtocol.Hello hello = (WorkerProtocol.Hello) r.messages.get(0);
            assertThat(hello.pid()).isEqualTo(client.pid());
            assertThat(((WorkerProtocol.Event) r.messages.get(1)).event()).isInstanceOf(TrainingEvent.Started.class);
            TrainingEvent.Started started = (TrainingEvent.Started) ((WorkerProtocol.Event) r.messages.get(1)).event();
            assertThat(started.device()).isEqualTo("cpu");
            assertThat(started.threads()).as("OMP_NUM_THREADS / threads option").isEqualTo(1);
            assertThat(r.messages).anyMatch(m -> m instanceof WorkerProtocol.Event e
                    && e.event() instanceof TrainingEvent.Finished f && f.endReason() == EndReason.COMPLETED);

            double[][] out = client.predict(new double[][] {{0.8, 0.8}, {-0.8, 0.8}}).get(10, TimeUnit.SECONDS);
            assertThat(out).hasDimensions(2, 1);
            assertThatThrownBy(() -> client.predict(new double[][] {{1}}).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(WorkerClient.WorkerException.class).hasMessageContaining("must have 2 values");

            Path saved = client.save(dir.resolve("model.zip")).get(20, TimeUnit.SECONDS);
            assertThat(saved).isEqualTo(dir.resolve("model.zip").toAbsolutePath());
            assertThat(ModelFiles.load(saved).numParams()).isEqualTo(2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);

            long start = System.nanoTime();
            client.close();
            assertThat((System.nanoTime() - start) / 1e9).as("seconds to close").isLessThan(5);
            assertThat(client.isAlive()).isFalse();
            assertThat(client.exit().get(5, TimeUnit.SECONDS)).isZero();
            assertThat(r.messages.get(r.messages.size() - 1)).isEqualTo(new WorkerProtocol.Bye());
            assertThat(r.crashed).isNotDone();
            assertThat(client.predict(new double[][] {{0, 0}})).isCompletedExceptionally();
        }
    }

    @Test
    void aKilledWorkerIsReportedAsCrashedInPlainWords() throws Exception {
        Recorder r = new Recorder();
        try (WorkerClient client = new WorkerClient(MAIN, JVM_ARGS, r)) {
            client.start(WorkerMainTest.xor(100_000), DeviceRequest.CPU, 0);
            assertThat(r.iterations.await(45, TimeUnit.SECONDS)).as("training began").isTrue();
            ProcessHandle.of(client.pid()).orElseThrow().destroyForcibly();

            WorkerProtocol.Crashed crashed = r.crashed.get(20, TimeUnit.SECONDS);
            assertThat(crashed.exitCode()).isEqualTo(137);
            assertThat(crashed.message())
                    .isEqualTo("the training process ended unexpectedly (exit code 137: killed)");
            assertThat(crashed.lastStderrLines()).hasSizeLessThanOrEqualTo(WorkerClient.STDERR_LINES);
            assertThat(client.isAlive()).isFalse();
            assertThat(r.messages.get(r.messages.size() - 1)).isSameAs(crashed);
            assertThat(client.predict(new double[][] {{0, 0}})).isCompletedExceptionally();
        }
    }

    @Test
    void closingDuringARunEndsTheProcessWithoutACrashReport() throws Exception {
        Recorder r = new Recorder();
        WorkerClient client = new WorkerClient(MAIN, JVM_ARGS, r);
        client.start(WorkerMainTest.xor(100_000), DeviceRequest.CPU, 0);
        assertThat(r.iterations.await(45, TimeUnit.SECONDS)).isTrue();
        ProcessHandle handle = ProcessHandle.of(client.pid()).orElseThrow();
        client.close();
        assertThat(handle.isAlive()).isFalse();
        client.exit().get(5, TimeUnit.SECONDS);
        assertThat(r.crashed).isNotDone();
        client.close(); // again: nothing happens
    }

    @Test
    void crashMessagesRecogniseOutOfMemoryAndNativeCrashes() {
        assertThat(ExitDescription.describe(3, List.of("Exception in thread \"main\" java.lang.OutOfMemoryError:"
                + " Java heap space"), false))
                .startsWith("the training process ended unexpectedly because it ran out of memory (exit code 3).");
        assertThat(ExitDescription.describe(134, List.of("#", "# A fatal error has been detected by the Java Runtime"
                + " Environment:", "#  SIGSEGV (0xb) at pc=0x00007f"), false))
                .isEqualTo("the training process ended unexpectedly (exit code 134: aborted, usually a crash in"
                        + " native code): it crashed in native code. The last lines of its error output may say"
                        + " more.");
        assertThat(ExitDescription.describe(139, List.of(), true)).isEqualTo("the training process ended"
                + " unexpectedly after the run (exit code 139: segmentation fault, a crash in native code)");
        assertThat(ExitDescription.describe(42, List.of("something"), false))
                .isEqualTo("the training process ended unexpectedly (exit code 42)");
    }

    @Test
    void theCommandLineAndEnvironmentFollowTheRequest() {
        WorkerClient client = new WorkerClient("org.layercanvas.app.Launcher", List.of("-Xmx2g"), m -> { });
        List<String> cmd = client.command();
        assertThat(cmd.get(0)).endsWith("java");
        assertThat(Files.isExecutable(Path.of(cmd.get(0)))).isTrue();
        assertThat(cmd.subList(1, cmd.size())).containsExactly("-Xmx2g", "-cp",
                System.getProperty("java.class.path"), "org.layercanvas.app.Launcher", "worker");

        Map<String, String> env = new HashMap<>();
        WorkerLaunch.environment(env, "cpu", 3);
        assertThat(env).containsEntry("BACKEND_PRIORITY_CPU", "1000").containsEntry("BACKEND_PRIORITY_GPU", "0")
                .containsEntry("OMP_NUM_THREADS", "3");
        env.clear();
        WorkerLaunch.environment(env, "gpu", 0);
        assertThat(env).containsEntry("BACKEND_PRIORITY_GPU", "1000").containsEntry("BACKEND_PRIORITY_CPU", "0")
                .doesNotContainKey("OMP_NUM_THREADS");
        env.clear();
        // a GPU asked for by number also makes ND4J prefer CUDA in the worker
        WorkerLaunch.environment(env, "gpu:1", 0);
        assertThat(env).containsEntry("BACKEND_PRIORITY_GPU", "1000").containsEntry("BACKEND_PRIORITY_CPU", "0");
        env.clear();
        WorkerLaunch.environment(env, "auto", 0);
        assertThat(env).doesNotContainKeys("BACKEND_PRIORITY_CPU", "BACKEND_PRIORITY_GPU", "OMP_NUM_THREADS");
        // the worker gets the OpenBLAS kernels this CPU can run (NativeTuning), unless the user chose some
        assertThat(env).containsAllEntriesOf(org.layercanvas.runtime.platform.NativeTuning.environment(Map.of()));
        env.clear();
        env.put("OPENBLAS_CORETYPE", "Zen");
        WorkerLaunch.environment(env, "auto", 0);
        assertThat(env).containsEntry("OPENBLAS_CORETYPE", "Zen");
        client.close();
    }

    @Test
    void theWorkerStartsFromTheRuntimesJavaNotFromTheNativeLauncher(@TempDir Path dir) throws Exception {
        // An installed app: java.home is the bundled runtime, the process itself is the jpackage launcher.
        Path bin = Files.createDirectories(dir.resolve("lib/runtime/bin"));
        Path javaBin = Files.createFile(bin.resolve("java"));
        assertThat(javaBin.toFile().setExecutable(true)).isTrue();
        assertThat(WorkerLaunch.javaExecutable(dir.resolve("lib/runtime"), false,
                java.util.Optional.of("/opt/layercanvas/bin/LayerCanvas"))).isEqualTo(javaBin.toString());
        // A runtime without bin/java (jlink --strip-native-commands): the process's own command is all there is.
        assertThat(WorkerLaunch.javaExecutable(dir.resolve("elsewhere"), false,
                java.util.Optional.of("/usr/bin/java"))).isEqualTo("/usr/bin/java");
    }
}
