package org.layercanvas.charts.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.layercanvas.charts.LiveChart;
import org.layercanvas.charts.SeriesHandle;
import org.layercanvas.charts.SeriesStyle;

/**
 * Appends about 20,000 points a second to each of 3 series (raw + smoothed lines) for 2 + 10 s from a background thread
 * while a 1000 x 600 chart is on screen, and prints the FX-thread time of each chart frame (rebuild + redraw) and
 * the gaps between pulses. Not a test; run under a display (xvfb-run -a). Args: [seconds] [pointsPerSecondPerSeries] [maxPointsPerLine]
 */
public final class LiveChartBench {
    private static final int WARM_UP_SECONDS = 2;

    private LiveChartBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int maxPoints = args.length > 2 ? Integer.parseInt(args[2]) : LiveChart.DEFAULT_MAX_POINTS;
        List<Long> frameNanos = new ArrayList<>();
        List<Long> frameCpuNanos = new ArrayList<>();
        List<Long> pulseGaps = new ArrayList<>();
        SeriesHandle[] handles = new SeriesHandle[3];
        CountDownLatch shown = new CountDownLatch(1);
        AtomicBoolean measuring = new AtomicBoolean();
        Platform.startup(() -> {
            LiveChart chart = new LiveChart("Benchmark", "Iteration", "Loss");
            chart.setSmoothing(0.9);
            chart.setMaxPointsPerSeries(maxPoints);
            for (int i = 0; i < 3; i++) {
                handles[i] = chart.addSeries("s" + i, "run " + i, "series " + i,
                        SeriesStyle.rawAndSmoothed(SeriesStyle.paletteColor(i)));
            }
            chart.setFrameTimeListener((wall, cpu) -> {
                if (measuring.get()) {
                    frameNanos.add(wall);
                    frameCpuNanos.add(cpu);
                }
            });
            new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (measuring.get() && last != 0) {
                        pulseGaps.add(now - last);
                    }
                    last = now;
                }
            }.start();
            Stage stage = new Stage();
            stage.setScene(new Scene(new StackPane(chart), 1000, 600));
            stage.show();
            shown.countDown();
        });
        shown.await();
        Thread.sleep(500);
        long start = System.nanoTime();
        // The first WARM_UP seconds of appends are not measured: JIT compilation of the drawing code.
        long measureFrom = start + WARM_UP_SECONDS * 1_000_000_000L;
        long end = measureFrom + seconds * 1_000_000_000L;
        long appended = 0;
        double[] level = {2.0, 2.5, 3.0};
        java.util.Random random = new java.util.Random(1);
        // Append in 1 ms slices to mimic a steady stream of events.
        while (System.nanoTime() < end) {
            if (!measuring.get() && System.nanoTime() >= measureFrom) {
                measuring.set(true);
            }
            long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
            while (appended < due) {
                appended++;
                for (int s = 0; s < 3; s++) {
                    double y = level[s] * Math.exp(-appended / 60_000.0) + 0.2 + random.nextGaussian() * 0.1;
                    handles[s].append(appended, y);
                }
            }
            Thread.sleep(1);
        }
        Thread.sleep(300);
        measuring.set(false);
        CountDownLatch read = new CountDownLatch(1);
        long[][] samples = new long[3][];
        Platform.runLater(() -> {
            samples[0] = frameNanos.stream().mapToLong(Long::longValue).toArray();
            samples[1] = pulseGaps.stream().mapToLong(Long::longValue).toArray();
            samples[2] = frameCpuNanos.stream().mapToLong(Long::longValue).toArray();
            read.countDown();
        });
        read.await(5, TimeUnit.SECONDS);
        System.out.printf("appended %,d points per series (%,d total) in %d s (%d s warm-up + %d s measured),"
                + " at most %d points drawn per line%n", appended, appended * 3, seconds + WARM_UP_SECONDS,
                WARM_UP_SECONDS, seconds, maxPoints);
        print("FX wall time per chart frame (rebuild + redraw)", samples[0]);
        print("FX CPU time per chart frame", samples[2]);
        print("gap between pulses", samples[1]);
        System.out.printf("chart frames per second: %.1f%n", samples[0].length / (double) seconds);
        Platform.exit();
    }

    private static void print(String what, long[] nanos) {
        if (nanos.length == 0) {
            System.out.println(what + ": no samples");
            return;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf("%s: count %d, mean %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms%n", what, sorted.length,
                mean, sorted[sorted.length / 2] / 1e6, sorted[(int) Math.min(sorted.length - 1,
                        Math.ceil(sorted.length * 0.95) - 1)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
