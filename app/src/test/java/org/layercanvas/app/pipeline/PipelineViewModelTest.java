package org.layercanvas.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.pipeline.PipelineViewModel.Stage;
import org.layercanvas.app.pipeline.PipelineViewModel.Status;
import org.layercanvas.app.pipeline.PipelineViewModel.Step;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Position;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.train.TrainingEvent;

class PipelineViewModelTest {
    private static final ShapeInference INFERENCE = new ShapeInference(LayerCatalog.standard());

    private static List<Status> statuses(NetworkDocument doc, boolean running, NetworkDocument trained,
                                         TrainingEvent.Evaluation ev) {
        return PipelineViewModel.steps(doc, INFERENCE.analyze(doc), running, trained, ev).stream()
                .map(Step::status).toList();
    }

    private static TrainingEvent.Evaluation evaluation() {
        return TrainingEvent.Evaluation.of(new int[] {0, 1, 1}, new int[] {0, 1, 0}, List.of("a", "b"), 0.5);
    }

    @Test
    void anEmptyCanvasNeedsDataFirst() {
        NetworkDocument empty = DocumentSession.emptyDocument();
        assertThat(statuses(empty, false, null, null)).containsExactly(Status.NEXT, Status.LATER, Status.LATER,
                Status.LATER, Status.LATER, Status.LATER);
        Step data = PipelineViewModel.steps(empty, INFERENCE.analyze(empty), false, null, null).get(0);
        assertThat(data.detail()).startsWith("No dataset yet");
    }

    @Test
    void aValidSampleIsReadyToTrainThenToEvaluateThenToDeploy() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        assertThat(statuses(digits, false, null, null)).containsExactly(Status.DONE, Status.DONE, Status.DONE,
                Status.NEXT, Status.LATER, Status.LATER);
        assertThat(statuses(digits, true, null, null).get(3)).isEqualTo(Status.RUNNING);
        assertThat(statuses(digits, false, digits, evaluation())).containsExactly(Status.DONE, Status.DONE,
                Status.DONE, Status.DONE, Status.DONE, Status.NEXT);
        Step evaluated = PipelineViewModel.steps(digits, INFERENCE.analyze(digits), false, digits, evaluation())
                .get(4);
        assertThat(evaluated.detail()).isEqualTo("Test accuracy 66.7 %: click for the confusion matrix.");
    }

    @Test
    void anEditAfterTheRunMakesItStaleButMovingALayerDoesNot() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        NetworkDocument moved = digits.withNode(digits.node("hidden").orElseThrow()
                .withPosition(new Position(300, 300)));
        assertThat(statuses(moved, false, digits, evaluation()).get(3)).isEqualTo(Status.DONE);
        NetworkDocument longer = digits.withTraining(digits.training().withEpochs(3));
        List<Step> steps = PipelineViewModel.steps(longer, INFERENCE.analyze(longer), false, digits, evaluation());
        assertThat(steps.get(3).status()).isEqualTo(Status.NEXT);
        assertThat(steps.get(3).detail()).startsWith("The network changed since the last run");
        assertThat(steps.get(4).status()).isEqualTo(Status.LATER);
    }

    @Test
    void anInvalidNetworkPointsAtTheModelStep() {
        NetworkDocument digits = TestDocs.sample("digits-mlp");
        NetworkDocument broken = digits.withNode(digits.node("hidden").orElseThrow()
                .withParam("units", 0));
        Analysis analysis = INFERENCE.analyze(broken);
        List<Step> steps = PipelineViewModel.steps(broken, analysis, false, null, null);
        assertThat(steps.get(2)).isEqualTo(new Step(Stage.MODEL, Status.NEXT,
                "1 problem(s) to fix before training: see the Problems tab."));
        assertThat(steps.get(3).status()).isEqualTo(Status.LATER);
    }
}
