package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a label column becomes classes. */
class CsvLabelsTest {
    @Test
    void wholeNumbersZeroToKKeepTheirMeaning() {
        CsvLabels l = CsvLabels.of(List.of("2", "0", "1", "0"), ',');
        assertThat(l.numeric()).isTrue();
        assertThat(l.classNames()).containsExactly("0", "1", "2");
        assertThat(l.classes()).containsExactly(2, 0, 1, 0);
    }

    @Test
    void otherNumbersMapToClassesInNumericOrder() {
        // 10 sorts after 9 as a number (not as text), and 3.0 is the same class as 3
        CsvLabels l = CsvLabels.of(List.of("10", "3", "9", "3.0"), ',');
        assertThat(l.classNames()).containsExactly("3", "9", "10");
        assertThat(l.classes()).containsExactly(2, 0, 1, 0);
    }

    @Test
    void fractionsKeepTheirFirstSpellingAndDecimalCommasCountWithSemicolons() {
        CsvLabels l = CsvLabels.of(List.of("0,5", "1", "0,50"), ';');
        assertThat(l.numeric()).isTrue();
        assertThat(l.classNames()).containsExactly("0,5", "1");
        assertThat(l.classes()).containsExactly(0, 1, 0);
    }

    @Test
    void oneTextLabelMakesAllLabelsText() {
        CsvLabels l = CsvLabels.of(List.of("3", "cat", "10", "cat"), ',');
        assertThat(l.numeric()).isFalse();
        assertThat(l.classNames()).containsExactly("10", "3", "cat"); // sorted as text
        assertThat(l.classes()).containsExactly(1, 2, 0, 2);
    }

    @Test
    void noLabelsNoClasses() {
        CsvLabels l = CsvLabels.of(List.of(), ',');
        assertThat(l.classNames()).isEmpty();
        assertThat(l.classes()).isEmpty();
    }
}
