package org.layercanvas.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void wholeNumbersHaveNoDecimalPoint() {
        assertThat(Numbers.plain(128.0)).isEqualTo("128");
        assertThat(Numbers.plain(-3.0)).isEqualTo("-3");
        assertThat(Numbers.plain(65536)).isEqualTo("65536");
        assertThat(Numbers.plain(7L)).isEqualTo("7");
        assertThat(Numbers.isWhole(1e16)).isFalse();
    }

    @Test
    void otherNumbersHaveNoExponentAndNoTrailingZeros() {
        assertThat(Numbers.plain(0.001)).isEqualTo("0.001");
        assertThat(Numbers.plain(1e-8)).isEqualTo("0.00000001");
        assertThat(Numbers.plain(new BigDecimal("2.500"))).isEqualTo("2.5");
        assertThat(Numbers.plain(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.significant(0.123456789, 6)).isEqualTo("0.123457");
        assertThat(Numbers.significant(2.0, 6)).isEqualTo("2");
    }

    @Test
    void percentagesAndCounts() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(Numbers.percent(0.975)).isEqualTo("97.5 %");
            assertThat(Numbers.percent(Double.NaN)).isEqualTo("\u2014");
            assertThat(Numbers.grouped(1234567)).isEqualTo("1,234,567");
        } finally {
            Locale.setDefault(before);
        }
    }
}
