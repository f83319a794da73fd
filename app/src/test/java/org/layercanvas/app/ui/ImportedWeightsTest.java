package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.layercanvas.runtime.train.TrainingEvent;
import org.testfx.framework.junit5.Start;

/**
 * A network imported with its trained weights trains on from them in the window (real worker): a model trained
 * here and imported back starts with a low loss, saving keeps the weights beside the document, and a network
 * whose sizes changed starts fresh and says why.
 */
class ImportedWeightsTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    private void fromFileMenu(MainWindow w, String text, Path answer) {
        dialogs.answers.add(answer);
        MenuItem item = fx(() -> {
            MenuBar bar = (MenuBar) w.stage().getScene().lookup("#menu-bar");
            return bar.getMenus().get(0).getItems().stream()
                    .filter(i -> i.getText() != null && i.getText().startsWith(text)).findFirst().orElseThrow();
        });
        interact(item::fire);
    }

    /** The loss of the first minibatch of the next run of {@code w}. */
    private double firstLoss(MainWindow w) {
        List<TrainingEvent.Iteration> seen = new CopyOnWriteArrayList<>();
        w.training().addEventListener(e -> {
            if (e instanceof TrainingEvent.Iteration it) {
                seen.add(it);
            }
        });
        interact(w::run);
        waitSeconds(120, () -> w.training().stateProperty().get() == State.FINISHED
                || w.training().stateProperty().get() == State.FAILED);
        assertThat(w.training().stateProperty().get()).as(w.training().messageProperty().get())
                .isEqualTo(State.FINISHED);
        return seen.get(0).loss();
    }

    @Test
    void aTrainedModelImportedBackTrainsOnFromItsWeights() throws Exception {
        interact(() -> session().execute(DocumentCommands.setTraining(document().training().withEpochs(8))));
        double fresh = firstLoss(window);
        waitSeconds(30, () -> window.training().lastRunProperty().get() != null); // recorded after its evaluation
        RunStore.RunInfo run = fx(() -> window.training().lastRunProperty().get());
        Path model = run.folder().resolve(RunStore.MODEL);
        waitSeconds(30, () -> Files.isRegularFile(model));

        fromFileMenu(window, "Import Network", model);
        waitUntil(() -> app.windows().size() == 2);
        MainWindow imported = fx(() -> app.windows().get(1));
        waitUntil(() -> lookup("#info-dialog").tryQuery().isPresent());
        DialogPane notes = lookup("#info-dialog").query();
        assertThat(notes.getContentText()).contains("trained weights").contains("start from them");
        clickOn(notes.lookupButton(ButtonType.OK));
        assertThat(fx(() -> imported.training().startingWeights().get())).isNotNull();
        interact(() -> imported.session().execute(DocumentCommands.setDataset(document().dataset())));
        interact(() -> imported.session().execute(DocumentCommands.setTraining(document().training()
                .withEpochs(1))));

        double trainedOn = firstLoss(imported);
        assertThat(fresh).as("an untrained digits network").isGreaterThan(1.5);
        assertThat(trainedOn).as("the imported weights are the trained ones").isLessThan(0.5);

        // Saving keeps the weights beside the document, and the next window opened on it starts from them.
        Path saved = home.resolve("imported.lcnet");
        fromFileMenu(imported, "Save As", saved);
        Path kept = home.resolve("imported.weights.zip");
        waitSeconds(20, () -> Files.isRegularFile(kept));
        assertThat(Files.size(kept)).isEqualTo(Files.size(model));
        waitSeconds(20, () -> kept.equals(imported.training().startingWeights().get().source()));

        // A network whose sizes changed cannot use them: it starts fresh and the dashboard says why.
        String hidden = fx(() -> imported.session().document().nodes().stream()
                .filter(n -> n.type() == org.layercanvas.model.layers.LayerType.DENSE).findFirst().orElseThrow().id());
        interact(() -> imported.session().execute(DocumentCommands.setParam(hidden, "units", 32)));
        interact(imported::run);
        assertThat(fx(() -> imported.training().messageProperty().get())).contains("no longer fit")
                .contains(hidden);
        waitSeconds(120, () -> imported.training().stateProperty().get() == State.FINISHED);
        interact(() -> imported.stage().close());
    }
}
