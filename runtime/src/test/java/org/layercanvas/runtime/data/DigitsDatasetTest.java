package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** The bundled 8x8 digits. */
class DigitsDatasetTest {

    @Test
    void loadsAllExamplesScaledToUnitRange() throws Exception {
        Examples digits = DigitsDataset.load();
        assertThat(digits.size()).isEqualTo(1797);
        assertThat(digits.featureCount()).isEqualTo(64);
        assertThat(digits.numClasses()).isEqualTo(10);
        assertThat(digits.classNames()).containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        float max = 0;
        for (float[] row : digits.features()) {
            assertThat(row).hasSize(64);
            for (float v : row) {
                assertThat(v).isBetween(0f, 1f);
                // pixel values are whole numbers 0..16 divided by 16
                assertThat(v * 16).isEqualTo((float) Math.rint(v * 16));
                max = Math.max(max, v);
            }
        }
        assertThat(max).as("some pixels are fully inked").isEqualTo(1f);
        int[] perClass = new int[10];
        for (int y : digits.labels()) {
            assertThat(y).isBetween(0, 9);
            perClass[y]++;
        }
        for (int d = 0; d < 10; d++) {
            assertThat(perClass[d]).as("examples of digit %d", d).isBetween(170, 185);
        }
    }

    @Test
    void loadingTwiceGivesTheSameData() throws Exception {
        Examples a = DigitsDataset.load();
        Examples b = DigitsDataset.load();
        assertThat(b.labels()).isEqualTo(a.labels());
        assertThat(b.features()).isDeepEqualTo(a.features());
    }

    @Test
    void parseRejectsBrokenRows() {
        String header = "p0" + ",p".repeat(63) + ",label\n";
        assertThatThrownBy(() -> DigitsDataset.parse(new BufferedReader(new StringReader(header + "1,2,3\n"))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 2").hasMessageContaining("65");
        String row = "0,".repeat(64) + "x\n";
        assertThatThrownBy(() -> DigitsDataset.parse(new BufferedReader(new StringReader(header + row))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> DigitsDataset.parse(new BufferedReader(new StringReader(""))))
                .isInstanceOf(DatasetException.class).hasMessageContaining("empty");
    }

    @Test
    void parseScalesAndSkipsBlankLines() throws Exception {
        String header = "h\n";
        String row = "16," + "0,".repeat(62) + "8,7\n";
        Examples ex = DigitsDataset.parse(new BufferedReader(new StringReader(header + "\n" + row)));
        assertThat(ex.size()).isEqualTo(1);
        assertThat(ex.features()[0][0]).isEqualTo(1f);
        assertThat(ex.features()[0][63]).isEqualTo(0.5f);
        assertThat(ex.labels()).containsExactly(7);
    }
}
