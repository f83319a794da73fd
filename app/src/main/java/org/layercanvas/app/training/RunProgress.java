package org.layercanvas.app.training;

import java.util.Locale;
import org.layercanvas.app.Messages;
import org.layercanvas.i18n.Numbers;

/**
 * Where the current run is in its epochs and minibatches, as a fraction and as the dashboard's progress line
 * (epoch, iteration, elapsed time, ETA, throughput). Written by the worker's reader thread, read anywhere.
 */
final class RunProgress {
    private volatile long startNanos;
    private volatile int totalEpochs;
    private volatile int iterationsPerEpoch;
    private volatile double lastSamplesPerSecond = Double.NaN;

    /** A run of {@code epochs} epochs starts now; its minibatches per epoch are not known yet. */
    void begin(int epochs) {
        totalEpochs = epochs;
        iterationsPerEpoch = 0;
        lastSamplesPerSecond = Double.NaN;
        startNanos = System.nanoTime();
    }

    /** The worker has said how large the run is. */
    void sized(int epochs, int trainExamples, int batchSize) {
        iterationsPerEpoch = Math.max(1, (trainExamples + batchSize - 1) / batchSize);
        totalEpochs = epochs;
    }

    int iterationsPerEpoch() {
        return iterationsPerEpoch;
    }

    /** The throughput of the latest minibatch, for lines made when none comes (a pause). */
    void throughput(double samplesPerSecond) {
        lastSamplesPerSecond = samplesPerSecond;
    }

    double fraction(int iteration) {
        return Math.min(1, (double) iteration / Math.max(1, totalEpochs * Math.max(1, iterationsPerEpoch)));
    }

    /** The progress line after {@code iteration} minibatches, with the latest throughput. */
    String line(int iteration, int epoch, long now) {
        double elapsed = (now - startNanos) / 1e9;
        int total = Math.max(1, totalEpochs * Math.max(1, iterationsPerEpoch));
        double fraction = fraction(iteration);
        double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : Double.NaN;
        return Messages.get("training.progress", epoch, totalEpochs, iteration, total, time(elapsed),
                Double.isNaN(eta) ? Numbers.UNKNOWN : time(eta), Numbers.grouped(lastSamplesPerSecond));
    }

    static String time(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
