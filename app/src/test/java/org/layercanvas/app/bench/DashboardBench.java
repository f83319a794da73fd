package org.layercanvas.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.AppContext;
import org.layercanvas.app.main.FileDialogs;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.app.training.TrainingViewModel;
import org.layercanvas.app.training.WorkerRunners;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.samples.Samples;

/**
 * Not a test. Training throughput with the dashboard attached (worker process streaming events into the window
 * and its charts) against the same training without a UI (what {@code layercanvas train --quiet} does), and the
 * FX thread's CPU time per frame while the dashboard follows a run. The dashboard is measured as a student gets
 * it (its spare worker warmed up before Run) and with a cold worker; nothing is measured while a spare warms up. Needs a display ({@code xvfb-run -a}).
 * Arguments: repetitions (default 3), epochs (default: the documents' own; 2 for the 784 MLP).
 */
public final class DashboardBench {
    private DashboardBench() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        Path home = Files.createTempDirectory("layercanvas-bench");
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        AppContext app = new AppContext(LayerCatalog.standard(), home, FileDialogs.NATIVE);
        onFx(app::applyTheme);
        NetworkDocument digits = DocumentJson.read(Samples.text("digits-mlp").orElseThrow(), "digits");
        NetworkDocument mlp = DocumentJson.read(Path.of("benchmarks/mlp-784-random.lcnet"));
        mlp = mlp.withTraining(mlp.training().withEpochs(2));
        if (epochs > 0) {
            digits = digits.withTraining(digits.training().withEpochs(epochs));
            mlp = mlp.withTraining(mlp.training().withEpochs(epochs));
        }
        TrainingViewModel.RunnerFactory withSpare = app.runnerFactory();
        TrainingViewModel.RunnerFactory cold = WorkerRunners.factory(
                org.layercanvas.app.Launcher.class.getName(), List.of());
        int threads = MainWindow.trainingThreads();
        for (NetworkDocument doc : List.of(digits, mlp)) {
            List<Double> dashboard = new ArrayList<>();
            List<Double> coldDashboard = new ArrayList<>();
            List<Double> alone = new ArrayList<>();
            List<Double> frames = new ArrayList<>();
            List<Double> workerOnly = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                // Nothing else may run while a number is taken: a spare warming up would slow whatever runs then.
                quiet(app);
                alone.add(inProcess(doc));
                quiet(app);
                workerOnly.add(workerWithoutUi(doc));
                quiet(app);
                app.setRunnerFactory(cold);
                FIRST_ITERATION.add(null); // marks the cold run's number that follows
                coldDashboard.add(withDashboard(app, doc, frames));
                // As a student finds it: the window has had its spare worker warmed up before Run.
                app.setRunnerFactory(withSpare);
                app.spareWorker().prepare(org.layercanvas.runtime.device.DeviceRequest.AUTO, threads);
                quiet(app);
                dashboard.add(withDashboard(app, doc, frames));
            }
            quiet(app);
            System.out.printf(Locale.ROOT, "%s: worker process without UI %,.0f samples/s %s%n",
                    doc.metadata().title(), median(workerOnly), workerOnly);
            System.out.printf(Locale.ROOT, "%s: dashboard with a cold worker (no spare) %,.0f samples/s %s; "
                    + "ratio to the CLI %.3f%n", doc.metadata().title(), median(coldDashboard), coldDashboard,
                    median(coldDashboard) / median(alone));
            double a = median(alone);
            double d = median(dashboard);
            double[] f = frames.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "%s: CLI alone %,.0f samples/s %s; dashboard (spare worker, the default) %,.0f samples/s %s; "
                    + "ratio %.3f (%+.1f %%)%n", doc.metadata().title(), a, alone, d, dashboard, d / a,
                    (d / a - 1) * 100);
            List<Double> warmFirst = new ArrayList<>();
            List<Double> coldFirst = new ArrayList<>();
            for (int i = 0; i < FIRST_ITERATION.size(); i++) {
                if (FIRST_ITERATION.get(i) == null) {
                    coldFirst.add(FIRST_ITERATION.get(++i));
                } else {
                    warmFirst.add(FIRST_ITERATION.get(i));
                }
            }
            FIRST_ITERATION.clear();
            System.out.printf(Locale.ROOT, "  seconds from Run to the first minibatch on the dashboard: spare worker"
                    + " median %.2f %s; cold worker median %.2f %s%n", median(warmFirst), warmFirst,
                    median(coldFirst), coldFirst);
            synchronized (WINDOW_CPU) {
                System.out.printf(Locale.ROOT, "  window process CPU while training: median %.1f %% of a core %s%n",
                        median(WINDOW_CPU), WINDOW_CPU);
                WINDOW_CPU.clear();
            }
            System.out.printf(Locale.ROOT, "  FX thread CPU per frame during training: frames=%d mean=%.2f ms "
                    + "p50=%.2f ms p95=%.2f ms max=%.2f ms%n", f.length, Arrays.stream(f).average().orElse(0),
                    pct(f, 0.5), pct(f, 0.95), f.length == 0 ? 0 : f[f.length - 1]);
        }
        Platform.exit();
        System.exit(0);
    }

    /**
     * The command line alone, as a student runs it: a fresh {@code layercanvas train --quiet --json --threads N}
     * process with the window's thread count (the dashboard's worker is a fresh JVM too).
     */
    private static double inProcess(NetworkDocument doc) throws Exception {
        Path file = Files.createTempFile("bench", ".lcnet");
        DocumentJson.writeAtomically(doc, file);
        String javaExe = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder pb = new ProcessBuilder(javaExe, "-cp", System.getProperty("java.class.path"),
                org.layercanvas.app.Launcher.class.getName(), "train", file.toString(), "--quiet", "--json",
                "--threads", Integer.toString(MainWindow.trainingThreads()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        // as the layercanvas script starts it: OpenBLAS's kernels named for this CPU
        pb.environment().putAll(org.layercanvas.runtime.platform.NativeTuning.environment(pb.environment()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        Files.deleteIfExists(file);
        String[] lines = out.strip().split("\\R");
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[lines.length - 1])
                .path("samplesPerSecond").asDouble(Double.NaN);
    }

    /** The worker process alone, its events read and dropped: the cost of the process and the protocol. */
    private static double workerWithoutUi(NetworkDocument doc) throws Exception {
        java.util.concurrent.CompletableFuture<Double> result = new java.util.concurrent.CompletableFuture<>();
        try (var client = new org.layercanvas.runtime.worker.WorkerClient(
                org.layercanvas.app.Launcher.class.getName(), List.of(), m -> {
                    if (m instanceof org.layercanvas.runtime.worker.WorkerProtocol.Event e
                            && e.event() instanceof TrainingEvent.Finished f) {
                        result.complete(f.samplesPerSecond());
                    } else if (m instanceof org.layercanvas.runtime.worker.WorkerProtocol.Event e
                            && e.event() instanceof TrainingEvent.Failed f) {
                        result.completeExceptionally(new IllegalStateException("the run failed: " + f.message()));
                    } else if (m instanceof org.layercanvas.runtime.worker.WorkerProtocol.Crashed c) {
                        result.completeExceptionally(new IllegalStateException("the worker crashed: " + c.message()));
                    }
                })) {
            client.start(doc, org.layercanvas.runtime.device.DeviceRequest.AUTO, MainWindow.trainingThreads());
            return result.get(10, TimeUnit.MINUTES);
        }
    }

    private static double withDashboard(AppContext app, NetworkDocument doc, List<Double> frameMillis)
            throws Exception {
        MainWindow[] w = new MainWindow[1];
        onFx(() -> w[0] = MainWindow.open(app, new DocumentSession(app.catalog(), doc, null), new Stage()));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] last = {-1};
        boolean[] measuring = {false};
        Runnable perFrame = () -> {
            long now = threads.getCurrentThreadCpuTime();
            if (measuring[0] && last[0] >= 0) {
                synchronized (frameMillis) {
                    frameMillis.add((now - last[0]) / 1e6);
                }
            }
            last[0] = now;
        };
        onFx(() -> w[0].stage().getScene().addPostLayoutPulseListener(perFrame));
        long runAt = System.nanoTime();
        onFx(() -> w[0].run());
        boolean firstSeen = false;
        long deadline = System.currentTimeMillis() + 600_000;
        long cpuAtStart = -1;
        long wallAtStart = 0;
        while (System.currentTimeMillis() < deadline) {
            TrainingViewModel.State s = w[0].training().stateProperty().get();
            measuring[0] = s == TrainingViewModel.State.RUNNING;
            if (!firstSeen && w[0].training().progressProperty().get() > 0) {
                // progress moves with the first iteration event (polled every 20 ms: up to 20 ms late)
                firstSeen = true;
                FIRST_ITERATION.add((System.nanoTime() - runAt) / 1e9);
            }
            if (measuring[0] && cpuAtStart < 0) {
                cpuAtStart = processCpuNanos();
                wallAtStart = System.nanoTime();
            }
            if (s == TrainingViewModel.State.FINISHED || s == TrainingViewModel.State.FAILED) {
                break;
            }
            Thread.sleep(20);
        }
        measuring[0] = false;
        if (!firstSeen) {
            FIRST_ITERATION.add(Double.NaN);
        }
        if (cpuAtStart >= 0) {
            synchronized (WINDOW_CPU) {
                WINDOW_CPU.add(100.0 * (processCpuNanos() - cpuAtStart) / (System.nanoTime() - wallAtStart));
            }
        }
        // The worker's own number: its minibatch loop, as in the run's Finished event.
        RunNumbers numbers = new RunNumbers();
        var run = w[0].training().lastRunProperty();
        long until = System.currentTimeMillis() + 10_000;
        while (run.get() == null && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        for (String line : app.runs().eventLines(run.get())) {
            if (org.layercanvas.runtime.train.EventJson.fromJson(line) instanceof TrainingEvent.Finished f) {
                numbers.samplesPerSecond = f.samplesPerSecond();
            }
        }
        onFx(() -> {
            w[0].training().dispose();
            w[0].stage().close();
        });
        return numbers.samplesPerSecond;
    }

    /** Seconds from Run to the first minibatch's event on the dashboard; a null precedes a cold worker's. */
    private static final List<Double> FIRST_ITERATION = new ArrayList<>();

    /** The window process's CPU while each dashboard run trained, in per cent of one core. */
    private static final List<Double> WINDOW_CPU = new ArrayList<>();

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Waits until the spare worker (if any) has finished warming up, and lets the machine settle. */
    private static void quiet(AppContext app) throws Exception {
        app.spareWorker().ready().get(2, TimeUnit.MINUTES);
        Thread.sleep(500);
    }

    private static final class RunNumbers {
        double samplesPerSecond = Double.NaN;
    }

    private static double median(List<Double> v) {
        double[] a = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static void onFx(Runnable r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                r.run();
            } finally {
                done.countDown();
            }
        });
        done.await(30, TimeUnit.SECONDS);
    }
}
