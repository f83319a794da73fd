package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON-lines and CSV files written during a run, and what happens when writing fails. */
class EventFilesTest {
    @TempDir
    Path dir;

    static List<TrainingEvent> run() {
        List<TrainingEvent> events = new ArrayList<>();
        events.add(new TrainingEvent.Started("CpuBackend", "cpu", "CPU requested", 2, "1.0.0-M2.1", "17", "Linux",
                105L, 350, 0, 100, 2, 16, 42L, "plan", "compiled training plan", java.util.List.of(), null));
        events.add(new TrainingEvent.Iteration(1, 1, 0.7, 0.3, 1000));
        events.add(new TrainingEvent.Iteration(2, 1, 0.6, 0.3, 1100));
        events.add(new TrainingEvent.Epoch(1, 0.65, 0.6, Double.NaN, Double.NaN, 0.3, 0.25, 1400));
        events.add(new TrainingEvent.Iteration(3, 2, 0.5, 0.15, 1200));
        events.add(new TrainingEvent.Epoch(2, 0.5, 0.75, Double.NaN, Double.NaN, 0.15, 0.125, 2800.25));
        events.add(new TrainingEvent.Finished(EndReason.COMPLETED, 2, 3, 0.4, 0.8, 2000, 1.5, "cpu"));
        return events;
    }

    @Test
    void writesOneJsonLinePerEventAndOneCsvRowPerEpoch() throws Exception {
        Path jsonl = dir.resolve("events.jsonl");
        Path csv = dir.resolve("metrics.csv");
        List<TrainingEvent> events = run();
        AtomicInteger failures = new AtomicInteger();
        try (EventFiles files = new EventFiles(jsonl, csv, failures::incrementAndGet)) {
            events.forEach(files::onEvent);
            assertThat(files.failure()).isNull();
            assertThat(files.failedPath()).isNull();
        }
        assertThat(failures).hasValue(0);

        List<String> lines = Files.readAllLines(jsonl, StandardCharsets.UTF_8);
        assertThat(lines).hasSameSizeAs(events);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(EventJson.fromJson(lines.get(i))).isEqualTo(events.get(i));
        }

        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(1 + 2);
        assertThat(rows.get(0)).isEqualTo(EventFiles.CSV_HEADER);
        int columns = EventFiles.CSV_HEADER.split(",").length;
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.split(",", -1).length == columns);
        assertThat(rows.get(1)).isEqualTo("1,0.65,0.6,NaN,NaN,0.3,0.250,1400.0");
        assertThat(rows.get(2)).startsWith("2,0.5,0.75,NaN,NaN,0.15,0.125,2800.");
    }

    @Test
    void everyEventIsOnDiskBeforeTheNextEpoch() throws Exception {
        Path jsonl = dir.resolve("events.jsonl");
        Path csv = dir.resolve("metrics.csv");
        List<TrainingEvent> events = run();
        try (EventFiles files = new EventFiles(jsonl, csv, () -> { })) {
            for (int i = 0; i <= 3; i++) {
                files.onEvent(events.get(i));
            }
            // a viewer tailing the files sees the epoch (and the iterations before it) without waiting for close
            assertThat(Files.readAllLines(jsonl)).hasSize(4);
            assertThat(Files.readAllLines(csv)).hasSize(2);
        }
    }

    @Test
    void eitherFileIsOptional() throws Exception {
        Path csv = dir.resolve("only.csv");
        try (EventFiles files = new EventFiles(null, csv, () -> { })) {
            run().forEach(files::onEvent);
        }
        assertThat(Files.readAllLines(csv)).hasSize(3);
        try (EventFiles files = new EventFiles(null, null, () -> { })) {
            run().forEach(files::onEvent);
            assertThat(files.failure()).isNull();
        }
    }

    @Test
    void aFileThatCannotBeCreatedFailsAtOnce() {
        Path blocker = dir.resolve("plain-file");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
            Files.writeString(blocker, "x");
            new EventFiles(dir.resolve("events.jsonl"), blocker.resolve("metrics.csv"), () -> { }).close();
        }).isInstanceOf(java.io.IOException.class);
    }

    /** /dev/full accepts opening but fails every write that reaches it with "No space left on device". */
    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aWriteFailureIsKeptReportedOnceAndStopsFurtherWrites() throws Exception {
        Path full = Path.of("/dev/full");
        assertThat(Files.isWritable(full)).as("Linux has /dev/full").isTrue();
        Path csv = dir.resolve("metrics.csv");
        AtomicInteger failures = new AtomicInteger();
        EventFiles files = new EventFiles(full, csv, failures::incrementAndGet);
        List<TrainingEvent> events = run();
        events.forEach(files::onEvent);

        assertThat(failures).as("onFailure runs once").hasValue(1);
        assertThat(files.failure()).isNotNull();
        assertThat(files.failedPath()).isEqualTo(full);
        // closing after a kept failure does not throw a second time
        files.close();
        // after the failure nothing more is written, not even to the healthy file
        assertThat(Files.readAllLines(csv)).containsExactly(EventFiles.CSV_HEADER);
    }

    @Test
    @org.junit.jupiter.api.condition.EnabledOnOs(org.junit.jupiter.api.condition.OS.LINUX)
    void aMetricsWriteFailureNamesTheMetricsFile() throws Exception {
        Path full = Path.of("/dev/full");
        assertThat(Files.isWritable(full)).as("Linux has /dev/full").isTrue();
        Path jsonl = dir.resolve("events.jsonl");
        AtomicInteger failures = new AtomicInteger();
        EventFiles files = new EventFiles(jsonl, full, failures::incrementAndGet);
        List<TrainingEvent> events = run();
        events.forEach(files::onEvent);
        files.close();

        assertThat(failures).hasValue(1);
        assertThat(files.failedPath()).isEqualTo(full);
        // the events up to and including the first epoch reached their own file
        assertThat(Files.readAllLines(jsonl)).hasSize(4);
    }
}
