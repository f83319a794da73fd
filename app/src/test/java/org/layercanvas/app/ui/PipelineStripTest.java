package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentCommands;
import org.testfx.framework.junit5.Start;

/** The pipeline strip follows the document and its steps go where they are done. */
class PipelineStripTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    private boolean is(String step, String state) {
        Button b = lookup("#pipeline-" + step).queryAs(Button.class);
        return fx(() -> b.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals(state)));
    }

    private String selectedTab() {
        return fx(() -> lookup("#bottom-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem()
                .getId());
    }

    @Test
    void stepsShowWhereTheStudentIsAndGoWhereEachIsDone() {
        assertThat(is("data", "done")).isTrue();
        assertThat(is("training", "next")).isTrue();
        assertThat(fx(() -> lookup("#pipeline-training").queryAs(Button.class).getTooltip().getText()))
                .startsWith("Not trained yet");

        interact(() -> session().execute(DocumentCommands.setParam("hidden", "units", 0)));
        assertThat(is("model", "next")).as(fx(() -> lookup("#pipeline-model").queryAs(Button.class).getTooltip()
                .getText() + " / " + session().analysis().errors())).isTrue();
        assertThat(is("training", "later")).isTrue();
        clickOn("#pipeline-model");
        assertThat(selectedTab()).isEqualTo("tab-problems");
        interact(() -> session().commands().undo());
        assertThat(is("model", "done")).isTrue();

        clickOn("#pipeline-data");
        assertThat(selectedTab()).isEqualTo("tab-data");
        clickOn("#pipeline-deployment");
        assertThat(selectedTab()).isEqualTo("tab-runs");
    }
}
