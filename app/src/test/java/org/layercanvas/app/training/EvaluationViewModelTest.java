package org.layercanvas.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.train.TrainingEvent;

/** The Evaluation tab's state, without a stage: the background and the FX thread are queues the test runs. */
class EvaluationViewModelTest {
    private final Deque<Runnable> background = new ArrayDeque<>();
    private NetworkDocument trained = TestDocs.sample("digits-mlp");
    private final EvaluationViewModel model = new EvaluationViewModel(() -> trained, background::add, Runnable::run);

    /** Ten digit classes; example i is predicted as its true class except every fifth, which is taken for 0. */
    private static TrainingEvent.Evaluation evaluation() {
        int n = 360;
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 10;
            predicted[i] = i % 5 == 4 ? 0 : truth[i];
        }
        return TrainingEvent.Evaluation.of(truth, predicted,
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), 0.25);
    }

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void anEvaluationGivesTheSummaryAndOneRowPerClass() {
        TrainingEvent.Evaluation ev = evaluation();
        model.show(ev);
        assertThat(model.summaryProperty().get())
                .isEqualTo("Test accuracy 80.0 %, test loss 0.2500, on 360 test examples");
        assertThat(model.rows()).hasSize(10);
        EvaluationViewModel.ClassRow four = model.rows().get(4);
        assertThat(four.recall()).isZero();
        assertThat(four.support()).isEqualTo(36);
        assertThat(model.rows().get(0).precision()).isEqualTo(36.0 / 108);
        model.show(null);
        assertThat(model.rows()).isEmpty();
        assertThat(model.summaryProperty().get()).startsWith("No evaluation yet");
    }

    @Test
    void aCellShowsItsIndicesUntilTheTestSplitHasLoadedThenItsPictures() {
        model.show(evaluation());
        assertThat(background).as("the test split loads in the background").hasSize(1);
        model.showCell(4, 0);
        assertThat(model.cellTitleProperty().get()).isEqualTo("True 4, predicted 0: 36 example(s)");
        assertThat(model.examples()).hasSize(TrainingEvent.Evaluation.EXAMPLES_PER_CELL)
                .allMatch(e -> e instanceof EvaluationViewModel.Example.Unknown);
        assertThat(model.examples().get(0).index()).isEqualTo(4);

        runBackground();
        // digits are 64 flat features: shown as 8x8 grids
        assertThat(model.examples()).hasSize(TrainingEvent.Evaluation.EXAMPLES_PER_CELL)
                .allMatch(e -> e instanceof EvaluationViewModel.Example.Grid g && g.side() == 8);
        assertThat(model.examples()).extracting(EvaluationViewModel.Example::index).startsWith(4, 14, 24);
    }

    @Test
    void theTestSplitIsLoadedOncePerTrainedNetwork() {
        model.show(evaluation());
        runBackground();
        model.show(evaluation());
        assertThat(background).isEmpty();
        trained = TestDocs.sample("digits-mlp");
        model.show(evaluation());
        assertThat(background).hasSize(1);
    }

    @Test
    void percentagesHaveOneDecimalAndUnknownIsADash() {
        assertThat(EvaluationViewModel.percent(0.975)).isEqualTo("97.5 %");
        assertThat(EvaluationViewModel.percent(Double.NaN)).isEqualTo("\u2014");
    }
}
