package org.layercanvas.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The inspector and the problems panel on the digits sample. */
class InspectorTest extends AppTestBase {

    @Start
    void start(Stage stage) {
        open(stage, digits());
    }

    private TextField unitsField() {
        waitUntil(() -> lookup("#inspector-layer").lookup(".text-field").tryQuery().isPresent());
        return lookup("#inspector-layer").lookup(".text-field").queryAs(TextField.class);
    }

    @Test
    void anOutOfRangeValueIsRefusedWithItsReasonAndAValidOneIsOneUndoStep() {
        clickOn(nodeView("hidden"));
        NetworkDocument before = document();

        doubleClickOn(unitsField()).eraseText(5).write("0").type(KeyCode.ENTER);
        assertThat(document()).isEqualTo(before);
        assertThat(fx(() -> window.inspector().lastRefusalProperty().get()))
                .isEqualTo("Dense 'hidden': units = 0 is out of range [1, 65536].");
        assertThat(unitsField().getText()).isEqualTo("128");

        doubleClickOn(unitsField()).eraseText(5).write("64").type(KeyCode.ENTER);
        assertThat(document().node("hidden").orElseThrow().params().get("units")).isEqualTo(64);
        assertThat(fx(() -> session().analysis().paramCount("hidden"))).isEqualTo(64L * 64 + 64);

        interact(() -> session().commands().undo());
        assertThat(document()).isEqualTo(before);
    }

    /** The Network tab's sheet, with section {@code title} open. */
    private org.controlsfx.control.PropertySheet networkSection(String title) {
        clickOn("Network");
        org.controlsfx.control.PropertySheet sheet = lookup("#inspector-network")
                .queryAs(org.controlsfx.control.PropertySheet.class);
        waitUntil(() -> sheet.lookup(".accordion") != null);
        interact(() -> {
            javafx.scene.control.Accordion a = (javafx.scene.control.Accordion) sheet.lookup(".accordion");
            a.getPanes().stream().filter(p -> title.equals(p.getText())).findFirst().ifPresent(a::setExpandedPane);
        });
        return sheet;
    }

    @Test
    void choosingAnotherDatasetKeepsTheDatasetSectionOpen() {
        org.controlsfx.control.PropertySheet sheet = networkSection("Dataset");
        assertThat(fx(() -> org.layercanvas.app.inspector.InspectorView.openSection(sheet))).isEqualTo("Dataset");
        // the spiral brings other fields (samples, noise) than the digits: the sheet rebuilds its sections
        var d = document().dataset();
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.setDataset(
                new org.layercanvas.model.DatasetSpec("spiral", java.util.Map.of(), d.split(), d.seed()))));
        waitUntil(() -> fx(() -> sheet.getItems().size()) > 6);
        assertThat(fx(() -> org.layercanvas.app.inspector.InspectorView.openSection(sheet))).isEqualTo("Dataset");
    }

    @Test
    void aValueTooLongForItsFieldIsWholeInTheFieldsTooltip() {
        clickOn("Network");
        String description = document().metadata().description();
        waitUntil(() -> lookup("#inspector-network").lookup(".text-field").match(
                (TextField t) -> description.equals(t.getText())).tryQuery().isPresent());
        TextField field = lookup("#inspector-network").lookup(".text-field").match(
                (TextField t) -> description.equals(t.getText())).queryAs(TextField.class);
        assertThat(description.length()).as("longer than the field shows at 1280 px").isGreaterThan(60);
        assertThat(fx(() -> field.getTooltip().getText())).isEqualTo(description);
    }

    @Test
    void atTheDefaultWindowSizeNoFieldNameIsCut() {
        org.controlsfx.control.PropertySheet sheet = networkSection("Dataset"); // "Validation part" was cut
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        java.util.List<String> cut = fx(() -> sheet.lookupAll(".label").stream()
                .map(n -> (javafx.scene.control.Label) n)
                .filter(l -> l.isVisible() && l.getWidth() > 0 && l.getText() != null && !l.getText().isEmpty())
                .filter(l -> l.getWidth() + 0.5 < l.prefWidth(-1))
                .map(l -> l.getText() + " (" + l.getWidth() + " of " + l.prefWidth(-1) + ")").toList());
        assertThat(cut).as("field names shorter than their text").isEmpty();
    }

    @Test
    void beforeADatasetIsChosenTheSplitShowsTheValuesThatWillBeUsed() {
        interact(() -> session().execute(org.layercanvas.app.document.DocumentCommands.setDataset(null)));
        clickOn("Network");
        org.controlsfx.control.PropertySheet sheet = lookup("#inspector-network")
                .queryAs(org.controlsfx.control.PropertySheet.class);
        java.util.Map<String, Object> values = fx(() -> {
            java.util.Map<String, Object> m = new java.util.HashMap<>();
            sheet.getItems().forEach(i -> m.put(i.getName(), String.valueOf(i.getValue())));
            return m;
        });
        assertThat(values).containsEntry("Training part", "0.7").containsEntry("Validation part", "0.1")
                .containsEntry("Test part", "0.2").containsEntry("Shuffle seed", "0");
    }

    @Test
    void clickingAProblemSelectsItsNodeAndItsFixIsOneClick() {
        // An image Input feeding the Dense: the validator offers to insert a Flatten.
        interact(() -> {
            session().execute(org.layercanvas.app.document.DocumentCommands.setParam("pixels", "kind", "image"));
            session().execute(org.layercanvas.app.document.DocumentCommands.setParam("pixels", "height", 8));
            session().execute(org.layercanvas.app.document.DocumentCommands.setParam("pixels", "width", 8));
        });
        waitUntil(() -> lookup(".problem-fix").tryQuery().isPresent());
        clickOn(".problem-message");
        waitUntil(() -> editor().getSelectedNodes().contains("hidden"));

        clickOn(lookup(".problem-fix").queryAs(Button.class));
        waitUntil(() -> document().nodes().stream().anyMatch(n -> n.type() == LayerType.FLATTEN));
        String flatten = document().nodes().stream().filter(n -> n.type() == LayerType.FLATTEN).findFirst()
                .orElseThrow().id();
        assertThat(document().edges()).contains(Edge.of("pixels", flatten), Edge.of(flatten, "hidden"));
        assertThat(fx(() -> session().analysis().hasErrors())).isFalse();
    }
}
