package org.layercanvas.app.training;

import org.layercanvas.runtime.device.DeviceRequest;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.worker.WorkerClient;
import org.layercanvas.runtime.worker.WorkerMain;
import org.layercanvas.runtime.worker.WorkerProtocol;
import org.layercanvas.samples.Samples;

/** {@link SpareWorker} with real worker processes. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SpareWorkerTest {
    private static final List<String> ARGS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
            "-Dlayercanvas.warmUpSeconds=1");

    private static NetworkDocument xor() throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
        return doc.withTraining(doc.training().withEpochs(3));
    }

    @Test
    void aSpareWarmsUpAndThenRunsTheNextRunForItsSettings() throws Exception {
        try (SpareWorker spares = new SpareWorker(WorkerMain.class.getName(), () -> ARGS)) {
            assertThat(spares.ready().get()).as("no spare yet").isNull();
            spares.prepare(DeviceRequest.CPU, 1);
            CompletableFuture<WorkerProtocol.Ready> ready = spares.ready();
            spares.prepare(DeviceRequest.CPU, 1);
            assertThat(spares.ready()).as("the same spare, not a second process").isSameAs(ready);
            WorkerProtocol.Ready warmed = ready.get(60, TimeUnit.SECONDS);
            assertThat(warmed).isNotNull();
            assertThat(warmed.problem()).isNull();
            assertThat(warmed.cutShort()).isFalse();

            CompletableFuture<TrainingEvent.Finished> finished = new CompletableFuture<>();
            WorkerClient client = spares.take(DeviceRequest.CPU, 1, m -> {
                if (m instanceof WorkerProtocol.Event e && e.event() instanceof TrainingEvent.Finished f) {
                    finished.complete(f);
                }
            });
            assertThat(client).isNotNull();
            assertThat(spares.hasSpare()).isFalse();
            try (client) {
                client.train(xor(), DeviceRequest.CPU, 1);
                assertThat(finished.get(60, TimeUnit.SECONDS).endReason())
                        .isEqualTo(org.layercanvas.runtime.train.EndReason.COMPLETED);
            }
            assertThat(spares.take(DeviceRequest.CPU, 1, m -> { })).as("used once").isNull();
        }
    }

    @Test
    void aSpareForOtherSettingsIsNotUsedAndEnds() throws Exception {
        try (SpareWorker spares = new SpareWorker(WorkerMain.class.getName(), () -> ARGS)) {
            spares.prepare(DeviceRequest.CPU, 1);
            assertThat(spares.hasSpare()).isTrue();
            assertThat(spares.take(DeviceRequest.CPU, 2, m -> { })).isNull();
            assertThat(spares.hasSpare()).isFalse();
        }
    }

    @Test
    void closingEndsTheSpareAndPreparesNoOther() throws Exception {
        SpareWorker spares = new SpareWorker(WorkerMain.class.getName(), () -> ARGS);
        spares.prepare(DeviceRequest.CPU, 1);
        CompletableFuture<WorkerProtocol.Ready> ready = spares.ready();
        spares.close();
        assertThat(ready).as("waiters are released").isDone();
        assertThat(spares.hasSpare()).isFalse();
        spares.prepare(DeviceRequest.CPU, 1);
        assertThat(spares.hasSpare()).isFalse();
    }
}
