package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.layercanvas.charts.MetricSeries;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Optimizer;
import org.layercanvas.model.TrainingSettings;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Run, watch, evaluate, stop, crash and diverge, with a real worker process. */
class TrainingDashboardTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    private void setTraining(TrainingSettings settings) {
        interact(() -> session().execute(DocumentCommands.setTraining(settings)));
    }

    private void waitFor(long seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met in " + seconds + " s; state " + state() + ": "
                    + fx(() -> window.training().messageProperty().get() + " / "
                    + window.training().progressTextProperty().get()), e);
        }
    }

    private State state() {
        return fx(() -> window.training().stateProperty().get());
    }

    @Test
    void oneEpochDrawsAFiniteLossCurveAndATenByTenConfusionMatrixOverTheTestSet() {
        setTraining(document().training().withEpochs(1));
        press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitFor(90, () -> window.training().evaluationProperty().get() != null);

        assertThat(state()).isEqualTo(State.FINISHED);
        MetricSeries loss = fx(() -> window.training().trainedDocumentProperty().get() != null
                ? lookup("#chart-loss").queryAs(org.layercanvas.charts.LiveChart.class).getSeries("train").series()
                : null);
        MetricSeries.Snapshot points = loss.snapshot();
        assertThat(points.size()).isEqualTo(34); // 1078 training examples / batch 32
        for (int i = 0; i < points.size(); i++) {
            assertThat(Double.isFinite(points.y(i))).isTrue();
        }
        long[][] m = fx(() -> window.training().evaluationProperty().get().confusion());
        assertThat(m).hasDimensions(10, 10);
        long sum = 0;
        for (long[] row : m) {
            for (long v : row) {
                sum += v;
            }
        }
        assertThat(sum).isEqualTo(360); // the test part of 1797 split 0.6 / 0.2 / 0.2
        // the sample has a validation part: its curve has the epoch's point and no note says it is missing
        org.layercanvas.charts.LiveChart accuracy = lookup("#chart-accuracy").queryAs(
                org.layercanvas.charts.LiveChart.class);
        assertThat(fx(() -> accuracy.getSeries("validation").series().size())).isEqualTo(1);
        assertThat(fx(() -> accuracy.getSeries("validation").isVisible())).isTrue();
        assertThat(fx(() -> lookup("#validation-note").queryAs(javafx.scene.control.Label.class).getText()))
                .isEmpty();
        assertThat(fx(() -> window.evaluation().matrix().getClassCount())).isEqualTo(10);
        assertThat(fx(() -> window.evaluation().table().getItems().size())).isEqualTo(10);
        waitFor(10, () -> window.runs().list().getItems().size() == 1);
        // A cell of the matrix shows its test examples as pictures (the split is loaded off the FX thread).
        interact(() -> window.evaluation().showCell(0, 0));
        waitFor(10, () -> !window.evaluation().examples().getChildren().isEmpty()
                && window.evaluation().examples().getChildren().stream()
                        .allMatch(javafx.scene.image.ImageView.class::isInstance));
        assertThat(fx(() -> window.evaluation().examples().getChildren().size()))
                .isEqualTo((int) Math.min(16, m[0][0]));
        // The Weights tab shows one histogram per parameter array: W and b of hidden and digit.
        var histograms = fx(() -> window.training().histogramsProperty().get());
        assertThat(histograms.epoch()).isEqualTo(1);
        assertThat(histograms.parameters()).extracting(h -> h.layer() + "_" + h.parameter())
                .containsExactlyInAnyOrder("hidden_W", "hidden_b", "digit_W", "digit_b");
        javafx.scene.layout.FlowPane cells = lookup("#weights-cells").query();
        assertThat(fx(() -> cells.getChildren().size())).as("not drawn while its tab is hidden").isZero();
        clickOn("Weights");
        waitFor(5, () -> cells.getChildren().size() == 4);
    }

    @Test
    void withoutAValidationPartTheDashboardSaysSoInsteadOfAnEmptyValidationCurve() {
        var d = document().dataset();
        interact(() -> session().execute(DocumentCommands.setDataset(new org.layercanvas.model.DatasetSpec(d.id(),
                d.options(), new org.layercanvas.model.Split(0.8, 0.0, 0.2), d.seed()))));
        setTraining(document().training().withEpochs(1));
        press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitFor(90, () -> window.training().evaluationProperty().get() != null);

        org.layercanvas.charts.LiveChart accuracy = lookup("#chart-accuracy").queryAs(
                org.layercanvas.charts.LiveChart.class);
        assertThat(fx(() -> accuracy.getSeries("validation").isVisible())).isFalse();
        // only "training" left in the legend (from the chart's next frame on)
        waitFor(5, () -> accuracy.getJFreeChart().getXYPlot().getLegendItems().getItemCount() == 1);
        assertThat(fx(() -> lookup("#validation-note").queryAs(javafx.scene.control.Label.class).getText()))
                .contains("no validation part");
        // a fixed learning rate is a flat line: its chart gives loss and accuracy the room
        assertThat(fx(() -> lookup("#chart-rate").query().isVisible())).isFalse();

        // with a schedule the rate changes, and its chart is shown
        TrainingSettings t = document().training();
        setTraining(new TrainingSettings(t.optimizer(), t.learningRate(), t.momentum(),
                new org.layercanvas.model.LrSchedule(org.layercanvas.model.LrSchedule.Type.STEP, 0.5, 1),
                t.batchSize(), 2, t.weightDecay(), t.seed(), t.earlyStoppingPatience(), t.gradientClip()));
        press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitFor(90, () -> window.training().stateProperty().get() == State.FINISHED
                && window.training().trainedDocumentProperty().get().training().epochs() == 2);
        assertThat(fx(() -> lookup("#chart-rate").query().isVisible())).isTrue();
    }

    @Test
    void runUsesTheWorkerWarmedUpWhileTheWindowWasOpenAndPreparesTheNext() {
        // The other tests run without spares (app module's surefire setting), to keep CI to two JVMs at a time.
        String before = System.getProperty(org.layercanvas.app.training.SpareWorker.PROPERTY);
        System.setProperty(org.layercanvas.app.training.SpareWorker.PROPERTY, "true");
        try {
            interact(() -> window.training().prepareWorker(org.layercanvas.runtime.device.DeviceRequest.AUTO,
                    org.layercanvas.app.main.MainWindow.trainingThreads()));
            var spares = app.spareWorker();
            waitFor(10, spares::hasSpare);
            long sparePid = spares.pid();
            assertThat(sparePid).isPositive();
            setTraining(document().training().withEpochs(1));
            press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
            waitFor(10, () -> window.training().workerPid() > 0);
            assertThat(fx(() -> window.training().workerPid())).as("the run's worker is the spare")
                    .isEqualTo(sparePid);
            waitFor(90, () -> window.training().evaluationProperty().get() != null);
            assertThat(state()).isEqualTo(State.FINISHED);
            waitFor(30, () -> spares.hasSpare() && spares.pid() != sparePid);
        } finally {
            if (before == null) {
                System.clearProperty(org.layercanvas.app.training.SpareWorker.PROPERTY);
            } else {
                System.setProperty(org.layercanvas.app.training.SpareWorker.PROPERTY, before);
            }
            app.spareWorker().close();
        }
    }

    @Test
    void stopEndsTheRunWithinASecondAndKeepsAnEvaluatedModel() {
        setTraining(document().training().withEpochs(200));
        press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitFor(90, () -> state() == State.RUNNING && window.training().progressProperty().get() > 0.002);
        long start = System.nanoTime();
        clickOn("#stop");
        waitFor(10, () -> state() == State.FINISHED);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("stop took %.2f s", seconds).isLessThan(1.0 + 1.5); // one minibatch + evaluation
        assertThat(fx(() -> window.training().messageProperty().get())).contains("Stopped");
        waitFor(30, () -> window.training().evaluationProperty().get() != null);
    }

    @Test
    void aKilledWorkerIsReportedAndTheDocumentStaysIntactAndEditable() throws Exception {
        setTraining(document().training().withEpochs(200));
        NetworkDocument before = document();
        press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitFor(90, () -> state() == State.RUNNING);
        long pid = fx(() -> window.training().workerPid());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();

        waitFor(15, () -> state() == State.FAILED);
        assertThat(fx(() -> window.training().messageProperty().get())).contains("ended unexpectedly")
                .contains("press Run to try again");
        assertThat(document()).isEqualTo(before);
        interact(() -> session().execute(DocumentCommands.setParam("hidden", "units", 64)));
        assertThat(document().node("hidden").orElseThrow().params()).containsEntry("units", 64);
        assertThat(fx(() -> lookup("#run").query().isDisabled())).isFalse();
    }

    @Test
    void aDivergingRunStopsWithAMessageThatSaysWhatToTry() {
        // Digits as regression with plain SGD at rate 10: the loss overflows within a few minibatches.
        interact(() -> {
            session().execute(DocumentCommands.setParam("digit", "units", 1));
            session().execute(DocumentCommands.setParam("digit", "loss", "mse"));
        });
        TrainingSettings t = document().training();
        setTraining(new TrainingSettings(Optimizer.SGD, 10, 0, t.schedule(), t.batchSize(), 5, 0, t.seed(), 0, 0));
        press(javafx.scene.input.KeyCode.F5).release(javafx.scene.input.KeyCode.F5);
        waitFor(90, () -> state() == State.FAILED);
        assertThat(fx(() -> window.training().messageProperty().get())).contains("diverged")
                .contains("lower learning rate");
    }
}
