package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The decision-boundary events of a 2-D classifier: the picture changes while it learns and matches the model. */
class BoundaryProbeTest {

    private static List<TrainingEvent.Boundary> boundaries(List<TrainingEvent> events) {
        return events.stream().filter(TrainingEvent.Boundary.class::isInstance)
                .map(TrainingEvent.Boundary.class::cast).toList();
    }

    @Test
    void xorBoundaryIsReportedChangesAndAgreesWithTheTrainedModel() throws Exception {
        NetworkDocument doc = SampleTrainingTest.sample("xor-2d");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(doc,
                new TrainingSession.Options("cpu", 1).withBoundaryMillis(20), events::add).run();
        assertThat(result.succeeded()).isTrue();

        List<TrainingEvent.Boundary> b = boundaries(events);
        int epochs = doc.training().epochs();
        // one before training, one at the end, and (every 20 ms) many in between
        assertThat(b.size()).isGreaterThanOrEqualTo(3);
        assertThat(b.get(b.size() - 1).epoch()).isEqualTo(epochs);
        assertThat(events.get(events.indexOf(b.get(b.size() - 1)) - 1)).isInstanceOf(TrainingEvent.Histograms.class);
        TrainingEvent.Boundary first = b.get(0);
        TrainingEvent.Boundary last = b.get(b.size() - 1);
        assertThat(first.epoch()).isZero();
        assertThat(first.iteration()).isZero();
        assertThat(first.points()).isNotNull();
        assertThat(first.points().x()).hasSize(350); // every training point (fewer than the 400 cap)
        assertThat(b.subList(1, b.size())).allMatch(e -> e.points() == null);
        int cells = first.size() * first.size();
        assertThat(first.predicted()).hasSize(cells);
        assertThat(first.confidence()).hasSize(cells);
        assertThat(first.xMin()).isLessThan(first.xMax());

        // The untrained picture is not the trained one.
        int changed = 0;
        for (int i = 0; i < cells; i++) {
            changed += first.predicted()[i] != last.predicted()[i] ? 1 : 0;
        }
        assertThat(changed).isGreaterThan(cells / 20);

        // The last picture is what the trained model computes, checked directly with ND4J on a few cells.
        ComputationGraph model = result.model();
        for (int cell : new int[] {0, 417, 820, cells - 1}) {
            int r = cell / last.size();
            int c = cell % last.size();
            float x = (float) (last.xMin() + (c + 0.5) * (last.xMax() - last.xMin()) / last.size());
            float y = (float) (last.yMin() + (r + 0.5) * (last.yMax() - last.yMin()) / last.size());
            INDArray in = Nd4j.create(new float[] {x, y}, new long[] {1, 2}, DataType.FLOAT);
            float[] out = model.outputSingle(false, in).data().asFloat();
            int predicted = out.length == 1 ? (out[0] >= 0.5f ? 1 : 0) : argmax(out);
            float confidence = out.length == 1 ? Math.max(out[0], 1 - out[0]) : out[predicted];
            assertThat(last.predicted()[cell]).as("class of cell %d", cell).isEqualTo(predicted);
            assertThat(last.confidence()[cell]).isCloseTo(confidence, within(1e-3f));
            if (cell % 2 == 0 && r % 2 == 0) {
                Map<String, INDArray> acts = model.feedForward(in, false);
                TrainingEvent.UnitMap unit = last.units().get(0);
                float direct = acts.get(unit.layer()).getFloat(0, unit.unit());
                int side = unit.size();
                assertThat(unit.values()[(r / 2) * side + c / 2]).as("unit picture at cell %d", cell)
                        .isCloseTo(direct, within(1e-3f));
            }
        }
        assertThat(last.units()).isNotEmpty();
        assertThat(last.units()).allMatch(u -> u.values().length == u.size() * u.size());

        // The trained picture puts the training points in their own class (XOR is learned to 97 %+).
        TrainingEvent.BoundaryPoints p = first.points();
        int right = 0;
        for (int i = 0; i < p.x().length; i++) {
            int c = (int) Math.floor((p.x()[i] - last.xMin()) / (last.xMax() - last.xMin()) * last.size());
            int r = (int) Math.floor((p.y()[i] - last.yMin()) / (last.yMax() - last.yMin()) * last.size());
            right += last.predicted()[r * last.size() + c] == p.label()[i] ? 1 : 0;
        }
        assertThat(right).isGreaterThan((int) (0.9 * p.x().length));
    }

    @Test
    void networksWithoutTwoInputFeaturesReportNoBoundary() throws Exception {
        NetworkDocument doc = SampleTrainingTest.sample("digits-mlp");
        doc = doc.withTraining(doc.training().withEpochs(1));
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingSession(doc, new TrainingSession.Options("cpu", 1).withBoundaryMillis(1), events::add).run();
        assertThat(events).anyMatch(TrainingEvent.Epoch.class::isInstance);
        assertThat(boundaries(events)).isEmpty();
    }

    @Test
    void boundaryEventsAreOffUnlessAsked() throws Exception {
        NetworkDocument doc = SampleTrainingTest.sample("xor-2d");
        doc = doc.withTraining(doc.training().withEpochs(2));
        List<TrainingEvent> events = new ArrayList<>();
        new TrainingSession(doc, new TrainingSession.Options("cpu", 1), events::add).run();
        assertThat(boundaries(events)).isEmpty();
    }

    private static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
