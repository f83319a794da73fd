package org.layercanvas.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.app.TestDocs;
import org.layercanvas.app.document.DocumentCommands;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.runtime.interop.imports.ImportedWeights;

/** Which weights a window's runs start from, whether they fit, and where they are kept. */
class StartingWeightsTest {
    private final ShapeInference inference = new ShapeInference(LayerCatalog.standard());
    private final NetworkDocument digits = TestDocs.sample("digits-mlp");
    private final StartingWeights weights = new StartingWeights();

    @Test
    void weightsFitWhileEveryLayerKeepsItsParameterCount(@TempDir Path dir) throws Exception {
        assertThat(weights.fit(digits, inference.analyze(digits)).file()).as("none: fresh weights").isNull();
        Path file = Files.writeString(dir.resolve("model.zip"), "zip");
        weights.use(new ImportedWeights(ImportedWeights.Format.DL4J_ZIP, file,
                Map.of("hidden", 8_320L, "digit", 1_290L)));
        StartingWeights.Fit fit = weights.fit(digits, inference.analyze(digits));
        assertThat(fit.file()).isEqualTo(file);
        assertThat(fit.misfits()).isEmpty();

        NetworkDocument wider = DocumentCommands.setParam("hidden", "units", 64).apply(digits);
        StartingWeights.Fit misfit = weights.fit(wider, inference.analyze(wider));
        assertThat(misfit.file()).isNull();
        assertThat(misfit.misfits()).containsExactly("hidden", "digit");
    }

    @Test
    void savingKeepsTheWeightsBesideTheDocumentAndOpeningFindsThem(@TempDir Path dir) throws Exception {
        Path source = Files.write(dir.resolve("trained.h5"), new byte[] {1, 2, 3, 4});
        weights.use(new ImportedWeights(ImportedWeights.Format.KERAS_H5, source, Map.of("hidden", 8_320L)));
        Path doc = dir.resolve("net.lcnet");
        weights.keepNextTo(doc);
        Path kept = dir.resolve("net.weights.h5");
        assertThat(kept).hasBinaryContent(new byte[] {1, 2, 3, 4});
        assertThat(weights.get().source()).isEqualTo(kept);
        assertThat(weights.get().countsPerNode()).containsEntry("hidden", 8_320L);

        StartingWeights reopened = new StartingWeights();
        reopened.findNextTo(doc);
        assertThat(reopened.get().source()).isEqualTo(kept);
        assertThat(reopened.get().format()).isEqualTo(ImportedWeights.Format.KERAS_H5);
        StartingWeights none = new StartingWeights();
        none.findNextTo(dir.resolve("other.lcnet"));
        assertThat(none.get()).isNull();
    }
}
