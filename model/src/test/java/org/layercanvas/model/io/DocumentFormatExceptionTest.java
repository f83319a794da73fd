package org.layercanvas.model.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DocumentFormatExceptionTest {

    @Test
    void messageWithLineColumnAndPath() {
        DocumentFormatException e = new DocumentFormatException("digits.lcnet", 12, 7, "$.nodes[2].type",
                "unknown layer type \"Dense2\"");
        assertThat(e.getMessage()).isEqualTo("digits.lcnet:12:7: $.nodes[2].type: unknown layer type \"Dense2\"");
        assertThat(e.location()).isEqualTo("digits.lcnet:12:7");
        assertThat(e.line()).isEqualTo(12);
        assertThat(e.column()).isEqualTo(7);
        assertThat(e.jsonPath()).isEqualTo("$.nodes[2].type");
        assertThat(e.sourceName()).isEqualTo("digits.lcnet");
        assertThat(e.detail()).isEqualTo("unknown layer type \"Dense2\"");
    }

    @Test
    void withoutLineTheLocationIsThePath() {
        DocumentFormatException e = new DocumentFormatException("a.lcnet", 0, 0, "$.training.epochs", "bad");
        assertThat(e.location()).isEqualTo("$.training.epochs");
        assertThat(e.getMessage()).isEqualTo("a.lcnet: $.training.epochs: bad");
    }

    @Test
    void wholeFileProblemsLeaveThePathOut() {
        DocumentFormatException e = new DocumentFormatException("a.lcnet", 3, 0, "$", "not valid JSON");
        assertThat(e.getMessage()).isEqualTo("a.lcnet:3: not valid JSON");
        assertThat(e.location()).isEqualTo("a.lcnet:3");
        assertThat(new DocumentFormatException("a.lcnet", 0, 5, null, "x").jsonPath()).isEqualTo("$");
        assertThat(new DocumentFormatException("a.lcnet", 0, 5, null, "x").column()).isZero();
    }

    @Test
    void messagesAreFormattedWithMessageFormat() {
        assertThat(Messages.format("error.missingField", "title")).isEqualTo("missing required field \"title\"");
        assertThat(Messages.format("error.integerRange", 5_000_000_000L, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .isEqualTo("the number 5000000000 is out of range; expected a whole number from -2147483648 "
                        + "to 2147483647");
        // the one rule of every module: a missing key shows as !key!, never as an exception
        assertThat(Messages.format("no.such.key")).isEqualTo("!no.such.key!");
    }
}
