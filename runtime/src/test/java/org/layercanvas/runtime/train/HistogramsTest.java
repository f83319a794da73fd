package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;

/** The per-epoch parameter histograms: one per parameter array, counting every value, and their JSON form. */
class HistogramsTest {
    @Test
    void binsCountEveryFiniteValueBetweenMinAndMax() {
        float[] v = {0f, 1f, 2f, 3f, 4f, Float.NaN};
        TrainingEvent.Histogram h = TrainingEvent.Histogram.of("d", "W", v, 4);

        assertThat(h.size()).isEqualTo(6);
        assertThat(h.min()).isEqualTo(0);
        assertThat(h.max()).isEqualTo(4);
        assertThat(h.mean()).isEqualTo(2);
        assertThat(h.std()).isCloseTo(Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(h.counts()).containsExactly(1, 1, 1, 2);
    }

    @Test
    void eachEpochIsFollowedByTheHistogramsOfEveryParameterArray() throws Exception {
        NetworkDocument doc = SampleTrainingTest.sample("xor-2d");
        doc = doc.withTraining(doc.training().withEpochs(2));
        List<TrainingEvent> events = new ArrayList<>();

        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 1), events::add)
                .run();

        assertThat(result.succeeded()).isTrue();
        List<TrainingEvent.Histograms> hs = events.stream().filter(TrainingEvent.Histograms.class::isInstance)
                .map(TrainingEvent.Histograms.class::cast).toList();
        assertThat(hs).extracting(TrainingEvent.Histograms::epoch).containsExactly(1, 2);
        int before = events.indexOf(hs.get(0)) - 1;
        assertThat(events.get(before)).isInstanceOf(TrainingEvent.Epoch.class);
        long total = hs.get(1).parameters().stream().mapToLong(TrainingEvent.Histogram::size).sum();
        assertThat(total).isEqualTo(result.model().numParams());
        for (TrainingEvent.Histogram h : hs.get(1).parameters()) {
            assertThat(java.util.Arrays.stream(h.counts()).sum()).as(h.toString()).isEqualTo(h.size());
            assertThat(doc.node(h.layer())).as("layer %s is a node of the document", h.layer()).isPresent();
            assertThat(h.parameter()).isIn("W", "b", "gamma", "beta", "mean", "var", "RW");
        }

        TrainingEvent back = EventJson.fromJson(EventJson.toJson(hs.get(1)));
        assertThat(back).isEqualTo(hs.get(1));
    }
}
