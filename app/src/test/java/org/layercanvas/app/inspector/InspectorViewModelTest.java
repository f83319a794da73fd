package org.layercanvas.app.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.app.document.DocumentSession;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.layers.LayerCatalog;

/** The inspector's state and edit rule, without a stage. */
class InspectorViewModelTest {
    private final DocumentSession session = new DocumentSession(LayerCatalog.standard(),
            TestDocs.sample("digits-mlp"), null);
    private final InspectorViewModel model = new InspectorViewModel(session);

    private FieldItem field(String key) {
        return model.field(key).orElseThrow(() -> new AssertionError("no field " + key));
    }

    @Test
    void showingALayerListsItsParametersWithTheirCurrentValues() {
        assertThat(model.layerFields()).isEmpty();
        assertThat(model.headingProperty().get()).isEqualTo("No layer selected");
        model.showNode("hidden");
        assertThat(model.layerFields()).extracting(FieldItem::key).contains("hidden.units", "hidden.activation");
        assertThat(field("hidden.units").getValue()).isEqualTo("128");
        assertThat(model.headingProperty().get()).contains("hidden");
        assertThat(model.nodeIdProperty().get()).isEqualTo("hidden");
        model.showNode(null);
        assertThat(model.layerFields()).isEmpty();
    }

    @Test
    void anAcceptedEditIsOneCommandAndTheFieldFollowsTheDocument() {
        model.showNode("hidden");
        String refusal = model.submit(field("hidden.units"), DocumentCommands.setParam("hidden", "units", 64));
        assertThat(refusal).isNull();
        assertThat(session.document().node("hidden").orElseThrow().params().get("units")).isEqualTo(64);
        assertThat(field("hidden.units").getValue()).isEqualTo("64");
        session.commands().undo();
        assertThat(field("hidden.units").getValue()).isEqualTo("128");
    }

    @Test
    void anEditTheValidatorRejectsIsRefusedWithItsReasonAndNothingChanges() {
        model.showNode("hidden");
        var before = session.document();
        String refusal = model.submit(field("hidden.units"), DocumentCommands.setParam("hidden", "units", 0));
        assertThat(refusal).isEqualTo("Dense 'hidden': units = 0 is out of range [1, 65536].");
        assertThat(model.lastRefusalProperty().get()).isEqualTo(refusal);
        assertThat(session.document()).isSameAs(before);
        model.submit(field("hidden.units"), DocumentCommands.setParam("hidden", "units", 32));
        assertThat(model.lastRefusalProperty().get()).isEmpty();
    }

    @Test
    void anotherDatasetBringsItsOwnOptionsAndTheFieldListIsReplacedOnlyThen() {
        List<FieldItem> digitsFields = List.copyOf(model.networkFields());
        assertThat(digitsFields).extracting(FieldItem::key).doesNotContain("dataset.options.noise");
        model.showNode("hidden");
        assertThat(model.networkFields()).containsExactlyElementsOf(digitsFields);

        var d = session.document().dataset();
        session.execute(DocumentCommands.setDataset(new DatasetSpec("spiral", java.util.Map.of(), d.split(),
                d.seed())));
        assertThat(model.networkFields()).extracting(FieldItem::key)
                .contains("dataset.options.samples", "dataset.options.noise");
        assertThat(field("dataset.options.samples").getValue()).isEqualTo("400");
    }

    @Test
    void theTransformerSamplesSequencesShowTheirOwnSizesAndDescriptions() {
        DocumentSession transformer = new DocumentSession(LayerCatalog.standard(),
                TestDocs.sample("transformer-block"), null);
        InspectorViewModel m = new InspectorViewModel(transformer);
        assertThat(m.field("dataset.options.samples").orElseThrow().getValue()).isEqualTo("4000");
        assertThat(m.field("dataset.options.length").orElseThrow().getValue()).isEqualTo("10");
        assertThat(m.field("dataset.options.vocab").orElseThrow().getValue()).isEqualTo("16");
        assertThat(m.field("dataset.options.vocab").orElseThrow().getDescription()).contains("length - 1");
        assertThat(m.field("dataset.options.noise")).isEmpty();
    }

    @Test
    void textInANumberFieldIsRefusedWithTheFieldsName() throws Exception {
        // the field puts the document's value back on the FX thread
        try {
            javafx.application.Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // started by an earlier test in this JVM
        }
        model.showNode("hidden");
        field("training.epochs").setValue("many");
        assertThat(model.lastRefusalProperty().get()).isEqualTo("Epochs: \"many\" is not a number.");
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(field("training.epochs").getValue()).isEqualTo(String.valueOf(session.document().training().epochs()));
    }
}
