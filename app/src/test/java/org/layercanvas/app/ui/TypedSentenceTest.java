package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.playground.PlaygroundViewModel;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.testfx.framework.junit5.Start;

/** The playground's sentence field with a real worker: a typed sentence gets the sentiment network's verdict. */
class TypedSentenceTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, TestDocs.sample("sentiment-lstm-keras"));
    }

    @Test
    void aTypedSentenceGetsTwoClassProbabilities() {
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.setTraining(
                document().training().withEpochs(2))));
        interact(() -> window.showTab("tab-playground"));
        press(KeyCode.F5).release(KeyCode.F5);
        waitSeconds(30, () -> window.playground().modeProperty().get() == PlaygroundViewModel.Mode.TEXT);
        waitSeconds(90, () -> window.training().stateProperty().get() == State.FINISHED);
        waitSeconds(10, () -> window.playground().statusProperty().get().startsWith("Type a sentence"));

        clickOn("#text-probe").write("what a wonderful film");
        waitSeconds(20, () -> window.playground().probabilitiesProperty().get() != null
                && fx(() -> lookup("#text-probe").queryAs(TextField.class).getText()).equals("what a wonderful film"));
        double[] p = fx(() -> window.playground().probabilitiesProperty().get());
        assertThat(p).hasSize(2);
        assertThat(p[0] + p[1]).isCloseTo(1.0, within(1e-6));
        assertThat(lookup("#text-probe-bars .progress-bar").queryAllAs(ProgressBar.class)).hasSize(2);
        assertThat(fx(() -> window.playground().className(1))).isEqualTo("positive");
    }
}
