package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.training.TrainingViewModel.State;
import org.layercanvas.runtime.interop.imports.Importers;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Export writes each format, says whose weights an ONNX file holds, and a Mermaid export reads back. */
class ExportNetworkTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, TestDocs.sample("xor-2d"));
    }

    private DialogPane exportFromMenu(String itemStart, Path out) {
        dialogs.answers.add(out);
        MenuItem item = fx(() -> {
            MenuBar bar = (MenuBar) window.stage().getScene().lookup("#menu-bar");
            Menu export = (Menu) bar.getMenus().get(0).getItems().stream()
                    .filter(i -> "menu-export".equals(i.getId())).findFirst().orElseThrow();
            return export.getItems().stream().filter(i -> i.getText().startsWith(itemStart)).findFirst()
                    .orElseThrow();
        });
        interact(item::fire);
        waitUntil(() -> lookup("#info-dialog").tryQuery().isPresent() || lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = lookup("#info-dialog").tryQuery().isPresent() ? lookup("#info-dialog").query()
                : lookup("#error-dialog").query();
        return pane;
    }

    private void close(DialogPane pane) {
        clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void eachFormatIsWrittenAndOnnxSaysWhoseWeightsItHolds() throws Exception {
        Path untrained = home.resolve("xor-untrained.onnx");
        DialogPane pane = exportFromMenu("ONNX", untrained);
        assertThat(pane.getId()).isEqualTo("info-dialog");
        assertThat(pane.getHeaderText()).isEqualTo("Wrote xor-untrained.onnx");
        assertThat(pane.getContentText()).contains("initial weights");
        close(pane);
        assertThat(Files.size(untrained)).isGreaterThan(100);

        Path mermaid = home.resolve("xor.mmd");
        close(exportFromMenu("Mermaid", mermaid));
        assertThat(Files.readString(mermaid)).startsWith("flowchart");
        assertThat(Importers.read(mermaid).document().nodes()).hasSameSizeAs(document().nodes());

        Path torch = home.resolve("xor.py");
        close(exportFromMenu("PyTorch", torch));
        assertThat(Files.readString(torch)).contains("import torch").contains("DistributedDataParallel");

        Path png = home.resolve("xor.png");
        close(exportFromMenu("Canvas picture", png));
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');

        // After a run of this very network, ONNX carries what it learned.
        press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() ->
                window.training().stateProperty().get() == State.FINISHED
                && window.training().lastRunProperty().get() != null));
        Path trained = home.resolve("xor-trained.onnx");
        pane = exportFromMenu("ONNX", trained);
        assertThat(pane.getContentText()).contains("the last run");
        close(pane);
        assertThat(Files.readAllBytes(trained)).isNotEqualTo(Files.readAllBytes(untrained));
    }
}
