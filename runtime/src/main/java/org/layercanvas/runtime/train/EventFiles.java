package org.layercanvas.runtime.train;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a run's events to a JSON-lines file and its per-epoch metrics to a CSV file while it trains. A write
 * failure (full disk, removed folder) is kept and reported by {@link #failure()} instead of breaking training;
 * the caller decides whether to stop.
 */
public final class EventFiles implements TrainingListener, Closeable {
    public static final String CSV_HEADER = "epoch,train_loss,train_accuracy,validation_loss,validation_accuracy,"
            + "learning_rate,seconds,samples_per_second";

    private final BufferedWriter events;
    private final BufferedWriter metrics;
    private final Path eventsPath;
    private final Path metricsPath;
    private final Runnable onFailure;
    private IOException failure;
    private Path failedPath;

    /**
     * @param eventsPath  JSON-lines file for all events, or null
     * @param metricsPath CSV file for epoch metrics, or null
     * @param onFailure   called once, on the training thread, after the first write failure
     */
    public EventFiles(Path eventsPath, Path metricsPath, Runnable onFailure) throws IOException {
        this.eventsPath = eventsPath;
        this.metricsPath = metricsPath;
        this.onFailure = onFailure;
        this.events = eventsPath == null ? null : Files.newBufferedWriter(eventsPath, StandardCharsets.UTF_8);
        BufferedWriter m = null;
        try {
            if (metricsPath != null) {
                m = Files.newBufferedWriter(metricsPath, StandardCharsets.UTF_8);
                m.write(CSV_HEADER);
                m.newLine();
            }
        } catch (IOException e) {
            if (events != null) {
                events.close();
            }
            throw e;
        }
        this.metrics = m;
    }

    @Override
    public void onEvent(TrainingEvent event) {
        if (failure != null) {
            return;
        }
        Path current = eventsPath;
        try {
            if (events != null) {
                events.write(EventJson.toJson(event));
                events.newLine();
                if (!(event instanceof TrainingEvent.Iteration)) {
                    events.flush();
                }
            }
            current = metricsPath;
            if (metrics != null && event instanceof TrainingEvent.Epoch e) {
                metrics.write(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%s,%.3f,%.1f", e.epoch(), e.trainLoss(),
                        e.trainAccuracy(), e.validationLoss(), e.validationAccuracy(), e.learningRate(), e.seconds(),
                        e.samplesPerSecond()));
                metrics.newLine();
                metrics.flush();
            }
        } catch (IOException e) {
            failure = e;
            failedPath = current;
            onFailure.run();
        }
    }

    /** The first write failure, or null. */
    public IOException failure() {
        return failure;
    }

    /** The file whose write failed, or null. */
    public Path failedPath() {
        return failedPath;
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (BufferedWriter w : new BufferedWriter[] {events, metrics}) {
            if (w != null) {
                try {
                    w.close();
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null && failure == null) {
            throw first;
        }
    }
}
