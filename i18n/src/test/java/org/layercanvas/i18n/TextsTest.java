package org.layercanvas.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextsTest {
    private final Texts texts = Texts.of("org.layercanvas.i18n.test", TextsTest.class);

    @Test
    void patternsAreFilledForTheLocale() {
        assertThat(texts.get(Locale.US, "greeting", "Ada")).isEqualTo("Hello, Ada!");
        assertThat(texts.get(Locale.SIMPLIFIED_CHINESE, "greeting", "Ada")).isEqualTo("你好，Ada！");
        assertThat(texts.get(Locale.US, "count", 65536)).isEqualTo("65,536 parameters");
        assertThat(texts.get(Locale.US, "quote", "fine")).isEqualTo("It's fine");
    }

    @Test
    void plainTextsQuoteNumbersAsWritten() {
        assertThat(texts.plain(Locale.US, "count", 65536)).isEqualTo("65536 parameters");
        assertThat(texts.plain(Locale.US, "count", 0.001)).isEqualTo("0.001 parameters");
        assertThat(texts.plain(Locale.US, "count", 128.0)).isEqualTo("128 parameters");
    }

    @Test
    void aMissingKeyIsVisibleNotAnException() {
        assertThat(texts.get("no.such.key")).isEqualTo("!no.such.key!");
        assertThat(texts.plain("no.such.key", 1)).isEqualTo("!no.such.key!");
        assertThat(texts.has("greeting")).isTrue();
        assertThat(texts.has("no.such.key")).isFalse();
    }

    @Test
    void aTextWithoutArgumentsFollowsTheSameQuotingRules() {
        // a lone quote starts a quoted section in MessageFormat: bundles write '' for one quote
        assertThat(texts.get(Locale.US, "plainQuote")).isEqualTo("Dont panic");
    }
}
