package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.app.main.MainWindow;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerType;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The editor window as a student uses it: palette, wiring, undo, files, keyboard. */
class MainWindowTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, DocumentSession.emptyDocument());
    }

    /** The palette row of a layer, after filtering the palette so that the row is on screen. */
    private Label paletteEntry(String name) {
        interact(() -> lookup("#palette-search").queryAs(javafx.scene.control.TextField.class).setText(name));
        waitUntil(() -> lookup(".palette-name").match((Label l) -> name.equals(l.getText())).tryQuery()
                .isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return lookup(".palette-name").match((Label l) -> name.equals(l.getText())).queryAs(Label.class);
    }

    @Test
    void filteredPaletteRowsNeverOverlap() {
        // a search term keeps rows whose descriptions wrap to different heights than the rows they replace
        for (String term : new String[] {"output", "pool", "", "norm", "in"}) {
            interact(() -> lookup("#palette-search").queryAs(javafx.scene.control.TextField.class).setText(term));
            WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS); // a few layout pulses
            WaitForAsyncUtils.waitForFxEvents();
            java.util.List<javafx.scene.control.IndexedCell<?>> cells = fx(() -> {
                java.util.List<javafx.scene.control.IndexedCell<?>> found = new java.util.ArrayList<>();
                for (javafx.scene.Node n : lookup("#palette-list").queryAs(javafx.scene.control.ListView.class)
                        .lookupAll(".list-cell")) {
                    javafx.scene.control.IndexedCell<?> c = (javafx.scene.control.IndexedCell<?>) n;
                    if (c.isVisible() && c.getItem() != null) {
                        found.add(c);
                    }
                }
                return found;
            });
            assertThat(cells).as("rows for '%s'", term).isNotEmpty();
            for (javafx.scene.control.IndexedCell<?> c : cells) {
                // each row's description gets the height its wrapped lines need, inside its own row
                Label description = fx(() -> (Label) c.lookup(".palette-description"));
                if (description == null) {
                    continue; // a heading
                }
                String row = fx(() -> String.valueOf(c.getItem()));
                assertThat(fx(description::getHeight)).as("description of %s for '%s'", row, term)
                        .isGreaterThanOrEqualTo(fx(() -> description.prefHeight(description.getWidth())) - 0.5);
                double bottom = fx(() -> c.sceneToLocal(description.localToScene(0, description.getHeight())).getY());
                assertThat(bottom).as("description bottom of %s for '%s'", row, term)
                        .isLessThanOrEqualTo(fx(c::getHeight) + 0.5);
            }
        }
    }

    @Test
    void dragADenseFromThePaletteWireInputDenseOutputAndSeeTheShape() {
        drag(paletteEntry("Dense"), MouseButton.PRIMARY).dropTo(screenOfCanvas(0, 110));
        waitUntil(() -> document().node("dense1").isPresent());
        drag(paletteEntry("Output"), MouseButton.PRIMARY).dropTo(screenOfCanvas(0, 220));
        waitUntil(() -> document().node("output1").isPresent());

        drag(port("input", false), MouseButton.PRIMARY).moveBy(0, 30).moveTo(port("dense1", true))
                .release(MouseButton.PRIMARY);
        drag(port("dense1", false), MouseButton.PRIMARY).moveBy(0, 30).moveTo(port("output1", true))
                .release(MouseButton.PRIMARY);

        assertThat(document().edges()).containsExactly(Edge.of("input", "dense1"), Edge.of("dense1", "output1"));
        // The Input's default vector of 2 values flows into the Dense; the Dense's 64 units into the Output.
        waitUntil(() -> lookup(".wire-label").queryAllAs(Label.class).stream().map(Label::getText).toList()
                .containsAll(java.util.List.of("2", "64")));
    }

    @Test
    void anIncompatibleConnectionIsRefusedWithTheReason() {
        interact(() -> window.canvas().addLayerAt(LayerType.CONV2D, new javafx.geometry.Point2D(260, 160)));
        waitUntil(() -> document().node("conv2d1").isPresent());
        NetworkDocument before = document();

        drag(port("input", false), MouseButton.PRIMARY).moveBy(40, 40).moveTo(port("conv2d1", true))
                .release(MouseButton.PRIMARY);

        assertThat(document()).isEqualTo(before);
        assertThat(editor().getLastRefusal())
                .isEqualTo("Conv2D 'conv2d1' needs an image (height x width x channels) but receives 2.");
    }

    @Test
    void undoAndRedoRestoreTheDocumentExactly() {
        NetworkDocument original = document();
        doubleClickOn(paletteEntry("Dense"));
        waitUntil(() -> document().node("dense1").isPresent());
        doubleClickOn(paletteEntry("Dropout"));
        waitUntil(() -> document().node("dropout1").isPresent());
        NetworkDocument built = document();

        clickOn(nodeView("dense1"));
        type(KeyCode.DELETE);
        waitUntil(() -> document().node("dense1").isEmpty());
        assertThat(document().edges()).isEmpty();

        press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(document()).isEqualTo(built);
        press(KeyCode.CONTROL).type(KeyCode.Z, KeyCode.Z, KeyCode.Z).release(KeyCode.CONTROL);
        assertThat(document()).isEqualTo(original);
        press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.Z, KeyCode.Z).release(KeyCode.SHIFT, KeyCode.CONTROL);
        assertThat(document()).isEqualTo(built);
    }

    @Test
    void saveThenReopenGivesAnEqualDocument() throws Exception {
        doubleClickOn(paletteEntry("Dense"));
        waitUntil(() -> document().node("dense1").isPresent());
        Path file = home.resolve("mine.lcnet");
        dialogs.answers.add(file);
        press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Files.exists(file)).isTrue();
        assertThat(DocumentJson.read(file)).isEqualTo(document());
        assertThat(fx(() -> window.stage().getTitle())).isEqualTo("LayerCanvas \u2014 mine");
        assertThat(fx(() -> session().commands().isDirty())).isFalse();

        dialogs.answers.add(file);
        press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        // The file is already open in this window: it is brought to the front, not opened twice.
        assertThat(fx(() -> app.windows().size())).isEqualTo(1);

        Path copy = home.resolve("copy.lcnet");
        Files.copy(file, copy);
        dialogs.answers.add(copy);
        press(KeyCode.CONTROL).type(KeyCode.O).release(KeyCode.CONTROL);
        waitUntil(() -> app.windows().size() == 2);
        MainWindow reopened = fx(() -> app.windows().get(1));
        assertThat(fx(() -> reopened.session().document())).isEqualTo(document());
        assertThat(fx(() -> reopened.session().commands().isDirty())).isFalse();
        assertThat(fx(() -> reopened.stage().getTitle())).isEqualTo("LayerCanvas \u2014 copy");
        interact(() -> reopened.stage().close());
    }

    @Test
    void closingWithUnsavedChangesAsksAndCancelKeepsTheWindow() {
        doubleClickOn(paletteEntry("Dense"));
        waitUntil(() -> document().node("dense1").isPresent());

        press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil(() -> lookup("#unsaved-dialog").tryQuery().isPresent());
        clickOn("Cancel");
        assertThat(fx(() -> window.stage().isShowing())).isTrue();
        assertThat(document().node("dense1")).isPresent();

        press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        waitUntil(() -> lookup("#unsaved-dialog").tryQuery().isPresent());
        clickOn("Don't Save");
        waitUntil(() -> !window.stage().isShowing());
    }

    @Test
    void aSmallNetworkCanBeBuiltWithTheKeyboardAlone() {
        clickOn(fx(() -> editor().localToScreen(20, 20)));
        type(KeyCode.TAB);
        waitUntil(() -> editor().getSelectedNodes().contains("input"));

        press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        write("Dense");
        type(KeyCode.ENTER);
        waitUntil(() -> document().node("dense1").isPresent());
        waitUntil(() -> editor().getSelectedNodes().contains("dense1"));

        press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        write("Output");
        type(KeyCode.ENTER);
        waitUntil(() -> document().node("output1").isPresent());

        assertThat(document().edges()).containsExactly(Edge.of("input", "dense1"), Edge.of("dense1", "output1"));
        assertThat(fx(() -> session().analysis().outputShape("output1").orElseThrow().label())).isEqualTo("10");
    }

    @Test
    void theRecentFilesMenuListsSavedFilesAndOpensThem() throws Exception {
        Path file = home.resolve("recent-xor.lcnet");
        Files.writeString(file, DocumentJson.write(TestDocs.sample("xor-2d")));
        interact(() -> app.recentFiles().add(file));
        javafx.scene.control.Menu recent = fx(() -> {
            javafx.scene.control.MenuBar bar = (javafx.scene.control.MenuBar) window.stage().getScene()
                    .lookup("#menu-bar");
            javafx.scene.control.Menu fileMenu = bar.getMenus().get(0);
            fileMenu.getOnShowing().handle(null);
            return fileMenu.getItems().stream().filter(i -> "menu-recent".equals(i.getId()))
                    .map(javafx.scene.control.Menu.class::cast).findFirst().orElseThrow();
        });
        javafx.scene.control.MenuItem entry = fx(() -> recent.getItems().get(0));
        assertThat(entry.getText()).startsWith("recent-xor.lcnet");
        interact(entry::fire);
        waitUntil(() -> app.windows().stream().anyMatch(w -> file.equals(w.session().file())));
    }
}
