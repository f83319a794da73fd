package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

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
                new TrainingEvent.Finished("completed", 60, 1320, 0.05, 0.99, 25000.0, 3.5, "cpu"),
                new TrainingEvent.Finished("stopped", 0, 0, Double.NaN, Double.NaN, 0, 0.1, "gpu"),
                new TrainingEvent.Finished("early-stopped", 4, 100, 0.1, 0.9, 1, 1, "cpu"),
                new TrainingEvent.Failed("diverged", "training diverged: the loss became NaN in epoch 1, \"quoted\"\n"
                        + "second line \u00e9", 1, 3),
                new TrainingEvent.Failed("internal", "", 0, 0));
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
                : event instanceof TrainingEvent.Finished ? "finished" : "failed";
        assertThat(node.get("type").asText()).isEqualTo(expected);
        // every record component is written under its own name
        List<String> names = Stream.of(event.getClass().getRecordComponents()).map(c -> c.getName()).toList();
        assertThat(names).allMatch(node::has);
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
