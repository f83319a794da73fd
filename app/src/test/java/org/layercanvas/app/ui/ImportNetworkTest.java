package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.model.shape.ShapeInference;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Import Network: a Mermaid flowchart opens as an editable network; a Keras file it cannot express does not. */
class ImportNetworkTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    private void importFromMenu(Path file) {
        dialogs.answers.add(file);
        MenuItem item = fx(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menu-bar");
            return bar.getMenus().get(0).getItems().stream()
                    .filter(i -> i.getText() != null && i.getText().startsWith("Import Network")).findFirst()
                    .orElseThrow();
        });
        interact(item::fire);
    }

    @Test
    void aMermaidFlowchartOpensAsAValidNetworkInANewWindow() throws Exception {
        Path file = home.resolve("course.mmd");
        Files.writeString(file, """
                flowchart TD
                  A[Input 28x28x1] --> B[Flatten]
                  B --> C[Dense 128 relu]
                  C --> D(Dropout 0.2)
                  D --> E[Output 10 softmax]
                """);
        MainWindow before = window;
        importFromMenu(file);
        // The untouched window the import was chosen from gives its place to the imported network.
        waitUntil(() -> app.windows().size() == 1 && app.windows().get(0) != before);
        MainWindow imported = fx(() -> app.windows().get(0));
        // The tutorial's shapes name its dataset: the network can be run at once, and the import says why.
        waitUntil(() -> lookup("#info-dialog").tryQuery().isPresent());
        DialogPane notes = lookup("#info-dialog").query();
        assertThat(notes.getContentText()).contains("dataset set to mnist");
        clickOn(notes.lookupButton(ButtonType.OK));
        assertThat(fx(() -> imported.session().document().dataset().id())).isEqualTo("mnist");
        NetworkDocument doc = fx(() -> imported.session().document());
        assertThat(doc.nodes()).extracting(n -> n.type()).containsExactly(LayerType.INPUT, LayerType.FLATTEN,
                LayerType.DENSE, LayerType.DROPOUT, LayerType.OUTPUT);
        assertThat(new ShapeInference(app.catalog()).analyze(doc).totalParams()).isEqualTo(101_770);
        // a new, unsaved network: saving asks where
        assertThat(fx(() -> imported.session().file())).isNull();
        interact(() -> imported.stage().close());
    }

    @Test
    void aKerasLayerTheCatalogCannotExpressIsNamedAndNothingOpens() throws Exception {
        Path file = home.resolve("conv1d.json");
        Files.writeString(file, """
                {"class_name": "Sequential", "config": {"name": "s", "layers": [
                  {"class_name": "Conv1D", "config": {"name": "conv1d_1", "filters": 8, "kernel_size": [3],
                   "activation": "relu", "batch_input_shape": [null, 100, 4]}},
                  {"class_name": "Flatten", "config": {"name": "flatten_1"}},
                  {"class_name": "Dense", "config": {"name": "dense_1", "units": 2, "activation": "softmax"}}]},
                 "keras_version": "2.4.0", "backend": "tensorflow"}
                """);
        importFromMenu(file);
        waitUntil(() -> lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = lookup("#error-dialog").query();
        assertThat(pane.getHeaderText()).isEqualTo("Cannot import conv1d.json");
        assertThat(pane.getContentText()).contains("conv1d_1").contains("Conv1D");
        clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> app.windows().size())).isEqualTo(1);
    }
}
