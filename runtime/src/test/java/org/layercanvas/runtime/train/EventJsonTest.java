package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event type survives a trip through its one-line JSON form, non-finite numbers included. */
class EventJsonTest {

    static Stream<TrainingEvent> events() {
        return Stream.of(
                new TrainingEvent.Started("CpuBackend", "cpu", "CPU requested", 2, "1.0.0-M2.1", "17.0.9",
                        "Linux amd64", 105L, 350, 50, 100, 60, 16, 42L, "dl4j", "DL4J, as requested",
                        java.util.List.of(new org.layercanvas.runtime.data.Finding(
                                org.layercanvas.model.shape.Severity.WARNING, "sanity.missing",
                                java.util.List.of("age", "3", "4, 9"))), null),
                new TrainingEvent.Iteration(7, 1, 0.693, 0.3, 12345.5),
                new TrainingEvent.Iteration(8, 1, Double.NaN, 1e-3, Double.POSITIVE_INFINITY),
                new TrainingEvent.Epoch(3, 0.25, 0.9, 0.3, 0.875, 0.001, 1.25, 4000.0),
                new TrainingEvent.Epoch(1, 0.5, 0.5, Double.NaN, Double.NaN, 0.1, 0.5, Double.NaN),
                new TrainingEvent.Epoch(2, Double.NEGATIVE_INFINITY, 0, Double.POSITIVE_INFINITY, -0.0, 0, 0, 0),
                new TrainingEvent.Finished(EndReason.COMPLETED, 60, 1320, 0.05, 0.99, 25000.0, 3.5, "cpu"),
                new TrainingEvent.Finished(EndReason.STOPPED, 0, 0, Double.NaN, Double.NaN, 0, 0.1, "gpu"),
                new TrainingEvent.Finished(EndReason.EARLY_STOPPED, 4, 100, 0.1, 0.9, 1, 1, "cpu"),
                new TrainingEvent.Failed(FailureCode.DIVERGED,
                        "training diverged: the loss became NaN in epoch 1, \"quoted\"\n" + "second line \u00e9", 1, 3),
                new TrainingEvent.Failed(FailureCode.INTERNAL, "", 0, 0),
                new TrainingEvent.Health(2, 31, 0.41, java.util.List.of(
                        new TrainingEvent.LayerHealth("hidden", 0.3, 0.5, 0.75, 0, 1e-4, 8.5, HealthVerdict.DEAD),
                        new TrainingEvent.LayerHealth("pool", 0.1, 0.2, 0, 0, Double.NaN, Double.NaN,
                                HealthVerdict.OK))));
    }

    @ParameterizedTest
    @MethodSource("events")
    void roundTrip(TrainingEvent event) throws Exception {
        String json = EventJson.toJson(event);
        assertThat(json).doesNotContain("\n").doesNotContain("\r");
        // record equality compares doubles like Double.compare, so NaN equals NaN and -0.0 differs from 0.0
        assertThat(EventJson.fromJson(json)).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("events")
    void isAnObjectWithATypeField(TrainingEvent event) throws Exception {
        JsonNode node = new ObjectMapper().readTree(EventJson.toJson(event));
        String expected = event instanceof TrainingEvent.Started ? "started"
                : event instanceof TrainingEvent.Iteration ? "iteration"
                : event instanceof TrainingEvent.Epoch ? "epoch"
                : event instanceof TrainingEvent.Finished ? "finished"
                : event instanceof TrainingEvent.Health ? "health" : "failed";
        assertThat(node.get("type").asText()).isEqualTo(expected);
        // every record component is written under its own name, or the name its @JsonProperty gives
        List<String> names = Stream.of(event.getClass().getRecordComponents()).map(EventJsonTest::jsonName).toList();
        assertThat(names).allMatch(node::has);
        assertThat(node.size()).isEqualTo(names.size() + 1);
    }

    private static String jsonName(java.lang.reflect.RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class); // it has no RECORD_COMPONENT target
        return p == null ? c.getName() : p.value();
    }

    @org.junit.jupiter.api.Test
    void endsAreWrittenWithTheirWireNames() {
        assertThat(EventJson.toJson(new TrainingEvent.Finished(EndReason.EARLY_STOPPED, 4, 100, 0.5, 0.75, 10, 2,
                "cpu"))).isEqualTo("{\"type\":\"finished\",\"reason\":\"early-stopped\",\"epochsCompleted\":4,"
                + "\"iterations\":100,\"testLoss\":0.5,\"testAccuracy\":0.75,\"samplesPerSecond\":10.0,"
                + "\"wallSeconds\":2.0,\"device\":\"cpu\"}");
        assertThat(EventJson.toJson(new TrainingEvent.Failed(FailureCode.OUT_OF_MEMORY, "no room", 0, 0)))
                .isEqualTo("{\"type\":\"failed\",\"code\":\"out-of-memory\",\"message\":\"no room\",\"epoch\":0,"
                        + "\"iteration\":0}");
    }

    @org.junit.jupiter.api.Test
    void everyWireNameReadsBack() throws Exception {
        for (EndReason r : EndReason.values()) {
            TrainingEvent e = EventJson.fromJson("{\"type\":\"finished\",\"reason\":\"" + r.wireName()
                    + "\",\"epochsCompleted\":1,\"iterations\":1,\"testLoss\":0,\"testAccuracy\":0,"
                    + "\"samplesPerSecond\":0,\"wallSeconds\":0,\"device\":\"cpu\"}");
            assertThat(((TrainingEvent.Finished) e).endReason()).isEqualTo(r);
            assertThat(((TrainingEvent.Finished) e).reason()).isEqualTo(r.wireName());
        }
        for (FailureCode c : FailureCode.values()) {
            TrainingEvent e = EventJson.fromJson("{\"type\":\"failed\",\"code\":\"" + c.wireName()
                    + "\",\"message\":\"m\",\"epoch\":0,\"iteration\":0}");
            assertThat(((TrainingEvent.Failed) e).failure()).isEqualTo(c);
            assertThat(((TrainingEvent.Failed) e).code()).isEqualTo(c.wireName());
        }
        assertThat(Stream.of(EndReason.values()).map(EndReason::wireName))
                .containsExactly("completed", "early-stopped", "stopped");
        assertThat(Stream.of(FailureCode.values()).map(FailureCode::wireName)).containsExactly("diverged", "dataset",
                "compile", "device", "out-of-memory", "cancelled", "internal");
    }

    @org.junit.jupiter.api.Test
    void anUnknownEndIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\"finished\","
                + "\"reason\":\"exploded\",\"epochsCompleted\":1,\"iterations\":1,\"testLoss\":0,"
                + "\"testAccuracy\":0,\"samplesPerSecond\":0,\"wallSeconds\":0,\"device\":\"cpu\"}"))
                .hasMessageContaining("exploded");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EndReason.fromWire("COMPLETED"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> FailureCode.fromWire(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @org.junit.jupiter.api.Test
    void nonFiniteNumbersAreWrittenAsStrings() throws Exception {
        String json = EventJson.toJson(new TrainingEvent.Epoch(1, 0.5, 0.5, Double.NaN, Double.NaN, 0.1, 0.5,
                Double.POSITIVE_INFINITY));
        // plain JSON readers (standard mode) can parse it
        JsonNode node = new ObjectMapper().readTree(json);
        assertThat(node.get("validationLoss").asText()).isEqualTo("NaN");
        assertThat(node.get("samplesPerSecond").asText()).isEqualTo("Infinity");
        assertThat(node.get("trainLoss").asDouble()).isEqualTo(0.5);
    }
}
