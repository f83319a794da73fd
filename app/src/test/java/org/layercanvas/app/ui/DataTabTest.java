package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Split;
import org.layercanvas.model.layers.LayerType;
import org.layercanvas.runtime.data.download.DatasetCache;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Data tab, the dataset following into the Input and Output nodes, and CSV import. */
class DataTabTest extends AppTestBase {
    @Start
    void start(Stage stage) {
        open(stage, digits());
        app.setDatasetCache(new DatasetCache(home.resolve("cache")));
    }

    @Test
    void digitsArePreviewedAsPicturesWithTheClassBalanceOfTheTrainingSplit() {
        interact(() -> window.showData());

        waitUntil(() -> lookup("#data-pictures").tryQuery().isPresent());
        TilePane grid = lookup("#data-pictures").query();
        assertThat(grid.getChildren()).hasSize(40);
        VBox balance = lookup("#data-balance").query();
        assertThat(balance.getChildren()).hasSize(10);
        int total = balance.getChildren().stream().mapToInt(row -> Integer.parseInt(
                ((Label) ((HBox) row).getChildren().get(2)).getText().replaceAll("[^0-9]", ""))).sum();
        assertThat(total).isEqualTo(1078); // 60 % of 1797
        Label status = lookup("#data-status").query();
        assertThat(status.getText()).contains("359").contains("360").contains("10");
    }

    @Test
    void choosingMnistReshapesTheInputInOneUndoStepAndOffersTheDownload() {
        NetworkDocument before = document();
        interact(() -> session().execute(DocumentCommands.setDatasetAndFollow(
                new DatasetSpec("mnist", Map.of(), Split.DEFAULT, 0), session().inference())));
        NetworkDocument after = document();

        assertThat(after.node("pixels").orElseThrow().params()).containsEntry("kind", "image")
                .containsEntry("height", 28).containsEntry("channels", 1);
        assertThat(fx(() -> session().analysis().hasErrors()))
                .as("the Dense after an image Input now asks for a Flatten: reported, not silently changed")
                .isTrue();
        interact(() -> window.showData());
        waitUntil(() -> lookup("#data-download").query().isVisible());
        assertThat(((Label) lookup("#data-status").query()).getText()).contains("not downloaded")
                .contains(home.resolve("cache").resolve("mnist").toString());

        interact(() -> session().commands().undo());
        assertThat(document()).isEqualTo(before);
    }

    @Test
    void csvImportSetsTheDatasetAndTheNetworkFollowsIt() throws Exception {
        Path csv = home.resolve("flowers.csv");
        StringBuilder text = new StringBuilder("\uFEFFpetal length;petal width;\"kind\"\n");
        for (int i = 0; i < 60; i++) {
            text.append(1 + i % 3 + i * 0.01).append(';').append(i % 3 * 0.8).append(';')
                    .append(new String[] {"setosa", "versicolor", "virginica"}[i % 3]).append('\n');
        }
        Files.writeString(csv, text);

        // The dialog waits for the user: start it without waiting for it to return.
        javafx.application.Platform.runLater(() -> window.importCsv(csv));
        waitUntil(() -> lookup("#csv-import").tryQuery().isPresent());
        DialogPane pane = lookup("#csv-import").query();
        ChoiceBox<String> label = lookup("#csv-import-label").query();
        assertThat(label.getValue()).isEqualTo("kind");
        TableView<?> rows = lookup("#csv-import-rows").query();
        assertThat(rows.getColumns()).hasSize(3);
        assertThat(rows.getItems()).hasSize(50);
        Node ok = pane.lookupButton(ButtonType.OK);
        clickOn(ok);
        WaitForAsyncUtils.waitForFxEvents();

        NetworkDocument doc = document();
        assertThat(doc.dataset().id()).isEqualTo("csv");
        assertThat(doc.dataset().options()).containsEntry("path", csv.toAbsolutePath().toString())
                .containsEntry("label", "kind").containsEntry("features", 2).containsEntry("classes", 3)
                .containsEntry("normalize", "standardize");
        assertThat(doc.node("pixels").orElseThrow().params()).containsEntry("size", 2);
        assertThat(doc.nodes().stream().filter(n -> n.type() == LayerType.OUTPUT).findFirst().orElseThrow()
                .params()).containsEntry("units", 3);
        assertThat(fx(() -> session().analysis().hasErrors())).isFalse();
        waitUntil(() -> lookup("#data-table").tryQuery().isPresent());
        TableView<?> table = lookup("#data-table").query();
        assertThat(table.getItems()).hasSize(60);
    }

    @Test
    void theSanityReportMarksTheInputNodeAndOneClickFitsTheNetwork() throws Exception {
        Path csv = home.resolve("rare.csv");
        StringBuilder text = new StringBuilder("a,b,c,label\n");
        for (int i = 0; i < 100; i++) {
            text.append(i).append(',').append(i % 5).append(',').append(i % 3).append(',')
                    .append(i % 10 == 0 ? "rare" : "common").append('\n');
        }
        Files.writeString(csv, text);
        DatasetSpec spec = new DatasetSpec("csv", Map.of("path", csv.toString(), "label", "label"),
                new Split(0.8, 0.0, 0.2), 3);
        interact(() -> session().execute(DocumentCommands.setDataset(spec)));
        interact(() -> window.showData());

        // features and classes are not in the options, so the validator cannot know the shapes: the data does
        waitUntil(() -> lookup("#data-fit-input").query().isVisible());
        assertThat(((VBox) lookup("#data-findings").query()).getChildren())
                .anyMatch(n -> ((Label) n).getText().contains("imbalanced"))
                .anyMatch(n -> ((Label) n).getText().contains("Input node expects 64"));
        waitUntil(() -> nodeView("pixels").getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("warning") || p.getPseudoClassName().equals("error")));

        clickOn("#data-fit-input");
        waitUntil(() -> Integer.valueOf(3).equals(document().node("pixels").orElseThrow().params().get("size")));
        assertThat(document().nodes().stream().filter(n -> n.type() == LayerType.OUTPUT).findFirst()
                .orElseThrow().params()).containsEntry("units", 2);
    }

    @Test
    void anImageFolderWithoutClassFoldersIsRefusedInADialogThatSaysWhichAndWhy() throws Exception {
        Path folder = Files.createDirectories(home.resolve("holiday-photos"));
        Files.createDirectories(folder.resolve("beach"));
        NetworkDocument before = document();
        javafx.application.Platform.runLater(() -> window.importImages(folder));
        waitUntil(() -> lookup("#error-dialog").tryQuery().isPresent());
        DialogPane pane = lookup("#error-dialog").query();
        assertThat(pane.getHeaderText()).isEqualTo("holiday-photos");
        assertThat(pane.getContentText()).contains("1 sub-folders").contains("at least two");
        clickOn(pane.lookupButton(ButtonType.OK));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(document()).isEqualTo(before);
    }
}
