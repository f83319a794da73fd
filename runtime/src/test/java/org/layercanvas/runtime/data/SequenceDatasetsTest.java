package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.layercanvas.model.DatasetSpec;
import org.layercanvas.model.data.DatasetCatalog;

/** The "is the first token repeated later?" sequences. */
class SequenceDatasetsTest {

    @ParameterizedTest(name = "length {0}, vocab {1}")
    @CsvSource({"10, 16", "3, 2", "12, 11", "40, 100"})
    void everySequenceHasExactlyOnePairAndTheLabelSaysWhetherItIncludesTheFirstToken(int length, int vocab) {
        Examples ex = SequenceDatasets.firstRepeat(500, length, vocab, 3);
        assertThat(ex.size()).isEqualTo(500);
        assertThat(ex.classNames()).containsExactly("0", "1");
        for (int i = 0; i < ex.size(); i++) {
            float[] row = ex.features()[i];
            assertThat(row).hasSize(length);
            Map<Float, Integer> counts = new HashMap<>();
            for (float t : row) {
                assertThat(t).isBetween(0f, vocab - 1f).isEqualTo((float) Math.floor(t));
                counts.merge(t, 1, Integer::sum);
            }
            assertThat(counts).as("row %d", i).hasSize(length - 1);
            assertThat(counts.values()).containsOnly(1, 2);
            assertThat(ex.labels()[i]).as("row %d", i).isEqualTo(counts.get(row[0]) == 2 ? 1 : 0);
        }
    }

    @Test
    void halfOfEachClassAndTheRepeatedPositionVaries() {
        Examples ex = SequenceDatasets.firstRepeat(1000, 10, 16, 1);
        assertThat(Arrays.stream(ex.labels()).sum()).isEqualTo(500);
        boolean[] secondSeen = new boolean[10];
        for (int i = 0; i < ex.size(); i++) {
            float[] row = ex.features()[i];
            for (int t = 1; t < row.length; t++) {
                if (ex.labels()[i] == 1 && row[t] == row[0]) {
                    secondSeen[t] = true;
                }
            }
        }
        for (int t = 1; t < 10; t++) {
            assertThat(secondSeen[t]).as("first token repeated at position %d", t).isTrue();
        }
    }

    @Test
    void sameSeedSameData() {
        assertThat(SequenceDatasets.firstRepeat(50, 10, 16, 9).features())
                .isDeepEqualTo(SequenceDatasets.firstRepeat(50, 10, 16, 9).features());
        assertThat(SequenceDatasets.firstRepeat(50, 10, 16, 9).features())
                .isNotEqualTo(SequenceDatasets.firstRepeat(50, 10, 16, 10).features());
    }

    @Test
    void tooSmallAVocabularyIsRefused() {
        assertThatThrownBy(() -> SequenceDatasets.firstRepeat(10, 10, 8, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theLoaderMakesItFromTheOptions() throws Exception {
        Examples ex = DatasetLoader.load(new DatasetSpec(DatasetCatalog.FIRST_REPEAT,
                Map.of("samples", 60, "length", 7, "vocab", 9), null, 4));
        assertThat(ex.size()).isEqualTo(60);
        assertThat(ex.featureCount()).isEqualTo(7);
        Examples defaults = DatasetLoader.load(new DatasetSpec(DatasetCatalog.FIRST_REPEAT, Map.of(), null, 4));
        assertThat(defaults.size()).isEqualTo(DatasetCatalog.DEFAULT_REPEAT_SAMPLES);
        assertThat(defaults.featureCount()).isEqualTo(DatasetCatalog.DEFAULT_REPEAT_LENGTH);
    }
}
