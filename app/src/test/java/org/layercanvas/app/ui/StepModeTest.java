package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.testfx.framework.junit5.Start;

/** Step mode with a real worker: Step starts a paused run, each step shows every layer's health on the canvas. */
class StepModeTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, TestDocs.sample("xor-2d"));
    }

    /** The status line at the foot of a node, or null when it shows none. */
    private Label status(String nodeId) {
        return fx(() -> nodeView(nodeId).lookupAll(".node-status").stream().map(Label.class::cast)
                .filter(Label::isVisible).findFirst().orElse(null));
    }

    /** A node of this test's window (another test's window may still be open). */
    private javafx.scene.Node find(String selector) {
        return fx(() -> window.stage().getScene().lookup(selector));
    }

    private String summary() {
        return fx(() -> ((Label) find("#health-summary")).getText());
    }

    @Test
    void stepStartsAPausedRunAndEachStepShowsTheHealthOfEveryLayer() {
        interact(() -> window.showTab("tab-training"));
        assertThat(status("hidden1")).isNull();
        clickOn("#step");
        waitSeconds(60, () -> window.training().stateProperty().get() == State.PAUSED);
        assertThat(fx(() -> ((Label) find("#training-progress-text")).getText()))
                .as("paused before the first minibatch").contains("iteration 0/");

        clickOn("#step");
        waitSeconds(30, () -> summary().startsWith("Step 1 "));
        waitSeconds(10, () -> status("hidden1") != null); // the canvas follows at the next pulse
        for (String id : List.of("hidden1", "hidden2", "output")) {
            Label line = status(id);
            assertThat(line).as("status of %s", id).isNotNull();
            assertThat(line.getText()).as("status of %s", id).contains("mean").contains("std").contains("grad");
            // laid out inside the node, not clipped away
            assertThat(fx(() -> line.getHeight())).as("height of the status of %s", id).isGreaterThan(8);
            assertThat(fx(() -> line.getBoundsInParent().getMaxY() <= line.getParent().getLayoutBounds().getHeight()
                    + 0.5 && line.getLayoutY() > 20)).as("status inside %s, under its header", id).isTrue();
            assertThat(fx(() -> line.getPseudoClassStates()))
                    .as("a freshly initialised XOR network is healthy: %s", id).contains(PseudoClass.getPseudoClass("good"));
        }
        assertThat(status("input")).as("the input has no layer to judge").isNull();
        assertThat(fx(() -> editor().getGraph().nodes().stream().filter(n -> n.id().equals("hidden1")).findFirst()
                .orElseThrow().tooltip())).contains("looks healthy");
        assertThat(window.training().stateProperty().get()).isEqualTo(State.PAUSED);

        String firstLine = status("hidden1").getText();
        clickOn("#step");
        waitSeconds(30, () -> summary().startsWith("Step 2 "));
        // the health line comes before the step's minibatch; the paused line after it
        waitSeconds(30, () -> ((Label) find("#training-progress-text")).getText().contains("iteration 2/"));
        String[] line = {firstLine};
        waitSeconds(10, () -> !status("hidden1").getText().equals(line[0]));
        assertThat(fx(() -> ((Label) find("#training-progress-text")).getText()))
                .contains("iteration 2/").doesNotContain("Paused \u2014 Paused");
        assertThat(status("hidden1").getText()).as("a new minibatch, new numbers").isNotEqualTo(firstLine);

        clickOn("#resume");
        waitSeconds(30, () -> status("hidden1") == null && summary().isEmpty());
        clickOn("#stop");
        waitSeconds(60, () -> window.training().stateProperty().get() == State.FINISHED);
    }

    @Test
    void theEpochSliderLooksBackAtEarlierWeights() {
        interact(() -> session().execute(DocumentCommands.setTraining(document().training().withEpochs(6))));
        interact(window::run);
        waitSeconds(90, () -> window.training().stateProperty().get() == State.FINISHED);
        // The evaluation follows the end and brings its own tab to the front: show the weights after it.
        waitSeconds(30, () -> window.training().evaluationProperty().get() != null);
        interact(() -> window.showTab("tab-weights"));
        Slider slider = (Slider) find("#weights-epoch");
        waitSeconds(10, () -> slider.getMax() == 6 && slider.isVisible());
        assertThat(fx(() -> ((Label) find("#weights-epoch-label")).getText())).isEqualTo("epoch 6 of 6");
        String last = fx(() -> ((Label) find(".weights-stats")).getText());
        interact(() -> slider.setValue(2));
        assertThat(fx(() -> ((Label) find("#weights-epoch-label")).getText())).isEqualTo("epoch 2 of 6");
        assertThat(fx(() -> ((Label) find("#weights").lookup(".label")).getText())).contains("epoch 2");
        assertThat(fx(() -> ((Label) find(".weights-stats")).getText()))
                .as("the weights after epoch 2 are not those after epoch 6").isNotEqualTo(last);
    }
}
