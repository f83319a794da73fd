package org.layercanvas.app.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layercanvas.app.TestDocs;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.Split;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;

/** The inspector's rule for a field edit, without a window. */
class EditCheckTest {
    private final ShapeInference inference = new ShapeInference(LayerCatalog.standard());
    private final NetworkDocument digits = TestDocs.sample("digits-mlp");

    private java.util.Optional<String> edit(NetworkDocument doc, String field, Command command) {
        Analysis before = inference.analyze(doc);
        return EditCheck.refusal(field, before, inference.analyze(command.apply(doc)));
    }

    @Test
    void aValueThatBreaksItsOwnFieldIsRefusedWithTheReason() {
        assertThat(edit(digits, "hidden.units", DocumentCommands.setParam("hidden", "units", 0)))
                .hasValueSatisfying(m -> assertThat(m).contains("units").contains("0"));
        assertThat(edit(digits, "training.learningRate",
                DocumentCommands.setTraining(digits.training().withLearningRate(0))))
                .hasValueSatisfying(m -> assertThat(m).contains("learning rate"));
    }

    @Test
    void aGoodValueGoesAhead() {
        assertThat(edit(digits, "hidden.units", DocumentCommands.setParam("hidden", "units", 64))).isEmpty();
    }

    @Test
    void aSplitIsCorrectedOneFieldAtATime() {
        DatasetSpec ds = digits.dataset();
        DatasetSpec over = new DatasetSpec(ds.id(), ds.options(), new Split(0.9, 0.2, 0.2), ds.seed());
        assertThat(edit(digits, "dataset.split.train", DocumentCommands.setDataset(over))).isEmpty();
    }

    @Test
    void errorsElsewhereOrAlreadyThereDoNotStopAnEdit() {
        NetworkDocument broken = DocumentCommands.setParam("hidden", "units", 0).apply(digits);
        assertThat(inference.analyze(broken).hasErrors()).isTrue();
        // editing another field of a document that already has an error
        assertThat(edit(broken, "training.epochs", DocumentCommands.setTraining(broken.training().withEpochs(3))))
                .isEmpty();
        // the same error again at the same field is not new
        assertThat(edit(broken, "hidden.units", DocumentCommands.setParam("hidden", "units", 0))).isEmpty();
    }
}
