package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Arrays;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.testfx.framework.junit5.Start;

/** Runs > Open in Playground: a past run's saved model is loaded by a worker without training and answers. */
class ReloadRunTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    @Test
    void aPastRunsSavedModelAnswersInThePlaygroundWithoutTraining() throws Exception {
        interact(() -> session().execute(DocumentCommands.setTraining(document().training().withEpochs(3))));
        interact(window::run);
        waitSeconds(120, () -> window.training().stateProperty().get() == State.FINISHED);
        waitSeconds(30, () -> window.training().lastRunProperty().get() != null);
        RunStore.RunInfo run = fx(() -> window.training().lastRunProperty().get());
        waitSeconds(30, () -> Files.isRegularFile(run.folder().resolve(RunStore.MODEL)));
        double trainedAccuracy = fx(() -> window.training().evaluationProperty().get().testAccuracy());
        int runsBefore = app.runs().list().size();

        // The canvas changes afterwards; the playground must ask the run's network, not the canvas's.
        interact(() -> session().execute(DocumentCommands.setParam("hidden", "units", 16)));
        interact(() -> window.showTab("tab-runs"));
        @SuppressWarnings("unchecked")
        ListView<RunStore.RunInfo> list = (ListView<RunStore.RunInfo>) fx(() -> window.stage().getScene()
                .lookup("#runs-list"));
        waitSeconds(10, () -> !list.getItems().isEmpty());
        interact(() -> list.getSelectionModel().select(0));
        clickOn(fx(() -> window.stage().getScene().lookup("#runs-playground")));

        waitSeconds(60, () -> window.training().stateProperty().get() == State.FINISHED
                && window.training().evaluationProperty().get() != null);
        assertThat(fx(() -> window.training().messageProperty().get())).contains("saved model is loaded");
        assertThat(fx(() -> window.training().evaluationProperty().get().testAccuracy()))
                .as("the same model on the same test split").isEqualTo(trainedAccuracy);
        assertThat(app.runs().list()).as("a reload is not a run").hasSize(runsBefore);
        assertThat(fx(() -> ((javafx.scene.control.TabPane) window.stage().getScene().lookup("#bottom-tabs"))
                .getSelectionModel().getSelectedItem().getId())).isEqualTo("tab-playground");

        float[] stroke = new float[64];
        Arrays.fill(stroke, 20, 40, 1f);
        interact(() -> window.playground().draw(stroke));
        waitSeconds(20, () -> window.playground().probabilitiesProperty().get() != null);
        assertThat(Arrays.stream(fx(() -> window.playground().probabilitiesProperty().get())).sum())
                .isBetween(0.999, 1.001);
    }
}
