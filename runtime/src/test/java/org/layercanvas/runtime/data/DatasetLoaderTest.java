package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.Split;

/** Loading the dataset a document names, with its options. */
class DatasetLoaderTest {

    @Test
    void toyOptionsAndSeedArePassedOn() throws Exception {
        Examples ex = DatasetLoader.load(new DatasetSpec("spiral", Map.of("samples", 123, "noise", 0.0,
                "classes", 4), Split.DEFAULT, 9));
        assertThat(ex.size()).isEqualTo(123);
        assertThat(ex.numClasses()).isEqualTo(4);
        Examples same = ToyDatasets.spiral(123, 0.0, 4, 9);
        assertThat(ex.features()).isDeepEqualTo(same.features());
    }

    @Test
    void toyDefaults() throws Exception {
        Examples ex = DatasetLoader.load(new DatasetSpec("circles", Map.of(), Split.DEFAULT, 1));
        assertThat(ex.size()).isEqualTo(DatasetLoader.DEFAULT_TOY_SAMPLES);
        assertThat(ex.features()).isDeepEqualTo(ToyDatasets.circles(DatasetLoader.DEFAULT_TOY_SAMPLES,
                DatasetLoader.DEFAULT_TOY_NOISE, 1).features());
    }

    @Test
    void randomWorkload() throws Exception {
        Examples ex = DatasetLoader.load(new DatasetSpec("random", Map.of("samples", 40, "features", 5,
                "classes", 3), Split.DEFAULT, 2));
        assertThat(ex.size()).isEqualTo(40);
        assertThat(ex.featureCount()).isEqualTo(5);
        assertThat(ex.numClasses()).isEqualTo(3);
    }

    @Test
    void digits() throws Exception {
        assertThat(DatasetLoader.load(new DatasetSpec("digits", Map.of(), Split.DEFAULT, 0)).size())
                .isEqualTo(1797);
    }

    @Test
    void unknownDatasetNamesTheAvailableOnes() {
        assertThatThrownBy(() -> DatasetLoader.load(new DatasetSpec("nosuch", Map.of(), Split.DEFAULT, 0)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("'nosuch'").hasMessageContaining("digits").hasMessageContaining("mnist");
    }

    @Test
    void downloadedDatasetsAreNotLoadedAsOneFloatBlock() {
        assertThatThrownBy(() -> DatasetLoader.load(new DatasetSpec("mnist", Map.of(), Split.DEFAULT, 0)))
                .isInstanceOf(DatasetException.class)
                .hasMessageContaining("mnist").hasMessageContaining("training only");
    }
}
