package org.layercanvas.runtime.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layercanvas.runtime.train.EndReason;
import org.layercanvas.runtime.train.TrainingEvent;

/** Sorting the worker's stdout lines into protocol messages and stray output. */
class StdoutLineTest {
    @Test
    void aProtocolLineIsItsMessage() {
        StdoutLine l = StdoutLine.parse("{\"type\":\"bye\"}");
        assertThat(l.message()).isEqualTo(new WorkerProtocol.Bye());
        assertThat(l.stderrNote()).isNull();
    }

    @Test
    void eventsComeThroughWhole() {
        WorkerProtocol.Event event = new WorkerProtocol.Event(new TrainingEvent.Finished(EndReason.STOPPED, 2, 40,
                0.5, 0.8, 1000, 3, "cpu"));
        assertThat(StdoutLine.parse(WorkerProtocol.toLine(event)).message()).isEqualTo(event);
    }

    @Test
    void blankLinesAreNothing() {
        for (String blank : new String[] {"", "   ", "\t"}) {
            StdoutLine l = StdoutLine.parse(blank);
            assertThat(l.message()).isNull();
            assertThat(l.stderrNote()).isNull();
        }
    }

    @Test
    void nativeOutputGoesWithStderr() {
        StdoutLine l = StdoutLine.parse("OpenBLAS WARNING - could not determine the L2 cache size");
        assertThat(l.message()).isNull();
        assertThat(l.stderrNote()).isEqualTo("(stdout) OpenBLAS WARNING - could not determine the L2 cache size");
    }

    @Test
    void aMessageOfANewerWorkerIsStillAMessage() {
        assertThat(StdoutLine.parse("{\"type\":\"nonsense\"}").message())
                .isInstanceOf(WorkerProtocol.Unknown.class);
    }

    @Test
    void aBrokenProtocolLineIsKeptWithTheReason() {
        StdoutLine l = StdoutLine.parse("{\"epoch\":3}");
        assertThat(l.message()).isNull();
        assertThat(l.stderrNote()).startsWith("(stdout, unreadable: ").endsWith(") {\"epoch\":3}");

        StdoutLine truncated = StdoutLine.parse("{\"type\":\"ite");
        assertThat(truncated.message()).isNull();
        assertThat(truncated.stderrNote()).contains("unreadable").endsWith("{\"type\":\"ite");
    }
}
