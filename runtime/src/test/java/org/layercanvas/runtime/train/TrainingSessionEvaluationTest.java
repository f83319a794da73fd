package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.data.Examples;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@link TrainingEvent.Evaluation} after a run: confusion matrix, per-class numbers, example indices. */
class TrainingSessionEvaluationTest {

    @Test
    void perClassNumbersMatchAHandComputation() {
        //            example: 0  1  2  3  4  5
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 1, 0, 1, 2, 2};
        TrainingEvent.Evaluation e = TrainingEvent.Evaluation.of(truth, predicted, List.of("a", "b", "c"), 0.25);

        assertThat(e.confusion()).isDeepEqualTo(new long[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}});
        assertThat(e.total()).isEqualTo(6);
        assertThat(e.testAccuracy()).isEqualTo(4.0 / 6);
        assertThat(e.testLoss()).isEqualTo(0.25);
        assertThat(e.support()).containsExactly(3, 2, 1);
        // precision: right / predicted as the class (column sums 2, 2, 2)
        assertThat(e.precision()).containsExactly(new double[] {1.0, 0.5, 0.5}, within(1e-12));
        // recall: right / support
        assertThat(e.recall()).containsExactly(new double[] {2.0 / 3, 0.5, 1.0}, within(1e-12));
        // F1 = 2PR / (P + R): a 2 * 1 * 2/3 / (5/3) = 0.8, b 0.5, c 2 * 0.5 / 1.5
        assertThat(e.f1()).containsExactly(new double[] {0.8, 0.5, 2.0 / 3}, within(1e-12));
        assertThat(e.examples()[0][0]).containsExactly(0, 2);
        assertThat(e.examples()[0][1]).containsExactly(1);
        assertThat(e.examples()[0][2]).isEmpty();
        assertThat(e.examples()[1][1]).containsExactly(3);
        assertThat(e.examples()[1][2]).containsExactly(4);
        assertThat(e.examples()[2][2]).containsExactly(5);
        assertThat(e.classNames()).containsExactly("a", "b", "c");
    }

    @Test
    void undefinedRatiosAreNaNAndZeroOverZeroF1IsZero() {
        // class 1 never occurs and is never predicted; class 2 occurs but is never predicted right
        int[] truth = {0, 0, 2};
        int[] predicted = {0, 0, 0};
        TrainingEvent.Evaluation e = TrainingEvent.Evaluation.of(truth, predicted, List.of("x", "y", "z"), 1.0);
        assertThat(e.precision()[0]).isEqualTo(2.0 / 3);
        assertThat(e.recall()[0]).isEqualTo(1.0);
        assertThat(e.precision()[1]).isNaN();
        assertThat(e.recall()[1]).isNaN();
        assertThat(e.f1()[1]).isNaN();
        assertThat(e.precision()[2]).isNaN();
        assertThat(e.recall()[2]).isZero();
        assertThat(e.f1()[2]).isNaN();
        // both zero: F1 zero
        TrainingEvent.Evaluation two = TrainingEvent.Evaluation.of(new int[] {0, 1}, new int[] {1, 0},
                List.of("p", "q"), 1.0);
        assertThat(two.f1()).containsExactly(0.0, 0.0);
        assertThat(two.testAccuracy()).isZero();
        TrainingEvent.Evaluation empty = TrainingEvent.Evaluation.of(new int[0], new int[0], List.of("p", "q"),
                Double.NaN);
        assertThat(empty.testAccuracy()).isNaN();
        assertThat(empty.total()).isZero();
    }

    @Test
    void atMostSixteenExampleIndicesPerCellInAscendingOrder() {
        int[] truth = new int[40];
        int[] predicted = new int[40];
        predicted[39] = 1;
        TrainingEvent.Evaluation e = TrainingEvent.Evaluation.of(truth, predicted, List.of("a", "b"), 0);
        assertThat(e.examples()[0][0]).containsExactly(IntStream.range(0, 16).toArray());
        assertThat(e.examples()[0][1]).containsExactly(39);
        assertThat(e.confusion()[0][0]).isEqualTo(39);
    }

    @Test
    void xorRunEndsWithAnEvaluationOfItsTestSplit() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        NetworkDocument doc = base.withTraining(base.training().withEpochs(15));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 0, true),
                events::add).run();

        assertThat(result.succeeded()).isTrue();
        TrainingEvent.Evaluation e = result.evaluation();
        assertThat(events.get(events.size() - 1)).as("the evaluation follows Finished").isEqualTo(e);
        assertThat(events.get(events.size() - 2)).isEqualTo(result.finished());
        assertThat(events.stream().filter(TrainingEvent.Evaluation.class::isInstance)).hasSize(1);

        // 500 examples split 0.7 / 0.1 / 0.2: 100 test examples; units == 1 is binary
        assertThat(e.total()).isEqualTo(100);
        assertThat(e.confusion()).hasDimensions(2, 2);
        assertThat(e.classNames()).hasSize(2);
        assertThat(e.support()[0] + e.support()[1]).isEqualTo(100);
        assertThat(e.testAccuracy()).isEqualTo(result.finished().testAccuracy());
        assertThat(e.testLoss()).isEqualTo(result.finished().testLoss());
        assertThat(e.testAccuracy()).isEqualTo((e.confusion()[0][0] + e.confusion()[1][1]) / 100.0);

        // the Result gives the test examples the indices point into, and they are in the right cells
        assertThat(result.testSet().size()).isEqualTo(100);
        for (int t = 0; t < 2; t++) {
            for (int p = 0; p < 2; p++) {
                int[] cell = e.examples()[t][p];
                assertThat(cell.length).isEqualTo((int) Math.min(16, e.confusion()[t][p]));
                for (int i : cell) {
                    assertThat(result.testLabel(i)).isEqualTo(t);
                    float[] x = result.testExample(i);
                    INDArray out = result.model().outputSingle(Nd4j.create(new float[][] {x}));
                    assertThat(out.getDouble(0, 0) > 0.5 ? 1 : 0).as("prediction of test example %d", i)
                            .isEqualTo(p);
                }
            }
        }
        // another process can rebuild the same split
        org.layercanvas.runtime.data.BatchSource again = TrainingSession.testSplit(doc,
                org.layercanvas.runtime.data.DataContext.offline());
        assertThat(again.size()).isEqualTo(result.testSet().size());
        for (int i = 0; i < again.size(); i++) {
            float[] a = new float[again.featureCount()];
            again.features(i, a, 0);
            assertThat(again.label(i)).isEqualTo(result.testLabel(i));
            assertThat(a).containsExactly(result.testExample(i));
        }
    }

    @Test
    void digitsRunStoppedEarlyIsEvaluatedOverAllTenClasses() throws Exception {
        NetworkDocument doc = SampleTrainingTest.sample("digits-mlp");
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession[] session = new TrainingSession[1];
        session[0] = new TrainingSession(doc, new TrainingSession.Options("cpu", 0, true), ev -> {
            events.add(ev);
            if (ev instanceof TrainingEvent.Iteration it && it.iteration() == 30) {
                session[0].requestStop();
            }
        });
        TrainingSession.Result result = session[0].run();
        assertThat(result.finished().endReason()).isEqualTo(EndReason.STOPPED);
        TrainingEvent.Evaluation e = (TrainingEvent.Evaluation) events.get(events.size() - 1);
        assertThat(e).isEqualTo(result.evaluation());
        assertThat(e.confusion()).hasDimensions(10, 10);
        assertThat(e.total()).isEqualTo(360);
        assertThat(e.classNames()).hasSize(10);
        assertThat(IntStream.range(0, 10).mapToLong(c -> e.support()[c]).sum()).isEqualTo(360);
        // predicted classes agree with the model's arg-max
        int[] wrongCell = null;
        for (int t = 0; t < 10 && wrongCell == null; t++) {
            for (int p = 0; p < 10; p++) {
                if (t != p && e.examples()[t][p].length > 0) {
                    wrongCell = new int[] {t, p, e.examples()[t][p][0]};
                    break;
                }
            }
        }
        if (wrongCell != null) {
            float[] x = result.testExample(wrongCell[2]);
            INDArray out = result.model().outputSingle(Nd4j.create(new float[][] {x}).castTo(DataType.FLOAT));
            assertThat(out.argMax(1).getInt(0)).isEqualTo(wrongCell[1]);
            assertThat(result.testLabel(wrongCell[2])).isEqualTo(wrongCell[0]);
        }
    }

    @Test
    void withoutTheOptionTheResultStillCarriesTheEvaluation() throws Exception {
        NetworkDocument base = SampleTrainingTest.sample("xor-2d");
        NetworkDocument doc = base.withTraining(base.training().withEpochs(1));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 0), events::add)
                .run();
        assertThat(events).noneMatch(TrainingEvent.Evaluation.class::isInstance);
        assertThat(result.evaluation().total()).isEqualTo(100);
    }

    @Test
    void newEventsSurviveTheirJsonForm() throws Exception {
        List<TrainingEvent> events = List.of(new TrainingEvent.Paused(12, 2),
                new TrainingEvent.Resumed(12, 2, 3.5),
                TrainingEvent.Evaluation.of(new int[] {0, 0, 2}, new int[] {0, 0, 0}, List.of("x", "y", "z"), 0.5),
                TrainingEvent.Evaluation.of(new int[0], new int[0], List.of("p", "q"), Double.NaN));
        for (TrainingEvent e : events) {
            String json = EventJson.toJson(e);
            assertThat(json).doesNotContain("\n");
            assertThat(EventJson.fromJson(json)).isEqualTo(e);
        }
        assertThat(EventJson.toJson(events.get(0))).isEqualTo("{\"type\":\"paused\",\"iteration\":12,\"epoch\":2}");
        assertThat(EventJson.toJson(events.get(2))).startsWith("{\"type\":\"evaluation\",")
                .contains("\"precision\":[0.6666666666666666,\"NaN\",\"NaN\"]");
    }

    @Test
    void aRunWithoutValidationOrTestSplitFinishesWithNoTestNumbers() throws Exception {
        NetworkDocument doc = SampleTrainingTest.sample("xor-2d");
        doc = doc.withDataset(new org.layercanvas.model.DatasetSpec("xor", java.util.Map.of(),
                new org.layercanvas.model.Split(1.0, 0.0, 0.0), 1)).withTraining(doc.training().withEpochs(1));

        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 1), e -> { })
                .run();

        assertThat(result.succeeded()).as("%s", result.failed()).isTrue();
        assertThat(result.finished().testAccuracy()).isNaN();
        assertThat(result.evaluation().total()).isZero();
    }
}
