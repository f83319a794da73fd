package org.layercanvas.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** Answers find the request they answer by its id; the rest fail when the worker goes. */
class PendingRequestsTest {
    private final PendingRequests pending = new PendingRequests();

    @Test
    void idsAreDistinctAcrossKinds() {
        long a = pending.newPrediction().id();
        long b = pending.newSave().id();
        long c = pending.newPrediction().id();
        assertThat(a).isNotEqualTo(b).isNotEqualTo(c);
        assertThat(b).isNotEqualTo(c);
    }

    @Test
    void aPredictionCompletesItsOwnRequestOnly() throws Exception {
        PendingRequests.Request<double[][]> first = pending.newPrediction();
        PendingRequests.Request<double[][]> second = pending.newPrediction();
        pending.answer(new WorkerProtocol.Prediction(second.id(), new double[][] {{0.25, 0.75}}));
        assertThat(second.future().get()).isDeepEqualTo(new double[][] {{0.25, 0.75}});
        assertThat(first.future()).isNotDone();
        // a second answer to the same id changes nothing
        pending.answer(new WorkerProtocol.Prediction(second.id(), new double[][] {{1}}));
        assertThat(second.future().get()).isDeepEqualTo(new double[][] {{0.25, 0.75}});
    }

    @Test
    void savedCompletesWithThePath() throws Exception {
        PendingRequests.Request<Path> save = pending.newSave();
        pending.answer(new WorkerProtocol.Saved("/tmp/model.zip", null)); // an answer to no request
        assertThat(save.future()).isNotDone();
        pending.answer(new WorkerProtocol.Saved("/tmp/model.zip", save.id()));
        assertThat(save.future().get()).isEqualTo(Path.of("/tmp/model.zip"));
    }

    @Test
    void anErrorWithTheIdFailsTheRequestWithItsMessage() {
        PendingRequests.Request<Path> save = pending.newSave();
        PendingRequests.Request<double[][]> predict = pending.newPrediction();
        pending.answer(new WorkerProtocol.Error("save: cannot write /x", save.id()));
        pending.answer(new WorkerProtocol.Error("unknown command 'x'", null));
        assertThatThrownBy(() -> save.future().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(WorkerClient.WorkerException.class).hasMessage("save: cannot write /x");
        assertThat(predict.future()).isNotDone();
    }

    @Test
    void failAllFailsEveryRequestLeft() {
        PendingRequests.Request<Path> save = pending.newSave();
        PendingRequests.Request<double[][]> predict = pending.newPrediction();
        pending.failAll("the worker was closed");
        assertThat(save.future()).isCompletedExceptionally();
        assertThatThrownBy(() -> predict.future().get()).cause().hasMessage("the worker was closed");
        // nothing is left to complete
        pending.answer(new WorkerProtocol.Prediction(predict.id(), new double[0][]));
        assertThat(predict.future()).isCompletedExceptionally();
    }
}
